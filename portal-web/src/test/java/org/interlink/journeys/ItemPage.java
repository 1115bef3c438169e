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

    /** The addressee's follow-up card: status, progress, rationale and timeline. */
    public String followUp() {
        return browser.text(By.id("follow-up"));
    }

    public String followUpStatus() {
        return browser.text(By.id("follow-up-status"));
    }

    /** An official of the addressee decides (ACCEPTED, PARTIALLY_ACCEPTED, REJECTED) with a rationale. */
    public ItemPage decide(String decision, String rationale) {
        new ItemFormPage(browser).radio("decide-form:decision", decision);
        browser.await(By.id("decide-form:rationale")).sendKeys(rationale);
        browser.await(By.id("decide-form:decide")).click();
        return new ItemPage(browser);
    }

    public ItemPage reportProgress(int percent, String note) {
        browser.await(By.id("progress-form:percent_input")).sendKeys(Integer.toString(percent));
        browser.await(By.id("progress-form:note")).sendKeys(note);
        browser.await(By.id("progress-form:report-progress")).click();
        return new ItemPage(browser);
    }
}
