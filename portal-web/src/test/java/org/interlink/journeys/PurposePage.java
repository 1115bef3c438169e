package org.interlink.journeys;

import org.openqa.selenium.By;

import java.util.List;

/** The question an AMBER or RED item asks a reader from another agency before it opens. */
public final class PurposePage extends PortalPage {

    PurposePage(Browser browser) {
        super(browser);
        browser.await(By.id("purpose-intro"));
    }

    /** The purposes offered (those the agreement the item is read under allows). */
    public List<String> reasons() {
        return browser.driver().findElements(By.xpath("//input[@name='purpose-form:reason']")).stream()
                .map(input -> input.getAttribute("value")).toList();
    }

    /** Gives the purpose and opens the item. */
    public ItemPage give(String reason, String inOwnWords) {
        browser.click(By.xpath("//input[@name='purpose-form:reason' and @value='" + reason
                + "']/../following-sibling::div[contains(@class,'ui-radiobutton-box')]"));
        browser.await(By.id("purpose-form:reason-text")).sendKeys(inOwnWords);
        browser.click(By.id("purpose-form:give-purpose"));
        return new ItemPage(browser);
    }
}
