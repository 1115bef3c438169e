package org.interlink.journeys;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** {@code agency/agreements.xhtml}: an agency administrator's register of data-sharing agreements. */
public final class AgreementsPage extends PortalPage {

    AgreementsPage(Browser browser) {
        super(browser);
        browser.awaitPortalPage("/agency/agreements.xhtml");
        browser.await(By.id("agreements:table"));
    }

    static AgreementsPage open(Browser browser) {
        browser.click(By.id("nav-agreements"));
        return new AgreementsPage(browser);
    }

    /** Drafts an agreement with one agency (its code), covering {@code coverage} up to {@code highest}, for {@code purposes}. */
    public AgreementsPage draft(String reference, String title, String partner, List<String> coverage, String highest,
            List<String> purposes, String from, String until) {
        ItemFormPage form = new ItemFormPage(browser);
        form.type("draft:reference", reference);
        form.type("draft:title", title);
        form.choose("draft:partner", partner);
        tick("draft:coverage", coverage);
        form.choose("draft:highest", highest);
        tick("draft:purposes", purposes);
        form.date("draft:from", from);
        form.date("draft:until", until);
        browser.click(By.id("draft:draft-button"));
        return new AgreementsPage(browser);
    }

    /** Whether the page offers to draft an agreement (to an agency's administrators). */
    public boolean offersDraft() {
        return !browser.driver().findElements(By.id("draft:draft-button")).isEmpty();
    }

    /** The agreement's row in the register (reference, title, parties, marking, dates, status). */
    public String row(String reference) {
        return browser.text(By.cssSelector("tr.il-agreement-" + reference));
    }

    public AgreementsPage openAgreement(String reference) {
        browser.click(By.linkText(reference));
        browser.await(By.id("opened-status"));
        return new AgreementsPage(browser);
    }

    /** The opened agreement's reference and title. */
    public String openedTitle() {
        return browser.text(By.id("opened-title"));
    }

    public String openedStatus() {
        return browser.text(By.id("opened-status"));
    }

    public AgreementsPage countersign() {
        browser.click(By.id("agreement:countersign"));
        return new AgreementsPage(browser);
    }

    public AgreementsPage terminate(String reason) {
        browser.await(By.id("agreement:reason")).sendKeys(reason);
        browser.click(By.id("agreement:terminate"));
        browser.driver().switchTo().alert().accept();
        return new AgreementsPage(browser);
    }

    private void tick(String group, List<String> values) {
        for (WebElement input : browser.driver().findElements(By.cssSelector("[id='" + group + "'] input[type=checkbox]"))) {
            WebElement box = input.findElement(By.xpath("./../following-sibling::div[contains(@class,'ui-chkbox-box')]"));
            if (box.getAttribute("class").contains("ui-state-active") != values.contains(input.getAttribute("value"))) {
                box.click();
            }
        }
    }
}
