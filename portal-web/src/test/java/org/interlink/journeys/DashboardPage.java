package org.interlink.journeys;

import org.openqa.selenium.By;

import java.util.List;

/** {@code index.xhtml}: who the caller is, the agency they act for, their agencies and roles. */
public final class DashboardPage extends PortalPage {

    DashboardPage(Browser browser) {
        super(browser);
        browser.await(By.id("dashboard-username"));
    }

    public String name() {
        return browser.text(By.id("dashboard-name"));
    }

    public String username() {
        return browser.text(By.id("dashboard-username"));
    }

    public String agency() {
        return browser.text(By.id("dashboard-agency"));
    }

    public List<String> roles() {
        return browser.driver().findElements(By.cssSelector("#dashboard-roles [data-role]")).stream()
                .map(e -> e.getAttribute("data-role")).toList();
    }
}
