package org.interlink.journeys;

import org.openqa.selenium.By;

/** {@code item.xhtml}: one item, its state, history and the workflow steps on offer. */
public final class ItemPage extends PortalPage {

    ItemPage(Browser browser) {
        super(browser);
        browser.awaitUrlStartingWith(PortalStack.portalUrl() + "/item.xhtml");
        browser.await(By.id("item-meta"));
    }

    public String id() {
        return browser.currentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
    }

    public String state() {
        return browser.text(By.cssSelector(".il-item-head .il-state"));
    }

    public String history() {
        return browser.text(By.id("history"));
    }

    public boolean hasStep(String id) {
        return !browser.driver().findElements(By.id("step-form:" + id)).isEmpty();
    }

    public void comment(String text) {
        browser.await(By.id("step-form:comment")).sendKeys(text);
    }

    public void step(String id) {
        browser.await(By.id("step-form:" + id)).click();
    }
}
