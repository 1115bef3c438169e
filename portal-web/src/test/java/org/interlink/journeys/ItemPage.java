package org.interlink.journeys;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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

    /** Publishing asks for a recent second factor: the page offers to confirm it (the suite's max age is short). */
    private static final By CONFIRM = By.id("step-form:confirm-second-factor");

    private String comment = "";

    public void comment(String text) {
        comment = text;
        if (!browser.driver().findElements(CONFIRM).isEmpty()) {
            // the second factor of this session is older than publishing accepts: confirmed first, as the page asks
            browser.confirmSecondFactor(CONFIRM);
            browser.awaitUrlStartingWith(PortalStack.portalUrl() + "/item.xhtml");
        }
        browser.await(By.id("step-form:comment")).sendKeys(text);
    }

    public void step(String id) {
        WebElement button = browser.await(By.id("step-form:" + id));
        button.click();
        // the step's answer replaces the form: waited for, so that a browser closed right after (try-with-resources)
        // never cuts the step off (CI's fresh clone once saw the vetter find no "publish": the "submit" was lost)
        browser.waitFor(Browser.WAIT).until(ExpectedConditions.stalenessOf(button));
        if (id.equals("publish")) {
            if (!browser.driver().findElements(CONFIRM).isEmpty()) {
                // refused: the second factor grew too old between the page and the click; confirmed, published again
                comment(comment);
                browser.click(By.id("step-form:publish"));
            }
        }
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
        browser.click(By.id("decide-form:decide"));
        return new ItemPage(browser);
    }

    public ItemPage reportProgress(int percent, String note) {
        browser.await(By.id("progress-form:percent_input")).sendKeys(Integer.toString(percent));
        browser.await(By.id("progress-form:note")).sendKeys(note);
        browser.click(By.id("progress-form:report-progress"));
        return new ItemPage(browser);
    }
}
