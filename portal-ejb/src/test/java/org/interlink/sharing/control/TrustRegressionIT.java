package org.interlink.sharing.control;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.interlink.AuditRows;
import org.interlink.Deployments;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agreement.boundary.AgreementForm;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.audit.boundary.AuditTrail;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditFilter;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.control.People;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.demo.DemoData;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.CrossedEdit;
import org.interlink.item.entity.Dossier;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.NotAllowed;
import org.interlink.item.entity.PurposeRequired;
import org.interlink.meeting.boundary.ActionItemForm;
import org.interlink.meeting.boundary.MeetingForm;
import org.interlink.meeting.boundary.Meetings;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.notification.boundary.Notifications;
import org.interlink.recommendation.boundary.RecommendationForm;
import org.interlink.recommendation.boundary.Recommendations;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordType;
import org.interlink.records.entity.RecordVersion;
import org.interlink.sharing.boundary.Attention;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The leaks found by trying the portal as a hostile user (issue 16), each reproduced as it was found and
 * kept as a regression test, on PostgreSQL, and an edit form sent for another item than it was opened for. Each item is
 * the test's own (the demo items stay as the isolation matrix expects them).
 */
@ExtendWith(ArquillianExtension.class)
class TrustRegressionIT {

    /** Given for every history read: some items read need one (another agency's TLP:AMBER or RED edition). */
    private static final String PURPOSE = "Border management operations: reading the history (test)";

    private static final String DOCUMENT_NUMBER = "R7654321";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(TrustRegressionIT.class);
    }

    @Inject
    VisibilityGate gate;

    @Inject
    Attention attention;

    @Inject
    SharedItems sharedItems;

    @Inject
    Items items;

    @Inject
    Attachments attachments;

    @Inject
    Recommendations recommendations;

    @Inject
    Meetings meetings;

    @Inject
    AuditTrail trail;

    @Inject
    Agencies agencies;

    @Inject
    DemoData demo;

    @Inject
    Agreements agreements;

    @Inject
    People people;

    @Inject
    Notifications notifications;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /**
     * Reproduction 1: {@code moi.official} starts a new version of a published TLP:RED passport alert named to
     * {@code interpol.liaison} only, lowers the draft to GREEN / own agency and removes the document number;
     * {@code moi.admin} (not named) opened the item and read the RED version's snapshot under history.
     */
    @Test
    void aLowerMarkedNewDraftDoesNotOpenTheRedVersionBeforeItToTheOwnerAgency() {
        Caller official = demo.as("moi.official", "iq-moi");
        Caller vetter = demo.as("moi.vetter", "iq-moi");
        Caller admin = demo.as("moi.admin", "iq-moi");
        RecordForm alert = alert("Stolen blank passports, second batch (regression)");
        ItemId id = items.draft(official, alert).id();
        long redFile = attachments.attach(official, id, "numbers.csv", "text/csv",
                ("number\n" + DOCUMENT_NUMBER + "\n").getBytes(StandardCharsets.UTF_8)).getId();
        items.submit(official, id);
        items.publish(vetter, id, "Named recipient only");

        Item next = items.startNewVersion(official, id);
        RecordForm lowered = RecordForm.of((RecordVersion) next.current());
        lowered.getSharing().setMarking(Marking.GREEN);
        lowered.getSharing().setScope(Scope.OWN_AGENCY);
        lowered.getSharing().setPeople("");
        lowered.setDocumentNumber("withheld");
        lowered.setSummary("Blank passports reported stolen; the numbers went to INTERPOL.");
        Item edited = items.edit(official, id, lowered, next.current().tag());
        long copiedFile = edited.current().getAttachments().get(0).getId();
        attachments.detach(official, id, copiedFile);

        Dossier seen = sharedItems.dossier(admin, id, null).orElseThrow();
        assertThat(seen.version().getNumber()).isEqualTo(2);
        assertThat(seen.versions()).extracting(ItemVersion::getNumber).as("the RED version is not the admin's to read").containsExactly(2);
        assertThat(seen.sharedVersion()).as("nor is the RED shared version's follow-up").isEmpty();
        assertThat(seen.history()).as("no entry of the RED version").allSatisfy(e -> assertThat(e.getVersionNumber()).isEqualTo(2));
        assertThat(seen.history()).extracting(e -> e.getSnapshot().orElse(""))
                .as("no snapshot taken while version 2 was still RED (its start copied version 1)")
                .noneMatch(snapshot -> snapshot.contains(DOCUMENT_NUMBER) || snapshot.contains("TLP:RED"));
        assertThat(seen.history()).extracting(e -> e.getAction().name()).contains("EDITED").doesNotContain("NEW_VERSION", "PUBLISHED");
        assertThat(sharedItems.versions(admin, id)).extracting(ItemVersion::getNumber).containsExactly(2);
        assertThat(sharedItems.history(admin, id, PURPOSE)).extracting(ItemEvent::getVersionNumber).containsOnly(2);
        assertThat(attachments.download(admin, redFile)).as("the RED version's file").isEmpty();
        assertThat(attachments.download(admin, id, redFile)).as("the RED version's file, asked as the item's").isEmpty();

        assertThat(sharedItems.versions(official, id)).as("the author reads both").extracting(ItemVersion::getNumber).containsExactly(1, 2);
        assertThat(sharedItems.history(official, id, PURPOSE)).extracting(e -> e.getSnapshot().orElse(""))
                .anyMatch(s -> s.contains(DOCUMENT_NUMBER));
        assertThat(sharedItems.versions(vetter, id)).as("the vetters read both").extracting(ItemVersion::getNumber).containsExactly(1, 2);
        assertThat(attachments.download(vetter, redFile)).isPresent();
        Caller interpol = demo.as("interpol.liaison", "interpol");
        assertThat(sharedItems.versions(interpol, id)).as("the named recipient reads the RED edition").extracting(ItemVersion::getNumber)
                .containsExactly(1);
        assertThat(attachments.download(interpol, id, redFile, PURPOSE)).isPresent();
    }

    /**
     * Reproduction 2: {@code moi.auditor} opened items and files by guessed ids and exported their agency's
     * events: a refusal of another agency's existing item named it and its owner, a missing one did not, and a
     * refused file was named with its SHA-256. What the caller's agency reads must be the same for both.
     */
    @Test
    void aRefusalReadsTheSameToTheCallersAgencyForAMissingAndAnInvisibleItem() {
        Caller iom = demo.as("iom.liaison", "iom-iq");
        ItemId hidden = items.draft(iom, figures("IOM's private draft (regression)")).id();
        long hiddenFile = attachments.attach(iom, hidden, "private.csv", "text/csv",
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).getId();
        ItemId missing = new ItemId(hidden.value() + 1_000_000);
        long missingFile = hiddenFile + 1_000_000;
        Caller auditor = demo.as("moi.auditor", "iq-moi");
        Instant from = Instant.now().minusSeconds(1);

        for (ItemId id : List.of(hidden, missing)) {
            assertThat(sharedItems.find(auditor, id)).isEmpty();
            assertThat(sharedItems.dossier(auditor, id, null)).isEmpty();
            assertThat(sharedItems.history(auditor, id, PURPOSE)).isEmpty();
            assertThat(gate.findForChange(auditor, id)).isEmpty();
        }
        for (long file : List.of(hiddenFile, missingFile)) {
            assertThat(attachments.download(auditor, file)).isEmpty();
        }
        assertThat(attachments.download(auditor, hidden, hiddenFile)).isEmpty();
        assertThat(attachments.download(auditor, missing, missingFile)).isEmpty();

        AuditFilter mine = new AuditFilter(from, null, "moi.auditor", null, null, null, null);
        List<AuditEvent> seen = trail.events(auditor, mine, 0, 100).stream()
                .filter(e -> e.getOutcome().name().equals("DENIED")).toList();
        List<String> aboutHidden = described(seen, hidden.value(), hiddenFile);
        List<String> aboutMissing = described(seen, missing.value(), missingFile);
        assertThat(aboutHidden).as("what the Ministry's auditor reads of the refusals").hasSize(6)
                .containsExactlyElementsOf(aboutMissing);
        assertThat(String.join("\n", aboutHidden)).doesNotContain("iom-iq", "private.csv", "sha256", "not visible");
        String csv = trail.exportCsv(auditor, mine);
        assertThat(csv).doesNotContain("iom-iq", "private.csv", "not visible");

        // found in review: the places of the auditor's own reads in IOM's chains counted IOM's records between them
        ItemId shared = items.draft(iom, figures("IOM's figures for everyone (regression)")).id();
        items.submit(iom, shared);
        items.publish(demo.as("iom.vetter", "iom-iq"), shared, "For everyone");
        assertThat(sharedItems.find(auditor, shared)).isPresent();
        List<AuditEvent> reads = trail.events(auditor, new AuditFilter(from, null, "moi.auditor", null, null, shared.value(), null), 0, 10);
        assertThat(reads).hasSize(1).allSatisfy(e -> {
            assertThat(e.getChain()).startsWith("iom-iq/");
            assertThat(AuditTrail.showsLink(auditor, e)).as("no place in IOM's chain").isFalse();
        });
        assertThat(trail.exportCsv(auditor, mine)).as("nor in the CSV").doesNotContain("iom-iq/");
        assertThat(AuditTrail.showsLink(demo.as("platform.admin", null), reads.get(0))).isTrue();

        Caller iomAuditor = Caller.resolve(new Username("iom.auditor.regression"), "IOM auditor", List.of(Role.AUDITOR),
                agencies.withCodes(List.of(AgencyCode.of("iom-iq"))), Optional.empty());
        List<AuditEvent> owners = trail.events(iomAuditor, mine, 0, 100);
        assertThat(owners).as("the owner agency's auditors read what happened to their item")
                .filteredOn(e -> Long.valueOf(hidden.value()).equals(e.getItemId()) && "iom-iq".equals(e.getItemOwner()))
                .extracting(AuditEvent::getDetails)
                .contains("item " + hidden + " not visible to the caller")
                .anyMatch(details -> details.contains("private.csv") && details.contains("sha256"));
        assertThat(owners).as("but nothing of the missing item").noneMatch(e -> Long.valueOf(missing.value()).equals(e.getItemId()));
    }

    /**
     * Found by reading the code: a meeting's snapshot listed the ids of the recommendations linked to it, which
     * the history showed to readers who may not read them.
     */
    @Test
    void aSnapshotNamesOnlyTheLinkedItemsItsReaderReads() {
        Caller official = demo.as("moi.official", "iq-moi");
        Caller iom = demo.as("iom.liaison", "iom-iq");
        ItemId draft = items.draft(official, recommendation("Still a draft, linked (regression)", "iom-iq")).id();
        MeetingForm form = new MeetingForm();
        form.setTitle("Coordination meeting with a draft linked (regression)");
        form.setSummary("Minutes for every member agency.");
        form.getSharing().setMarking(Marking.GREEN);
        form.getSharing().setScope(Scope.ALL_MEMBERS);
        form.setStartsOn(LocalDate.parse("2026-11-20"));
        form.setEndsOn(LocalDate.parse("2026-11-20"));
        form.setPlace("Baghdad");
        form.setParticipants(List.of("iq-moi"));
        form.setDecisions("Prepare the recommendation to IOM.");
        form.setRecommendations(List.of(draft.value()));
        ItemId meeting = items.draft(official, form).id();
        items.submit(official, meeting);
        items.publish(demo.as("moi.vetter", "iq-moi"), meeting, "Minutes agreed");

        // found by the generated histories: a link to an item the author may not read was refused, and its record rolled back
        MeetingForm toHidden = MeetingForm.of((MeetingVersion) sharedItems.find(official, meeting).orElseThrow());
        toHidden.setTitle("Linking what IOM may not read (regression)");
        toHidden.setParticipants(List.of("iom-iq"));
        assertThatThrownBy(() -> items.draft(iom, toHidden)).isInstanceOf(ItemNotFound.class);
        assertThat(trail.events(demo.as("platform.admin", null), new AuditFilter(null, null, "iom.liaison", null,
                AuditAction.VIEW, draft.value(), null), 0, 10))
                .as("the refused link is recorded (for IOM, and for the Ministry, whose draft it is)")
                .extracting(e -> e.getOutcome().name()).containsExactly("DENIED", "DENIED");

        Dossier read = sharedItems.dossier(iom, meeting, null).orElseThrow();
        assertThat(read.links()).isEmpty();
        assertThat(read.history()).extracting(e -> e.getSnapshot().orElse("")).as("IOM reads the publication's snapshot")
                .anyMatch(snapshot -> snapshot.contains("\"recommendations\":[]"));
        assertThat(read.history()).noneMatch(e -> e.linkedItems().contains(draft.value()));
        assertThat(sharedItems.history(iom, meeting, PURPOSE)).noneMatch(e -> e.linkedItems().contains(draft.value()));
        assertThat(sharedItems.history(official, meeting, PURPOSE)).extracting(e -> e.getSnapshot().orElse(""))
                .as("its author reads the link")
                .anyMatch(snapshot -> snapshot.contains("\"recommendations\":[" + draft + "]"));
    }

    /**
     * Found by reading the code: the answer to a follow-up step listed every follow-up entry of the item, those of
     * an earlier edition addressed (and shared) to another agency included, not the reader's history.
     */
    @Test
    void theAnswerToAFollowUpStepHoldsOnlyTheReadersHistory() {
        Caller liaison = demo.as("iom.liaison", "iom-iq");
        Caller iomVetter = demo.as("iom.vetter", "iom-iq");
        RecommendationForm toMinistry = recommendation("Share crossing data daily (regression)", "iq-moi");
        ItemId id = items.draft(liaison, toMinistry).id();
        items.submit(liaison, id);
        items.publish(iomVetter, id, "Reviewed");
        recommendations.decide(demo.as("moi.official", "iq-moi"), id, FollowUpStatus.ACCEPTED, "The Ministry's own reasons");

        long agreement = agreementWithTheCommission(demo.as("iom.admin", "iom-iq"));
        try {
            readdressToTheCommission(liaison, iomVetter, id);
        } finally {
            agreements.terminate(demo.as("iom.admin", "iom-iq"), agreement, "End of the regression test");
        }
    }

    /** IOM and the Border Points Commission agree on recommendations up to TLP:AMBER (its administrator countersigns). */
    private long agreementWithTheCommission(Caller iomAdmin) {
        AgreementForm form = new AgreementForm();
        form.setReference("IOM-BPC-" + UUID.randomUUID().toString().substring(0, 8));
        form.setTitle("IOM – Border Points Commission: recommendations (regression)");
        form.setAgencies(List.of("iq-bpc"));
        form.setCoverage(List.of(Coverage.RECOMMENDATION));
        form.setPurposes(List.of(PurposeOfUse.BORDER_MANAGEMENT));
        form.setHighestMarking(Marking.AMBER);
        form.setValidFrom(LocalDate.now().minusDays(1));
        form.setValidUntil(LocalDate.now().plusDays(30));
        long id = agreements.draft(iomAdmin, form).getId();
        agreements.countersign(Caller.resolve(new PersonId("regression-bpc-admin"), new Username("bpc.admin.regression"),
                "BPC administrator",
                EnumSet.of(Role.AGENCY_ADMIN), agencies.withCodes(List.of(AgencyCode.of("iq-bpc"))), Optional.of(AgencyCode.of("iq-bpc"))),
                id);
        return id;
    }

    private void readdressToTheCommission(Caller liaison, Caller iomVetter, ItemId id) {
        Item next = items.startNewVersion(liaison, id);
        RecommendationForm toCommission = RecommendationForm.of((RecommendationVersion) next.current());
        toCommission.setAddressee("iq-bpc");
        toCommission.getSharing().setAgencies(List.of("iq-bpc"));
        items.submit(liaison, items.edit(liaison, id, toCommission, next.current().tag()).id());
        items.publish(iomVetter, id, "Readdressed to the commission");

        Caller commission = Caller.resolve(new Username("bpc.official.regression"), "BPC official", List.of(Role.OFFICIAL),
                agencies.withCodes(List.of(AgencyCode.of("iq-bpc"))), Optional.empty());
        RecommendationVersion decided = recommendations.decide(commission, id, FollowUpStatus.REJECTED, "Not ours to do");

        List<ItemEvent> answer = sharedItems.historyAfterChange(commission, decided.getItem());
        assertThat(answer).extracting(ItemEvent::getVersionNumber).as("nothing of the edition the commission never read")
                .containsOnly(2);
        assertThat(answer).extracting(e -> e.getComment().orElse("")).anyMatch(comment -> comment.contains("Not ours to do"))
                .noneMatch(comment -> comment.contains("The Ministry's own reasons"));
        assertThat(answer).extracting(ItemEvent::getId).containsExactlyElementsOf(
                sharedItems.history(commission, id, PURPOSE).stream().map(ItemEvent::getId).toList());
    }

    /**
     * Found by reading the code: a TLP:RED grant named a bare username — any string was accepted, and a user
     * created later under that name inherited the grant. A grant names a person by their id at the identity
     * provider, an unknown name is refused, and the person must still exist when the item is published.
     */
    @Test
    void aRedGrantNamesAPersonByIdNotAName() {
        Caller official = demo.as("moi.official", "iq-moi");
        Caller vetter = demo.as("moi.vetter", "iq-moi");
        RecordForm toNobody = alert("Alert for a name nobody has yet (regression)");
        toNobody.getSharing().setPeople("future.liaison");
        assertThatThrownBy(() -> items.draft(official, toNobody)).isInstanceOf(IllegalSharing.class)
                .hasMessageContaining("future.liaison");

        Person first = new Person(new PersonId("0b6c1f6e-regression-first"), new Username("rotating.liaison"));
        Set<PersonId> existing = new CopyOnWriteArraySet<>(Set.of(first.id()));
        people.use(new People.Directory() {
            @Override
            public Optional<Person> find(Username username) {
                return username.equals(first.username()) && existing.contains(first.id()) ? Optional.of(first) : Optional.empty();
            }

            @Override
            public boolean exists(PersonId id) {
                return existing.contains(id);
            }
        });
        try {
            RecordForm toFirst = alert("Alert for the first holder of a name (regression)");
            toFirst.getSharing().setPeople("rotating.liaison");
            ItemId id = items.draft(official, toFirst).id();
            items.submit(official, id);
            items.publish(vetter, id, "Named recipient only");
            Caller holder = Caller.resolve(first.id(), first.username(), "First", List.of(Role.LIAISON),
                    agencies.withCodes(List.of(AgencyCode.of("interpol"))), Optional.empty());
            Caller successor = Caller.resolve(new PersonId("0b6c1f6e-regression-later"), first.username(), "Later",
                    List.of(Role.LIAISON), agencies.withCodes(List.of(AgencyCode.of("interpol"))), Optional.empty());
            assertThat(sharedItems.find(holder, id)).as("the person named").isPresent();
            assertThat(sharedItems.find(successor, id)).as("a later user of the same name").isEmpty();
            assertThat(sharedItems.list(successor, ItemQuery.of(Listing.ALL), 0, 1000)).noneMatch(v -> v.getItem().id().equals(id));

            RecordForm toGone = alert("Alert for someone deleted before publication (regression)");
            toGone.getSharing().setPeople("rotating.liaison");
            ItemId gone = items.draft(official, toGone).id();
            items.submit(official, gone);
            existing.clear();
            assertThatThrownBy(() -> items.publish(vetter, gone, "Named recipient only")).isInstanceOf(IllegalSharing.class)
                    .hasMessageContaining("rotating.liaison is no longer a person");
            assertThat(sharedItems.find(vetter, gone)).hasValueSatisfying(v -> assertThat(v.getState().name()).isEqualTo("SUBMITTED"));
        } finally {
            people.use(null);
        }
    }

    /**
     * Found while attacking the fix of leak 1: a notification was sent to whoever read the item, and an overdue
     * action item of a TLP:RED meeting was quoted to colleagues who read only its newer, lowered draft.
     */
    @Test
    void aNotificationQuotesAVersionOnlyToItsReaders() {
        Caller official = demo.as("moi.official", "iq-moi");
        MeetingForm form = new MeetingForm();
        form.setTitle("Restricted debrief with an overdue action (regression)");
        form.setSummary("Debrief for the named recipient only.");
        form.getSharing().setMarking(Marking.RED);
        form.getSharing().setScope(Scope.NAMED_USERS);
        form.getSharing().setPeople("interpol.liaison");
        form.setStartsOn(LocalDate.parse("2026-01-05"));
        form.setEndsOn(LocalDate.parse("2026-01-05"));
        form.setPlace("Baghdad");
        form.setParticipants(List.of("iq-moi"));
        form.setDecisions("Seal the batch.");
        form.setActionItems(List.of(new ActionItemForm("Seal batch RB-77 numbers (regression)",
                "iq-moi", LocalDate.parse("2026-01-15"), ActionStatus.OPEN)));
        ItemId meeting = items.draft(official, form).id();
        items.submit(official, meeting);
        items.publish(demo.as("moi.vetter", "iq-moi"), meeting, "Named recipient only");
        Item next = items.startNewVersion(official, meeting);
        MeetingForm lowered = MeetingForm.of((MeetingVersion) next.current());
        lowered.getSharing().setMarking(Marking.GREEN);
        lowered.getSharing().setScope(Scope.OWN_AGENCY);
        lowered.getSharing().setPeople("");
        lowered.setActionItems(List.of(new ActionItemForm("Seal the batch",
                "iq-moi", LocalDate.parse("2026-01-15"), ActionStatus.OPEN)));
        items.edit(official, meeting, lowered, next.current().tag());

        Caller moiAdmin = demo.as("moi.admin", "iq-moi");
        assertThat(sharedItems.list(moiAdmin, ItemQuery.of(Listing.ACTIONS_DUE), 0, 1000))
                .as("found in review: the RED edition's due actions")
                .noneMatch(v -> v.getItem().id().equals(meeting));
        assertThat(sharedItems.list(official, ItemQuery.of(Listing.ACTIONS_DUE), 0, 1000)).anyMatch(v -> v.getItem().id().equals(meeting));
        long adminDue = attention.counts(moiAdmin).actionItemsDue();
        long officialDue = attention.counts(official).actionItemsDue();

        notifications.notifyOverdue(LocalDate.now());

        Caller admin = demo.as("moi.admin", "iq-moi");
        assertThat(attention.inbox(admin, 0, 500)).as("moi.admin reads only the lowered draft")
                .noneMatch(entry -> entry.notification().getText().contains("RB-77"));
        assertThat(attention.inbox(official, 0, 500)).as("its author reads the RED edition")
                .anyMatch(entry -> entry.notification().getText().contains("RB-77"));
        assertThat(officialDue).as("the author counts the RED edition's due action").isGreaterThan(adminDue);
    }

    /**
     * Found in review: another agency's reader was asked why only when the edition they read first was AMBER or
     * RED, so an older AMBER edition (its snapshot, its files) was read under a newer GREEN one without a purpose.
     */
    @Test
    void anOlderAmberEditionAsksWhyItsReaderReadsIt() {
        Caller liaison = demo.as("iom.liaison", "iom-iq");
        Caller iomVetter = demo.as("iom.vetter", "iom-iq");
        RecordForm amber = figures("Figures first shared with the Ministry only (regression)");
        amber.getSharing().setMarking(Marking.AMBER);
        amber.getSharing().setScope(Scope.NAMED_AGENCIES);
        amber.getSharing().setAgencies(List.of("iq-moi"));
        ItemId id = items.draft(liaison, amber).id();
        long file = attachments
                .attach(liaison, id, "by-district.csv", "text/csv", "district,people\nMosul,10\n".getBytes(StandardCharsets.UTF_8)).getId();
        items.submit(liaison, id);
        items.publish(iomVetter, id, "For the Ministry");
        Item next = items.startNewVersion(liaison, id);
        RecordForm green = RecordForm.of((RecordVersion) next.current());
        green.getSharing().setMarking(Marking.GREEN);
        green.getSharing().setScope(Scope.ALL_MEMBERS);
        green.getSharing().setAgencies(List.of());
        items.edit(liaison, id, green, next.current().tag());
        items.submit(liaison, id);
        items.publish(iomVetter, id, "For everyone now");

        Caller ministry = demo.as("moi.official", "iq-moi");
        assertThat(sharedItems.find(ministry, id)).hasValueSatisfying(v -> assertThat(v.getMarking()).isEqualTo(Marking.GREEN));
        assertThat(sharedItems.versions(ministry, id)).extracting(ItemVersion::getNumber).containsExactly(1, 2);
        assertThat(purposeNeeded(ministry, id)).as("the AMBER edition is read on the same page").isTrue();
        assertThat(attachments.purposeNeeded(ministry, file)).as("the AMBER edition's file").contains(id);
        assertThat(purposeNeeded(demo.as("donor.observer", "au-dibp"), id)).as("reads only the GREEN edition").isFalse();
        assertThat(purposeNeeded(liaison, id)).as("the owner agency gives none").isFalse();
        assertThat(attachments.purposeNeeded(liaison, file)).isEmpty();
    }

    /**
     * Found by the review of the fixes: a colleague named on a published TLP:RED edition could start its next version
     * (a copy of its text and files that they author), lower it to GREEN / own agency and so show the RED content to
     * every colleague, unvetted. TLP:RED's readers may not share it further: only its author starts the next version.
     */
    @Test
    void onlyTheAuthorOfARedEditionStartsItsNextVersion() {
        Caller official = demo.as("moi.official", "iq-moi");
        Caller vetter = demo.as("moi.vetter", "iq-moi");
        Caller namedColleague = demo.as("moi.admin", "iq-moi");
        RecordForm alert = alert("Alert named to a colleague too (regression)");
        alert.getSharing().setPeople("interpol.liaison, moi.admin");
        ItemId id = items.draft(official, alert).id();
        items.submit(official, id);
        items.publish(vetter, id, "Named recipients only");
        assertThat(sharedItems.find(namedColleague, id)).as("the colleague is named: they read it").isPresent();
        assertThat(sharedItems.find(namedColleague, id).orElseThrow().getItem().stepsFor(namedColleague)).as("no button for it")
                .doesNotContain(ItemStep.NEW_VERSION);

        Instant from = Instant.now().minusSeconds(1);
        assertThatThrownBy(() -> items.startNewVersion(namedColleague, id))
                .isInstanceOf(NotAllowed.class).hasMessageContaining("Only the author of a TLP:RED edition");
        assertThat(sharedItems.find(official, id)).hasValueSatisfying(v -> {
            assertThat(v.getNumber()).as("no new version").isEqualTo(1);
            assertThat(v.getState().name()).isEqualTo("PUBLISHED");
        });
        assertThat(trail.events(demo.as("platform.admin", null), new AuditFilter(from, null, "moi.admin", null, null,
                id.value(), AuditOutcome.DENIED), 0, 10)).as("the refusal is recorded").hasSize(1);

        assertThat(items.startNewVersion(official, id).current().getNumber()).as("the author may").isEqualTo(2);
    }

    /**
     * Found by the review of the fixes: opening the edit form of another agency's item read it (a read recorded, with no
     * purpose, of an AMBER edition) before the form answered "not found". The form opens for the owner agency alone.
     */
    @Test
    void theEditFormOfAnotherAgencysItemReadsNothing() {
        Caller official = demo.as("moi.official", "iq-moi");
        Caller partner = demo.as("iom.liaison", "iom-iq");
        ItemId id = items.draft(official, recommendation("Shared with IOM, edited by the Ministry (regression)", "iom-iq")).id();
        items.submit(official, id);
        items.publish(demo.as("moi.vetter", "iq-moi"), id, "For IOM");
        Caller platform = demo.as("platform.admin", null);

        Instant from = Instant.now().minusSeconds(1);
        assertThat(sharedItems.toEdit(partner, id)).as("IOM reads it, but does not edit it").isEmpty();
        assertThat(trail.events(platform, new AuditFilter(from, null, "iom.liaison", null, null, id.value(), null), 0, 10))
                .extracting(e -> e.getAction() + ":" + e.getOutcome()).as("a refused change (in IOM's chain and the Ministry's), no read")
                .containsExactly("UPDATE:DENIED", "UPDATE:DENIED");

        assertThat(sharedItems.toEdit(official, id)).hasValueSatisfying(v -> assertThat(v.getNumber()).isEqualTo(1));
        assertThat(trail.events(platform, new AuditFilter(from, null, "moi.official", null,
                AuditAction.VIEW, id.value(), null), 0, 10))
                .extracting(e -> e.getAction() + ":" + e.getOutcome()).as("the author's form reads it").containsExactly("VIEW:ALLOWED");
    }

    /**
     * An edit form sent for another item than it was opened for is refused by the page; the refusal is recorded against
     * the item the post named, and that item does not change.
     */
    @Test
    void aFormSentForAnotherItemIsRefusedAndRecordedAgainstTheItemItNamed() throws SQLException {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId opened = items.draft(author, figures("Opened for this one")).id();
        ItemId named = items.draft(author, figures("Named by the post")).id();
        String tag = sharedItems.find(author, named).orElseThrow().tag();
        assertThat(sharedItems.find(author, opened).orElseThrow().tag()).as("the same tag, as the attack needs").isEqualTo(tag);
        long before = new AuditRows(dataSource).last();

        assertThatThrownBy(() -> items.refuseCrossedEdit(author, opened, named)).isInstanceOf(CrossedEdit.class)
                .hasMessageContaining("Nothing was saved");

        assertThat(sharedItems.find(author, named).orElseThrow()).satisfies(version -> {
            assertThat(version.getTitle()).isEqualTo("Named by the post");
            assertThat(version.tag()).isEqualTo(tag);
        });
        assertThat(new AuditRows(dataSource).aboutItemSince(before, named)).containsExactly(
                "UPDATE:DENIED edit form of item " + opened + " sent for item " + named + ": " + new CrossedEdit().getMessage());
    }

    @Test
    void aFormSentForAnItemTheCallerMayNotChangeIsRefusedAsWell() {
        Caller author = demo.as("iom.liaison", "iom-iq");
        ItemId opened = items.draft(author, figures("Opened by IOM")).id();
        ItemId ministrys = items.draft(demo.as("moi.official", "iq-moi"), figures("The Ministry's draft")).id();

        assertThatThrownBy(() -> items.refuseCrossedEdit(author, opened, ministrys)).isInstanceOf(CrossedEdit.class);
        assertThat(sharedItems.find(demo.as("moi.official", "iq-moi"), ministrys).orElseThrow().getTitle())
                .isEqualTo("The Ministry's draft");
    }

    /**
     * A search in newest-first order is narrowed to its newest matches, whoever may read them (issue 21): when another
     * agency's unshared drafts are the newest matches, the window widens until the caller's own are in it, and every
     * page holds the rows the whole search would — none left out, none out of order, none the caller may not read.
     */
    @Test
    void aSearchNarrowedToItsNewestMatchesFindsWhatTheWholeSearchWould() {
        Caller official = demo.as("moi.official", "iq-moi");
        Caller iom = demo.as("iom.liaison", "iom-iq");
        String word = "zqwindow" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<ItemId> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(0, items.draft(official, figures("Older figures " + i + " " + word)).id());
        }
        for (int i = 0; i < 12; i++) {
            items.draft(iom, figures("IOM's private figures " + i + " " + word));
        }
        for (int i = 0; i < 2; i++) {
            mine.add(0, items.draft(official, figures("Newer figures " + i + " " + word)).id());
        }
        ItemQuery search = ItemQuery.of(Listing.ALL).matching(word);

        // the newest 8 matches hold the 2 newest of the Ministry's; the newest 16 the next 2; the rest reads them all
        assertThat(sharedItems.list(official, search, 0, 2)).extracting(v -> v.getItem().id())
                .containsExactlyElementsOf(mine.subList(0, 2));
        assertThat(sharedItems.list(official, search, 2, 2)).extracting(v -> v.getItem().id())
                .containsExactlyElementsOf(mine.subList(2, 4));
        assertThat(sharedItems.list(official, search, 4, 2)).extracting(v -> v.getItem().id())
                .containsExactlyElementsOf(mine.subList(4, 5));
        // the newest 12 matches hold only 2 of the Ministry's: the window widens (to every match here) for the third;
        // the newest 4 hold none of the next ones: no wider window, the whole search
        assertThat(sharedItems.list(official, search, 0, 3)).extracting(v -> v.getItem().id())
                .containsExactlyElementsOf(mine.subList(0, 3));
        assertThat(sharedItems.list(official, search, 2, 1)).extracting(v -> v.getItem().id()).containsExactly(mine.get(2));
        assertThat(sharedItems.list(official, search, 1, 3)).extracting(v -> v.getItem().id())
                .containsExactlyElementsOf(mine.subList(1, 4));
        assertThat(sharedItems.count(official, search)).isEqualTo(5);
        assertThat(sharedItems.list(iom, search, 0, 20)).as("IOM reads its own drafts only").hasSize(12)
                .allSatisfy(v -> assertThat(v.getTitle()).startsWith("IOM's private figures"));
        List<ItemId> oldestFirst = new ArrayList<>(mine);
        Collections.reverse(oldestFirst);
        assertThat(sharedItems.list(official, search.ordered(ItemQuery.Order.UPDATED, true), 0, 5)).as("oldest first: not narrowed")
                .extracting(v -> v.getItem().id()).containsExactlyElementsOf(oldestFirst);
    }

    /** The refusals' action, outcome, owner and details with the asked ids replaced, in order. */
    private static List<String> described(List<AuditEvent> events, long item, long file) {
        return events.stream()
                .filter(e -> Long.valueOf(item).equals(e.getItemId()) || e.getDetails().contains("attachment " + file))
                .sorted(Comparator.comparing(AuditEvent::getId))
                .map(e -> e.getAction() + " " + e.getOutcome() + " " + e.getItemOwner() + " "
                        + (e.getItemId() == null ? "-" : "ITEM") + " "
                        + e.getDetails().replace(Long.toString(item), "ITEM").replace(Long.toString(file), "FILE"))
                .toList();
    }

    private static RecordForm alert(String title) {
        RecordForm form = new RecordForm();
        form.setTitle(title);
        form.setSummary("Blank passports reported stolen; numbers for INTERPOL's check.");
        form.setType(RecordType.TRAVEL_DOCUMENT_ALERT);
        form.setCategory("passport");
        form.setDocumentNumber(DOCUMENT_NUMBER);
        form.setCountry("IQ");
        form.getSharing().setMarking(Marking.RED);
        form.getSharing().setScope(Scope.NAMED_USERS);
        form.getSharing().setPeople("interpol.liaison");
        return form;
    }

    private static RecommendationForm recommendation(String title, String addressee) {
        RecommendationForm form = new RecommendationForm();
        form.setTitle(title);
        form.setSummary("So that the partners see the same picture.");
        form.setAddressee(addressee);
        form.getSharing().setMarking(Marking.AMBER);
        form.getSharing().setScope(Scope.NAMED_AGENCIES);
        form.getSharing().setAgencies(List.of(addressee));
        return form;
    }

    private static RecordForm figures(String title) {
        RecordForm form = new RecordForm();
        form.setTitle(title);
        form.setSummary("Figures not shared yet.");
        form.setType(RecordType.DISPLACEMENT_FIGURES);
        form.setReferenceDate(LocalDate.parse("2026-11-01"));
        form.setLocation("Ninewa");
        form.setQuantity(100L);
        form.getSharing().setMarking(Marking.GREEN);
        form.getSharing().setScope(Scope.ALL_MEMBERS);
        return form;
    }

    /** Whether the item's page asks this caller for a purpose first (asking records nothing; a read follows when it does not). */
    private boolean purposeNeeded(Caller caller, ItemId id) {
        try {
            sharedItems.dossier(caller, id, null);
            return false;
        } catch (PurposeRequired asked) {
            return true;
        }
    }
}
