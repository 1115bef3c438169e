package org.interlink.journeys;

import org.interlink.demo.DemoItem;
import org.interlink.item.entity.AttachmentContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing across agencies as people do it: a liaison drafts and submits a recommendation to the
 * Ministry, a vetter of their agency publishes it, the Ministry reads it; nobody vets their own
 * item; an item that was not shared with you does not exist for you, even by its address.
 */
@ExtendWith(PortalStack.class)
class SharedItemsJourneyIT {

    private Browser browser;
    private String journey;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = new Browser();
        journey = "items-" + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowser() {
        browser.screenshot(journey);
        browser.close();
    }

    @Test
    void aRecommendationGoesFromIomThroughVettingToTheMinistry() {
        String title = "Joint border data dashboard " + UUID.randomUUID().toString().substring(0, 8);

        browser.signIn("iom.liaison");
        ItemPage item = ItemFormPage.recommendation(browser, "iq-moi", title,
                "Publish the border points' daily figures on a dashboard both agencies read.", "AMBER");
        assertThat(item.state()).isEqualTo("Draft");
        String id = item.id();
        item.step("submit");
        assertThat(new ItemPage(browser).state()).isEqualTo("Submitted");
        browser.screenshot("items-submitted-by-iom-liaison");
        signOut();

        browser.signIn("iom.vetter");
        browser.open(PortalStack.portalUrl() + "/items.xhtml?view=VETTING_QUEUE");
        assertThat(browser.text(By.id("items:table_data"))).contains(title);
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
        item = new ItemPage(browser);
        item.comment("Checked against the Lyon decisions");
        item.step("publish");
        item = new ItemPage(browser);
        assertThat(item.state()).isEqualTo("Published");
        assertThat(item.history()).contains("Published", "Checked against the Lyon decisions", "iom.vetter");
        signOut();

        browser.signIn("moi.official");
        browser.open(PortalStack.portalUrl() + "/items.xhtml?view=SHARED_WITH_MY_AGENCY");
        assertThat(browser.text(By.id("items:table_data"))).contains(title);
        browser.screenshot("items-shared-with-the-ministry");
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
        item = new PurposePage(browser).give("Policy and analysis", "Deciding on the dashboard");
        assertThat(item.title()).isEqualTo(title);
        assertThat(browser.text(By.id("recommendation-addressee"))).isEqualTo("Iraq Ministry of Interior");
        assertThat(item.hasStep("edit")).isFalse();
    }

    @Test
    void anOfficialRecordsAMeetingOutcomeWithDecisionsAndActionItems() {
        String title = "Border data working session " + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("moi.official");
        browser.open(PortalStack.portalUrl() + "/meeting-edit.xhtml");
        ItemFormPage form = new ItemFormPage(browser);
        form.type("meeting-form:title", title);
        form.type("meeting-form:summary", "Working session on the border data exchange with INTERPOL.");
        form.date("meeting-form:startsOn", "2026-11-24");
        form.date("meeting-form:endsOn", "2026-11-25");
        form.type("meeting-form:place", "Baghdad");
        form.pick("meeting-form:participants", "interpol");
        form.type("meeting-form:decisions", "Exchange stolen-document data weekly.\nReview the exchange in March.");
        browser.click(By.id("meeting-form:add-action"));
        browser.await(By.cssSelector(".il-action-row input.ui-inputtext"));
        form.typeIn(By.cssSelector(".il-action-row input.ui-inputtext"), "Name the Ministry's focal point");
        form.chooseIn(".il-action-row .ui-selectonemenu", "iq-moi");
        form.dateIn(".il-action-row input[id$='_input'][aria-haspopup='dialog']", "2026-12-15");
        form.choose("meeting-form:marking", "GREEN");
        form.radio("meeting-form:scope", "NAMED_AGENCIES");
        form.pick("meeting-form:agencies", "interpol");

        ItemPage item = form.save();

        assertThat(item.title()).isEqualTo(title);
        assertThat(browser.text(By.id("meeting-decisions"))).contains("Exchange stolen-document data weekly.",
                "Review the exchange in March.");
        assertThat(browser.text(By.id("meeting"))).contains("Name the Ministry's focal point", "Iraq Ministry of Interior", "2026-12-15",
                "INTERPOL");
        assertThat(item.state()).isEqualTo("Draft");
    }

    @Test
    void theAuthorCannotVetTheirOwnItem() {
        String title = "Vetter's own draft " + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("iom.vetter");
        browser.open(PortalStack.portalUrl() + "/record-edit.xhtml");
        ItemFormPage form = new ItemFormPage(browser);
        form.type("record-form:title", title);
        form.type("record-form:summary", "Displacement in Ninewa, October round.");
        form.date("record-form:referenceDate", "2026-10-31");
        form.type("record-form:location", "Ninewa");
        form.type("record-form:quantity_input", "41250");
        form.choose("record-form:marking", "GREEN");
        form.radio("record-form:scope", "ALL_MEMBERS");
        ItemPage item = form.save();
        item.step("submit");
        item = new ItemPage(browser);

        assertThat(item.state()).isEqualTo("Submitted");
        assertThat(item.hasStep("publish")).isFalse();
        assertThat(item.hasStep("return")).isFalse();
        assertThat(browser.text(By.id("step-form:own-version-note"))).contains("another vetter of your agency must vet it");
        browser.open(PortalStack.portalUrl() + "/items.xhtml?view=VETTING_QUEUE");
        assertThat(browser.text(By.id("items:table"))).doesNotContain(title);
    }

    @Test
    void anItemNotSharedWithYouIsNotFoundEvenByItsAddress() {
        browser.signIn("moi.official");
        browser.open(PortalStack.portalUrl() + "/items.xhtml?view=MY_AGENCY");
        browser.click(By.linkText(DemoItem.SAFWAN_INCIDENT.title()));
        String safwan = new ItemPage(browser).id();
        signOut();

        browser.signIn("interpol.liaison");
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + safwan);
        PortalPage page = new PortalPage(browser);
        assertThat(page.errorCode()).isEqualTo("404");
        assertThat(page.title()).isEqualTo("Page not found");

        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=999999999");
        assertThat(new PortalPage(browser).errorCode()).as("the same answer as for an item that does not exist").isEqualTo("404");
    }

    @Test
    void anIllegalMarkingAndScopeIsRefusedWithTheRuleAndNothingIsSaved() {
        browser.signIn("iom.liaison");
        browser.open(PortalStack.portalUrl() + "/record-edit.xhtml");
        ItemFormPage form = new ItemFormPage(browser);
        form.type("record-form:title", "Should not be saved");
        form.type("record-form:summary", "AMBER to everybody is not allowed.");
        form.date("record-form:referenceDate", "2026-10-31");
        form.type("record-form:location", "Anbar");
        form.type("record-form:quantity_input", "10");
        form.choose("record-form:marking", "AMBER");
        form.radio("record-form:scope", "ALL_MEMBERS");

        String error = form.saveFailing();

        assertThat(error).contains("TLP:AMBER may not be shared with all member agencies");
        browser.open(PortalStack.portalUrl() + "/items.xhtml?view=MY_AGENCY");
        assertThat(browser.text(By.id("items:table"))).doesNotContain("Should not be saved");
    }

    @Test
    void aFileAttachedToARecordIsServedOnlyToThoseWhoMayReadIt() throws Exception {
        byte[] csv = "governorate,displaced\nNinewa,41250\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("ninewa-figures", ".csv");
        Files.write(file, csv);
        browser.signIn("iom.liaison");
        browser.open(PortalStack.portalUrl() + "/record-edit.xhtml");
        ItemFormPage form = new ItemFormPage(browser);
        form.type("record-form:title", "Ninewa figures with table " + UUID.randomUUID().toString().substring(0, 8));
        form.type("record-form:summary", "The table is attached.");
        form.date("record-form:referenceDate", "2026-10-31");
        form.type("record-form:location", "Ninewa");
        form.type("record-form:quantity_input", "41250");
        ItemPage item = form.save();

        Path disguised = Files.createTempFile("minutes", ".pdf");
        Files.writeString(disguised, "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
        browser.driver().findElement(By.cssSelector("input[type=file][id^='attachment-form:file']")).sendKeys(disguised.toString());
        browser.click(By.id("attachment-form:attach"));
        item = new ItemPage(browser);
        assertThat(item.errorMessage()).as("a web page named .pdf").contains(disguised.getFileName().toString(), "text/html",
                "cannot be attached");
        assertThat(browser.driver().findElements(By.cssSelector("#attachment-form a.il-file-link"))).isEmpty();

        browser.driver().findElement(By.cssSelector("input[type=file][id^='attachment-form:file']")).sendKeys(file.toString());
        browser.click(By.id("attachment-form:attach"));
        item = new ItemPage(browser);
        String link = browser.await(By.cssSelector("#attachment-form a.il-file-link")).getAttribute("href");
        assertThat(browser.text(By.id("attachments"))).contains(file.getFileName().toString(), "SHA-256");

        String digest = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.headers.get('Digest')).then(arguments[1]);", link);
        assertThat(digest).isEqualTo("sha-256=" + AttachmentContent.sha256(csv));
        signOut();

        browser.signIn("interpol.liaison");
        browser.open(link);
        assertThat(new PortalPage(browser).errorCode()).isEqualTo("404");
    }

    /**
     * A post of one draft's edit form rewritten (by script, as a forger or a crossed tab would) to
     * name another draft whose version tag happens to be the same is refused with a message, and
     * neither draft changes: the item being edited is the one the form was loaded from.
     */
    @Test
    void anEditFormPostedForAnotherItemIsRefusedAndChangesNeither() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("iom.liaison");
        String first = draftRecord("Crossed form, first " + suffix).id();
        String second = draftRecord("Crossed form, second " + suffix).id();

        browser.open(PortalStack.portalUrl() + "/record-edit.xhtml?id=" + first);
        ItemFormPage form = new ItemFormPage(browser);
        form.type("record-form:title", "Written over by a crossed post " + suffix);
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var form = document.getElementById('record-form');"
                        + "var action = new URL(form.action, location.href); action.searchParams.set('id', arguments[0]);"
                        + "form.action = action.toString();",
                second);

        String error = form.saveFailing();

        assertThat(error).contains("Nothing was saved");
        browser.screenshot(journey + "-refused");
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + second);
        assertThat(new ItemPage(browser).title()).isEqualTo("Crossed form, second " + suffix);
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + first);
        assertThat(new ItemPage(browser).title()).isEqualTo("Crossed form, first " + suffix);
    }

    @Test
    void anEditSavedOverAChangeMadeMeanwhileIsToldAndThePageShowsTheItemAsItIsNow() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("iom.liaison");
        String id = draftRecord("Two tabs " + suffix).id();
        String edit = PortalStack.portalUrl() + "/record-edit.xhtml?id=" + id;
        browser.open(edit);
        ItemFormPage older = new ItemFormPage(browser);
        older.type("record-form:title", "Written over the other tab " + suffix);
        String first = browser.driver().getWindowHandle();

        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open(edit);
        ItemFormPage other = new ItemFormPage(browser);
        other.type("record-form:title", "Saved in the other tab " + suffix);
        other.save();
        browser.driver().switchTo().window(first);

        String error = older.saveFailing();

        assertThat(error).contains("Someone else changed this item just now");
        assertThat(browser.currentUrl()).contains("/record-edit.xhtml").contains("id=" + id);
        assertThat(browser.await(By.id("record-form:title")).getAttribute("value")).as("the form, reloaded, shows the item as it is now")
                .isEqualTo("Saved in the other tab " + suffix);
        browser.screenshot(journey + "-told");
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
        assertThat(new ItemPage(browser).title()).as("nothing written over").isEqualTo("Saved in the other tab " + suffix);
    }

    /** A new GREEN record of the caller's agency, drafted through the form. */
    private ItemPage draftRecord(String title) {
        browser.open(PortalStack.portalUrl() + "/record-edit.xhtml");
        ItemFormPage form = new ItemFormPage(browser);
        form.type("record-form:title", title);
        form.type("record-form:summary", "Displacement in Ninewa, October round.");
        form.date("record-form:referenceDate", "2026-10-31");
        form.type("record-form:location", "Ninewa");
        form.type("record-form:quantity_input", "41250");
        return form.save();
    }

    private void signOut() {
        new PortalPage(browser).signOut();
    }
}
