package org.interlink.journeys;

import org.interlink.demo.DemoItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of a recommendation: IOM's liaison writes it, IOM's vetter publishes it, the
 * Ministry's official accepts it with a rationale and reports 40 % progress, and the liaison reads
 * the decision and the progress on the recommendation.
 */
@ExtendWith(PortalStack.class)
class FollowThroughJourneyIT {

    private final Browser browser = new Browser();

    @AfterEach
    void closeBrowser() {
        browser.screenshot("follow-through-last-page");
        browser.close();
    }

    @Test
    void theMinistryAcceptsIomsRecommendationAndIomSeesTheDecisionAndProgress() {
        String title = "Joint risk analysis cell " + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("iom.liaison");
        browser.open(PortalStack.portalUrl() + "/recommendation-edit.xhtml");
        ItemFormPage form = new ItemFormPage(browser);
        form.choose("recommendation-form:addressee", "iq-moi");
        form.type("recommendation-form:title", title);
        form.type("recommendation-form:summary", "Set up a joint risk analysis cell of the Ministry and its partners.");
        form.choose("recommendation-form:marking", "GREEN");
        form.radio("recommendation-form:scope", "NAMED_AGENCIES");
        form.pick("recommendation-form:agencies", "iq-moi");
        ItemPage item = form.save();
        String id = item.id();
        item.step("submit");
        new ItemPage(browser).signOut();

        browser.signIn("iom.vetter");
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
        item = new ItemPage(browser);
        item.comment("In line with the programme");
        item.step("publish");
        assertThat(new ItemPage(browser).followUpStatus()).isEqualTo("Under consideration");
        new ItemPage(browser).signOut();

        browser.signIn("moi.official");
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
        item = new ItemPage(browser).decide("ACCEPTED", "The Ministry sets up the cell with the border points commission.");
        assertThat(item.followUpStatus()).isEqualTo("Accepted");
        item = item.reportProgress(40, "Cell staffed; two of five data feeds connected.");
        assertThat(item.followUpStatus()).isEqualTo("In progress");
        assertThat(browser.text(By.id("follow-up-progress"))).isEqualTo("40 %");
        browser.screenshot("follow-through-ministry-reported-progress");
        item.signOut();

        browser.signIn("iom.liaison");
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
        item = new ItemPage(browser);
        assertThat(item.followUpStatus()).isEqualTo("In progress");
        assertThat(item.followUp()).contains("40 %", "The Ministry sets up the cell with the border points commission.",
                "moi.official", "Progress reported", "Cell staffed; two of five data feeds connected.");
        assertThat(item.hasStep("edit")).isFalse();
        assertThat(browser.driver().findElements(By.id("decide-form"))).as("the submitting agency does not decide").isEmpty();
        browser.screenshot("follow-through-iom-reads-the-decision");
    }

    @Test
    void theMeetingPageShowsItsActionItemsOverdueOrDoneAndWhatBecameOfItsRecommendations() {
        browser.signIn("moi.official");
        browser.open(PortalStack.portalUrl() + "/items.xhtml?view=MY_AGENCY");
        browser.await(By.linkText(DemoItem.LYON_VISIT.title())).click();
        new ItemPage(browser);

        String actions = browser.text(By.id("meeting-actions"));
        assertThat(actions).contains("Send the list of border points with their connectivity", "Overdue", "Done",
                "Recommendations published for the Ministry");
        assertThat(browser.driver().findElements(By.cssSelector("#meeting-actions tr.il-overdue"))).as("overdue rows highlighted").isNotEmpty();
        assertThat(browser.text(By.id("meeting-recommendations"))).contains(DemoItem.BMIS_RECOMMENDATION.title(), "In progress · 40 %",
                DemoItem.REJECTED_RECOMMENDATION.title(), "Rejected");

        ItemFormPage form = new ItemFormPage(browser);
        form.choose("action-form:action-number", "2");
        form.choose("action-form:action-status", "DONE");
        form.type("action-form:action-note", "Focal points named at every border point");
        browser.await(By.id("action-form:update-action")).click();
        new ItemPage(browser);
        assertThat(browser.text(By.id("meeting-actions"))).contains("Focal points named at every border point");
        assertThat(new ItemPage(browser).history()).contains("Action item updated");
        browser.screenshot("follow-through-meeting-action-items");
    }
}
