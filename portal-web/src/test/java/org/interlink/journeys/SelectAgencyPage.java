package org.interlink.journeys;

import org.openqa.selenium.By;

import java.util.List;

/** {@code select-agency.xhtml}: a caller in several agencies chooses the one to act for. */
public final class SelectAgencyPage extends PortalPage {

    SelectAgencyPage(Browser browser) {
        super(browser);
        browser.awaitUrlStartingWith(PortalStack.portalUrl() + "/select-agency.xhtml");
    }

    public List<String> choices() {
        return browser.driver().findElements(By.cssSelector(".il-choice")).stream().map(e -> e.getText().trim()).toList();
    }

    public DashboardPage choose(String agencyCode) {
        browser.click(By.cssSelector(".choose-" + agencyCode));
        return new DashboardPage(browser);
    }
}
