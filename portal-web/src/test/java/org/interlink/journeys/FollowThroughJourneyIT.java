package org.interlink.journeys;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.interlink.demo.DemoItem;
import org.interlink.devstack.PortalDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of a recommendation: IOM's liaison writes it, IOM's vetter publishes it, the
 * Ministry's official finds it in their notifications, accepts it with a rationale and reports 40 %
 * progress; the liaison has notifications (and an e-mail) and reads the decision and the progress.
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
        ItemPage item = ItemFormPage.recommendation(browser, "iq-moi", title,
                "Set up a joint risk analysis cell of the Ministry and its partners.", "GREEN");
        String id = item.id();
        item.step("submit");
        new ItemPage(browser).signOut();

        assertThat(publish("iom.vetter", id, "In line with the programme").followUpStatus()).isEqualTo("Under consideration");
        new ItemPage(browser).signOut();

        browser.signIn("moi.official");
        DashboardPage dashboard = new PortalPage(browser).dashboard();
        assertThat(dashboard.attention("awaiting")).as("awaiting the Ministry's decision").isPositive();
        assertThat(dashboard.attention("unread")).isPositive();
        browser.screenshot("follow-through-ministry-dashboard");
        assertThat(dashboard.follow("awaiting")).contains(title);
        NotificationsPage inbox = new PortalPage(browser).notifications();
        assertThat(inbox.inbox()).contains("A recommendation for your agency", title);
        item = inbox.open(title).decide("ACCEPTED", "The Ministry sets up the cell with the border points commission.");
        assertThat(item.followUpStatus()).isEqualTo("Accepted");
        item = item.reportProgress(40, "Cell staffed; two of five data feeds connected.");
        assertThat(item.followUpStatus()).isEqualTo("In progress");
        assertThat(browser.text(By.id("follow-up-progress"))).isEqualTo("40 %");
        browser.screenshot("follow-through-ministry-reported-progress");
        item.signOut();

        browser.signIn("iom.liaison");
        PortalPage home = new PortalPage(browser);
        assertThat(home.unreadNotifications()).as("the decision, the progress report and the publication").isGreaterThanOrEqualTo(3);
        inbox = home.notifications();
        assertThat(inbox.inbox()).contains("Answer to your agency's recommendation", "accepted: The Ministry sets up the cell",
                "40 %: Cell staffed");
        browser.screenshot("follow-through-iom-inbox");
        item = inbox.open(title);
        assertThat(item.followUpStatus()).isEqualTo("In progress");
        assertThat(item.followUp()).contains("40 %", "The Ministry sets up the cell with the border points commission.",
                "moi.official", "Progress reported", "Cell staffed; two of five data feeds connected.");
        assertThat(item.hasStep("edit")).isFalse();
        assertThat(browser.driver().findElements(By.id("decide-form"))).as("the submitting agency does not decide").isEmpty();
        browser.screenshot("follow-through-iom-reads-the-decision");

        MimeMessage mail = awaitMail("iom.liaison@interlink.test", "Interlink: Your agency's recommendation was answered", id);
        assertThat(GreenMailUtil.getBody(mail)).as("the e-mail links to the item and carries no title")
                .contains("/item.xhtml?id=" + id).doesNotContain(title);
    }

    @Test
    void someoneWhoTurnedAKindOfEMailOffGetsTheNotificationButNotThatEMail() {
        browser.signIn("iom.liaison");
        NotificationsPage settings = new PortalPage(browser).notifications().mailOff("ITEM_PUBLISHED");
        assertThat(settings.mailOn("ITEM_PUBLISHED")).isFalse();
        assertThat(settings.mailOn("RECOMMENDATION_FOLLOWED_UP")).isTrue();

        browser.open(PortalStack.portalUrl() + "/record-edit.xhtml");
        ItemFormPage form = new ItemFormPage(browser);
        String title = "Opt-out figures " + UUID.randomUUID().toString().substring(0, 8);
        form.type("record-form:title", title);
        form.type("record-form:summary", "Displacement in Anbar, November round.");
        form.date("record-form:referenceDate", "2026-11-15");
        form.type("record-form:location", "Anbar");
        form.type("record-form:quantity_input", "12000");
        ItemPage item = form.save();
        String id = item.id();
        item.step("submit");
        new ItemPage(browser).signOut();
        publish("iom.vetter", id, "Figures checked");

        awaitMail("iom.vetter@interlink.test", "Interlink: An item is waiting for your vetting", id);
        String status = new FluentWait<>(id).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .until(itemId -> mailStatus("iom.liaison", "ITEM_PUBLISHED", itemId).filter(s -> !s.equals("PENDING")).orElse(null));
        assertThat(status).as("the liaison's notification of the publication").isEqualTo("OPTED_OUT");
        assertThat(PortalStack.mail().orElseThrow().getReceivedMessagesForDomain("iom.liaison@interlink.test"))
                .noneMatch(m -> GreenMailUtil.getBody(m).contains("/item.xhtml?id=" + id));
    }

    /** The vetter signs in and publishes the submitted item, saying why. */
    private ItemPage publish(String vetter, String id, String comment) {
        browser.signIn(vetter);
        browser.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
        ItemPage item = new ItemPage(browser);
        item.comment(comment);
        item.step("publish");
        return new ItemPage(browser);
    }

    /** The e-mail status of the person's notification of this kind about the item, once it exists. */
    private static Optional<String> mailStatus(String recipient, String kind, String id) {
        PortalDatabase database = PortalStack.database().orElseThrow();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement query = connection.prepareStatement(
                        "select mail_status from notification where recipient = ? and kind = ? and item_id = ?")) {
            query.setString(1, recipient);
            query.setString(2, kind);
            query.setLong(3, Long.parseLong(id));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (bounded) for the portal's e-mail to {@code to} about item {@code id} with this subject. */
    private static MimeMessage awaitMail(String to, String subject, String id) {
        GreenMail mail = PortalStack.mail().orElseThrow(() -> new org.opentest4j.TestAbortedException("no SMTP server of our own"));
        return new FluentWait<>(mail).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .withMessage("an e-mail to " + to + ": " + subject)
                .until(server -> Arrays.stream(server.getReceivedMessagesForDomain(to)).filter(m -> {
                    try {
                        return subject.equals(m.getSubject()) && GreenMailUtil.getBody(m).contains("/item.xhtml?id=" + id);
                    } catch (MessagingException e) {
                        return false;
                    }
                }).findFirst().orElse(null));
    }

    @Test
    void theMeetingPageShowsItsActionItemsOverdueOrDoneAndWhatBecameOfItsRecommendations() {
        browser.signIn("moi.official");
        DashboardPage dashboard = new PortalPage(browser).dashboard();
        assertThat(dashboard.attention("actions")).as("the Ministry's overdue list of border points").isPositive();
        int inProgress = dashboard.chartNumber("actions", "In progress");
        int done = dashboard.chartNumber("actions", "Done");
        assertThat(dashboard.follow("actions")).contains(DemoItem.LYON_VISIT.title());
        browser.click(By.linkText(DemoItem.LYON_VISIT.title()));
        new ItemPage(browser);

        String actions = browser.text(By.id("meeting-actions"));
        assertThat(actions).contains("Send the list of border points with their connectivity", "Overdue", "Done",
                "Recommendations published for the Ministry");
        assertThat(browser.driver().findElements(By.cssSelector("#meeting-actions tr.il-overdue"))).as("overdue rows highlighted")
                .isNotEmpty();
        assertThat(browser.text(By.id("meeting-recommendations"))).contains(DemoItem.BMIS_RECOMMENDATION.title(), "In progress · 40 %",
                DemoItem.REJECTED_RECOMMENDATION.title(), "Rejected");

        ItemFormPage form = new ItemFormPage(browser);
        form.choose("action-form:action-number", "2");
        form.choose("action-form:action-status", "DONE");
        form.type("action-form:action-note", "Focal points named at every border point");
        browser.click(By.id("action-form:update-action"));
        new ItemPage(browser);
        assertThat(browser.text(By.id("meeting-actions"))).contains("Focal points named at every border point");
        assertThat(new ItemPage(browser).history()).contains("Action item updated");
        browser.screenshot("follow-through-meeting-action-items");

        // the session's charts are kept for five minutes, but its own change shows at once
        browser.click(By.id("nav-dashboard"));
        dashboard = new PortalPage(browser).dashboard();
        assertThat(dashboard.chartNumber("actions", "In progress")).isEqualTo(inProgress - 1);
        assertThat(dashboard.chartNumber("actions", "Done")).isEqualTo(done + 1);
    }
}
