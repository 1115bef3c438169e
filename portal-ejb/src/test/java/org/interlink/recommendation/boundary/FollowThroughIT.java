package org.interlink.recommendation.boundary;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.interlink.Deployments;
import org.interlink.caller.entity.Caller;
import org.interlink.demo.DemoData;
import org.interlink.demo.DemoItem;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.NotAllowed;
import org.interlink.meeting.boundary.Meetings;
import org.interlink.meeting.entity.ActionItem;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.IllegalTransition;
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
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The follow-through on PostgreSQL, through the boundaries: who decides on a recommendation and
 * updates an action item, that every step and every refusal is audited, and that the readers of the
 * item see it in its history while those who cannot read the item cannot touch it.
 */
@ExtendWith(ArquillianExtension.class)
class FollowThroughIT {

    /** Given for every history read: some items read need one (another agency's TLP:AMBER or RED edition). */
    private static final String PURPOSE = "Border management operations: reading the history (test)";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(FollowThroughIT.class);
    }

    @Inject
    Recommendations recommendations;

    @Inject
    SharedItems sharedItems;

    @Inject
    Meetings meetings;

    @Inject
    Items items;

    @Inject
    VisibilityGate gate;

    @Inject
    DemoData demo;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Test
    void theAddresseesOfficialDecidesAndReportsProgressAndEveryoneWhoReadsItSeesIt() throws SQLException {
        Caller official = demo.as("moi.official", "iq-moi");
        ItemId id = publishedRecommendation("Connect the border points to the central database, follow-through test");

        long before = lastEventId();
        RecommendationVersion decided = recommendations.decide(official, id, FollowUpStatus.ACCEPTED, "Part of the 2027 plan");
        assertThat(decided.getFollowUp()).isEqualTo(FollowUpStatus.ACCEPTED);
        recommendations.reportProgress(official, id, 40, "Four of ten border points connected");
        assertThat(eventsSince(before)).containsExactly("moi.official STATE_CHANGE:ALLOWED", "moi.official STATE_CHANGE:ALLOWED");

        for (String reader : List.of("iom.liaison@iom-iq", "moi.auditor@iq-moi", "multi.liaison@iom-iq")) {
            Caller caller = as(reader);
            RecommendationVersion read = (RecommendationVersion) sharedItems.find(caller, id).orElseThrow();
            assertThat(read.getFollowUp()).as(reader).isEqualTo(FollowUpStatus.IN_PROGRESS);
            assertThat(read.getProgress()).as(reader).isEqualTo(40);
            assertThat(read.getRationale()).as(reader).contains("Part of the 2027 plan");
            assertThat(sharedItems.history(caller, id, PURPOSE)).as(reader).extracting(e -> e.getAction().name())
                    .contains("PUBLISHED", "DECIDED", "PROGRESS_REPORTED");
        }
        assertThat(sharedItems.history(official, id, PURPOSE)).as("the addressee sees the publication and the follow-up, not the vetting")
                .extracting(e -> e.getAction().name()).containsExactly("PUBLISHED", "DECIDED", "PROGRESS_REPORTED");
        assertThat(sharedItems.history(official, id, PURPOSE)).extracting(e -> e.getComment().orElse(""))
                .contains("accepted: Part of the 2027 plan", "40 %: Four of ten border points connected");
    }

    @Test
    void othersAreRefusedAndTheRefusalIsAuditedAndChangesNothing() throws SQLException {
        ItemId id = publishedRecommendation("Share watch lists at the airports, refusal test");

        long before = lastEventId();
        assertThatThrownBy(() -> recommendations.decide(demo.as("moi.auditor", "iq-moi"), id, FollowUpStatus.ACCEPTED, "Yes"))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> recommendations.decide(demo.as("iom.liaison", "iom-iq"), id, FollowUpStatus.ACCEPTED, "Yes"))
                .as("the submitting agency does not answer its own recommendation").isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> recommendations.decide(demo.as("interpol.liaison", "interpol"), id, FollowUpStatus.ACCEPTED, "Yes"))
                .as("not shared with INTERPOL: not found, as if it did not exist").isInstanceOf(ItemNotFound.class);
        assertThatThrownBy(() -> recommendations.decide(demo.as("donor.observer", "au-dibp"), id, FollowUpStatus.REJECTED, "No"))
                .isInstanceOf(ItemNotFound.class);
        assertThatThrownBy(() -> recommendations.reportProgress(demo.as("moi.official", "iq-moi"), id, 10, "Started"))
                .as("no progress before a decision").isInstanceOf(IllegalTransition.class);
        assertThat(eventsSince(before)).containsExactly("moi.auditor STATE_CHANGE:DENIED", "iom.liaison STATE_CHANGE:DENIED",
                "interpol.liaison UPDATE:DENIED", "donor.observer UPDATE:DENIED", "moi.official STATE_CHANGE:DENIED");

        RecommendationVersion unchanged = (RecommendationVersion) sharedItems.find(demo.as("iom.liaison", "iom-iq"), id).orElseThrow();
        assertThat(unchanged.getFollowUp()).isEqualTo(FollowUpStatus.UNDER_CONSIDERATION);
        assertThat(sharedItems.history(demo.as("iom.liaison", "iom-iq"), id, PURPOSE)).extracting(ItemEvent::getAction)
                .noneMatch(a -> a.isFollowThrough());
    }

    @Test
    void theOwnerAgencyOfAnActionItemUpdatesItOnThePublishedMeeting() throws SQLException {
        ItemId lyon = demoItem(DemoItem.LYON_VISIT);
        Caller interpol = demo.as("interpol.liaison", "interpol");

        long before = lastEventId();
        assertThatThrownBy(() -> meetings.updateActionItem(demo.as("moi.official", "iq-moi"), lyon, 4, ActionStatus.DONE, "Sent"))
                .as("INTERPOL's action item").isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> meetings.updateActionItem(demo.as("donor.observer", "au-dibp"), lyon, 4, ActionStatus.DONE, "Sent"))
                .as("the donor does not read the meeting").isInstanceOf(ItemNotFound.class);
        MeetingVersion meeting = meetings.updateActionItem(interpol, lyon, 4, ActionStatus.IN_PROGRESS, "Documentation in translation");
        assertThat(eventsSince(before)).containsExactly("moi.official UPDATE:DENIED", "donor.observer UPDATE:DENIED",
                "interpol.liaison UPDATE:ALLOWED");

        ActionItem updated = meeting.getActionItems().get(3);
        assertThat(updated.getStatus()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(updated.getNote()).contains("Documentation in translation");
        MeetingVersion read = (MeetingVersion) sharedItems.find(demo.as("iom.liaison", "iom-iq"), lyon).orElseThrow();
        assertThat(read.getActionItems().get(3).getStatus()).as("IOM reads the update").isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(sharedItems.history(demo.as("iom.liaison", "iom-iq"), lyon, PURPOSE)).extracting(e -> e.getAction().name())
                .contains("PUBLISHED", "ACTION_UPDATED");
    }

    @Test
    void aMeetingPageListsTheRecommendationsThatCameFromItAsFarAsTheReaderMayReadThem() {
        ItemId lyon = demoItem(DemoItem.LYON_VISIT);

        List<String> moi = sharedItems.dossier(demo.as("moi.official", "iq-moi"), lyon, null).orElseThrow().links().stream()
                .map(ItemVersion::getTitle).toList();
        assertThat(moi).contains(DemoItem.BMIS_RECOMMENDATION.title(), DemoItem.REJECTED_RECOMMENDATION.title());
        List<String> interpol = sharedItems
                .dossier(demo.as("interpol.liaison", "interpol"), lyon, "Criminal investigation: follow-through test").orElseThrow()
                .links().stream().map(ItemVersion::getTitle).toList();
        assertThat(interpol).as("the recommendations are shared with the Ministry only").isEmpty();
    }

    @Test
    void theDemoDataShowsEachStage() {
        Caller iom = demo.as("iom.liaison", "iom-iq");
        RecommendationVersion accepted = (RecommendationVersion) sharedItems.find(iom, demoItem(DemoItem.BMIS_RECOMMENDATION))
                .orElseThrow();
        assertThat(accepted.getFollowUp()).isEqualTo(FollowUpStatus.IN_PROGRESS);
        assertThat(accepted.getProgress()).isEqualTo(40);
        RecommendationVersion rejected = (RecommendationVersion) sharedItems.find(iom, demoItem(DemoItem.REJECTED_RECOMMENDATION))
                .orElseThrow();
        assertThat(rejected.getFollowUp()).isEqualTo(FollowUpStatus.REJECTED);
        assertThat(rejected.getRationale()).hasValueSatisfying(r -> assertThat(r).contains("2028 plan"));
        MeetingVersion lyon = (MeetingVersion) sharedItems.find(iom, demoItem(DemoItem.LYON_VISIT)).orElseThrow();
        assertThat(lyon.getActionItems()).extracting(ActionItem::getStatus).contains(ActionStatus.DONE);
        assertThat(lyon.getActionItems()).anyMatch(a -> a.isOverdue(LocalDate.now()));
    }

    private ItemId publishedRecommendation(String title) {
        Caller liaison = demo.as("iom.liaison", "iom-iq");
        RecommendationForm form = new RecommendationForm();
        form.setTitle(title);
        form.setSummary("So that the Ministry and its partners see the same picture.");
        form.setAddressee("iq-moi");
        SharingForm sharing = new SharingForm();
        sharing.setMarking(Marking.AMBER);
        sharing.setScope(Scope.NAMED_AGENCIES);
        sharing.setAgencies(List.of("iq-moi"));
        form.setSharing(sharing);
        ItemId id = items.draft(liaison, form).id();
        items.submit(liaison, id);
        items.publish(demo.as("iom.vetter", "iom-iq"), id, "Reviewed");
        return id;
    }

    private ItemId demoItem(DemoItem item) {
        for (String owner : List.of("moi.vetter@iq-moi", "iom.vetter@iom-iq")) {
            List<ItemVersion> found = sharedItems.list(as(owner), new ItemQuery(Listing.MY_AGENCY, null, null, null, item.title(),
                    ItemQuery.Order.UPDATED, false), 0, 2);
            if (!found.isEmpty()) {
                return found.get(0).getItem().id();
            }
        }
        throw new IllegalStateException("no demo item " + item);
    }

    private Caller as(String persona) {
        String[] parts = persona.split("@");
        return demo.as(parts[0], parts[1]);
    }

    private long lastEventId() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select coalesce(max(id), 0) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The audit events since {@code id} other than reads: "actor ACTION:OUTCOME". */
    private List<String> eventsSince(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement sql = connection.prepareStatement(
                        "select actor, action, outcome from audit_event where id > ? and action not in ('VIEW', 'LIST', 'HISTORY')"
                                // as the actor's agency reads them: another agency's refusal record of its item is that agency's
                                + " and (item_owner is null or item_owner = actor_agency or outcome <> 'DENIED') order by id")) {
            sql.setLong(1, id);
            List<String> events = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + " " + rows.getString(2) + ":" + rows.getString(3));
                }
            }
            return events;
        }
    }
}
