package org.interlink.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.interlink.Deployments;
import org.interlink.caller.entity.Caller;
import org.interlink.demo.DemoData;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.ItemId;
import org.interlink.meeting.boundary.ActionItemForm;
import org.interlink.meeting.boundary.MeetingForm;
import org.interlink.meeting.boundary.Meetings;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.notification.entity.NotificationKind;
import org.interlink.recommendation.boundary.RecommendationForm;
import org.interlink.recommendation.boundary.Recommendations;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.sharing.boundary.Attention;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications on PostgreSQL: each change notifies exactly the right people (agency, role, never
 * the one who made it), never anyone the visibility gate would not let read the item, and the inbox
 * shows a notification only while its item is readable. No mail server is configured here: nothing
 * is sent and everything else works.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(NotificationsIT.class);
    }

    @Inject
    Notifications notifications;

    @Inject
    Attention attention;

    @Inject
    Recommendations recommendations;

    @Inject
    Meetings meetings;

    @Inject
    Items items;

    @Inject
    DemoData demo;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Test
    void eachStepOfARecommendationNotifiesExactlyThePeopleWhoMustAct() throws SQLException {
        Caller liaison = demo.as("iom.liaison", "iom-iq");
        ItemId id = items.draft(liaison, recommendation("Notify test " + UUID.randomUUID())).id();
        items.submit(liaison, id);
        assertThat(notified(id)).as("the vetters of IOM, not the author").containsExactly("iom.vetter@iom-iq VETTING_WAITING");
        Caller official = demo.as("moi.official", "iq-moi");
        long awaiting = attention.counts(official).awaitingDecision();

        items.publish(demo.as("iom.vetter", "iom-iq"), id, "Reviewed");
        assertThat(attention.counts(official).awaitingDecision()).as("awaiting the Ministry's decision").isEqualTo(awaiting + 1);
        assertThat(notified(id)).containsExactlyInAnyOrder("iom.vetter@iom-iq VETTING_WAITING",
                "iom.liaison@iom-iq ITEM_PUBLISHED",
                "moi.official@iq-moi RECOMMENDATION_ADDRESSED", "moi.vetter@iq-moi RECOMMENDATION_ADDRESSED",
                "moi.admin@iq-moi RECOMMENDATION_ADDRESSED");

        recommendations.decide(official, id, FollowUpStatus.ACCEPTED, "Yes, from January");
        assertThat(attention.counts(official).awaitingDecision()).isEqualTo(awaiting);
        assertThat(notified(id)).contains("iom.liaison@iom-iq RECOMMENDATION_FOLLOWED_UP", "iom.vetter@iom-iq RECOMMENDATION_FOLLOWED_UP",
                "multi.liaison@iom-iq RECOMMENDATION_FOLLOWED_UP", "iom.admin@iom-iq RECOMMENDATION_FOLLOWED_UP").hasSize(9);
        assertThat(mailStatuses(id)).as("no mail server configured: nothing is sent").containsOnly("NOT_CONFIGURED");
    }

    @Test
    void nobodyIsToldOfAnItemTheGateWouldNotLetThemRead() throws SQLException {
        Caller official = demo.as("moi.official", "iq-moi");
        MeetingForm form = meeting("Bilateral meeting " + UUID.randomUUID(), Marking.AMBER, Scope.NAMED_AGENCIES);
        form.getSharing().setAgencies(List.of("iom-iq"));
        form.setActionItems(List.of(new ActionItemForm("Send the figures", "iom-iq", LocalDate.now().plusDays(30), ActionStatus.OPEN),
                new ActionItemForm("Check the alerts", "interpol", LocalDate.now().plusDays(30), ActionStatus.OPEN)));
        ItemId id = items.draft(official, form).id();
        items.submit(official, id);
        items.publish(demo.as("moi.vetter", "iq-moi"), id, "Agreed");

        assertThat(notified(id)).as("INTERPOL owns an action item but does not read the meeting: not told")
                .containsExactlyInAnyOrder("moi.vetter@iq-moi VETTING_WAITING", "moi.official@iq-moi ITEM_PUBLISHED",
                        "iom.liaison@iom-iq ACTION_ASSIGNED", "iom.vetter@iom-iq ACTION_ASSIGNED", "multi.liaison@iom-iq ACTION_ASSIGNED",
                        "iom.admin@iom-iq ACTION_ASSIGNED");

        MeetingForm red = meeting("Restricted meeting " + UUID.randomUUID(), Marking.RED, Scope.NAMED_USERS);
        red.getSharing().setPeople("interpol.liaison");
        red.setActionItems(List.of(new ActionItemForm("Send the figures", "iom-iq", LocalDate.now().plusDays(30), ActionStatus.OPEN),
                new ActionItemForm("Check the alerts", "interpol", LocalDate.now().plusDays(30), ActionStatus.OPEN)));
        ItemId restricted = items.draft(official, red).id();
        items.submit(official, restricted);
        items.publish(demo.as("moi.vetter", "iq-moi"), restricted, "Agreed");
        assertThat(notified(restricted)).as("TLP:RED: only the named person hears of it, however the action items are owned")
                .containsExactlyInAnyOrder("moi.vetter@iq-moi VETTING_WAITING", "moi.official@iq-moi ITEM_PUBLISHED",
                        "interpol.liaison@interpol ACTION_ASSIGNED");
    }

    @Test
    void theInboxShowsANotificationOnlyWhileItsItemIsReadable() {
        Caller official = demo.as("moi.official", "iq-moi");
        Caller liaison = demo.as("iom.liaison", "iom-iq");
        ItemId id = items.draft(liaison, recommendation("Inbox test " + UUID.randomUUID())).id();
        items.submit(liaison, id);
        long before = attention.unread(official);
        items.publish(demo.as("iom.vetter", "iom-iq"), id, "Reviewed");

        assertThat(attention.unread(official)).isEqualTo(before + 1);
        Attention.Entry newest = attention.inbox(official, 0, 1).get(0);
        assertThat(newest.notification().getKind()).isEqualTo(NotificationKind.RECOMMENDATION_ADDRESSED);
        assertThat(newest.version().getItem().getId()).isEqualTo(id.value());
        assertThat(notifications.open(demo.as("moi.vetter", "iq-moi"), newest.notification().getId()))
                .as("someone else's notification").isEmpty();
        assertThat(notifications.open(official, newest.notification().getId())).contains(new Notifications.Subject(id, null));
        assertThat(attention.unread(official)).isEqualTo(before);

        Caller vetter = demo.as("moi.vetter", "iq-moi");
        long vettersUnread = attention.unread(vetter);
        items.withdraw(demo.as("iom.vetter", "iom-iq"), id, "Sent by mistake");
        assertThat(attention.unread(vetter)).as("withdrawn: no longer shared, no longer in the inbox").isEqualTo(vettersUnread - 1);
        assertThat(attention.inbox(official, 0, 100)).noneMatch(e -> e.version().getItem().getId().equals(id.value()));
        assertThat(attention.inbox(demo.as("multi.liaison", "iq-bpc"), 0, 100))
                .as("acting for another agency: that agency's notifications only")
                .allMatch(e -> e.notification().getAgency().getCode().value().equals("iq-bpc"));
    }

    @Test
    void anOverdueActionItemIsNotifiedOnceToItsOwnerAgency() throws SQLException {
        Caller official = demo.as("moi.official", "iq-moi");
        MeetingForm form = meeting("Overdue test " + UUID.randomUUID(), Marking.GREEN, Scope.ALL_MEMBERS);
        form.setActionItems(List.of(new ActionItemForm("Report the figures", "iom-iq", LocalDate.now().minusDays(1), ActionStatus.OPEN),
                new ActionItemForm("Done already", "iom-iq", LocalDate.now().minusDays(1), ActionStatus.DONE)));
        ItemId id = items.draft(official, form).id();
        items.submit(official, id);
        items.publish(demo.as("moi.vetter", "iq-moi"), id, "Agreed");

        assertThat(notifications.notifyOverdue(LocalDate.now())).isGreaterThanOrEqualTo(1);
        assertThat(notified(id)).filteredOn(n -> n.endsWith("ACTION_OVERDUE"))
                .containsExactlyInAnyOrder("iom.liaison@iom-iq ACTION_OVERDUE", "iom.vetter@iom-iq ACTION_OVERDUE",
                        "multi.liaison@iom-iq ACTION_OVERDUE", "iom.admin@iom-iq ACTION_OVERDUE");
        assertThat(notifications.notifyOverdue(LocalDate.now())).as("once").isZero();
        assertThat(notified(id)).filteredOn(n -> n.endsWith("ACTION_OVERDUE")).hasSize(4);

        Attention.Counts counts = attention.counts(demo.as("iom.liaison", "iom-iq"));
        assertThat(counts.actionItemsDue()).as("IOM's overdue action item counts").isGreaterThanOrEqualTo(1);
        assertThat(counts.unreadNotifications()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void eachPersonChoosesTheKindsTheyGetEMailFor() {
        Caller official = demo.as("moi.official", "iq-moi");
        notifications.mailFor(official, EnumSet.of(NotificationKind.RECOMMENDATION_ADDRESSED));
        assertThat(notifications.mailKinds(official)).containsExactly(NotificationKind.RECOMMENDATION_ADDRESSED);
        notifications.mailFor(official, EnumSet.allOf(NotificationKind.class));
        assertThat(notifications.mailKinds(official)).hasSize(NotificationKind.values().length);
    }

    private static RecommendationForm recommendation(String title) {
        RecommendationForm form = new RecommendationForm();
        fill(form, title, Marking.AMBER, Scope.NAMED_AGENCIES);
        form.getSharing().setAgencies(List.of("iq-moi"));
        form.setAddressee("iq-moi");
        return form;
    }

    private static MeetingForm meeting(String title, Marking marking, Scope scope) {
        MeetingForm form = new MeetingForm();
        fill(form, title, marking, scope);
        form.setStartsOn(LocalDate.now().minusDays(10));
        form.setEndsOn(LocalDate.now().minusDays(10));
        form.setPlace("Baghdad");
        form.setParticipants(List.of("iq-moi", "iom-iq"));
        form.setDecisions("Exchange figures monthly");
        return form;
    }

    private static void fill(ItemForm form, String title, Marking marking, Scope scope) {
        form.setTitle(title);
        form.setSummary("For the notification tests.");
        SharingForm sharing = new SharingForm();
        sharing.setMarking(marking);
        sharing.setScope(scope);
        form.setSharing(sharing);
    }

    /** "username@agency KIND" of every notification about the item. */
    private List<String> notified(ItemId id) throws SQLException {
        return column("select n.recipient || '@' || a.code || ' ' || n.kind from notification n join agency a on a.id = n.agency_id"
                + " where n.item_id = ? order by n.id", id);
    }

    private List<String> mailStatuses(ItemId id) throws SQLException {
        return column("select mail_status from notification where item_id = ?", id);
    }

    private List<String> column(String sql, ItemId id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, id.value());
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
