package org.interlink.agreement.boundary;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.interlink.Deployments;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agreement.entity.Agreement;
import org.interlink.agreement.entity.AgreementNotFound;
import org.interlink.agreement.entity.AgreementRefused;
import org.interlink.agreement.entity.AgreementStatus;
import org.interlink.agreement.entity.InvalidAgreement;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.audit.boundary.AuditTrail;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.demo.DemoAgreements;
import org.interlink.demo.DemoData;
import org.interlink.demo.DemoItem;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.SampleFiles;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.AttachmentContent;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.NotAllowed;
import org.interlink.notification.boundary.Notifications;
import org.interlink.notification.entity.Notification;
import org.interlink.notification.entity.NotificationKind;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.sharing.histories.HistoryClock;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The register of agreements on PostgreSQL, through the boundaries: four eyes across agencies (the drafting agency's
 * administrator signs once, every other party's countersigns), who may take which step, that every step and every
 * refusal is audited, and that the gate reads agreements on every step — an item of the Ministry reaches the Border
 * Points Commission only while an agreement covering it is active, and is gone at the next read once it is suspended
 * or terminated. A draft shared by name with an agency no agreement covers is refused, naming what is missing. With a
 * controllable clock (the histories'): an agreement covers nothing after its last day, and a share with an end date
 * reaches nobody after it.
 */
@ExtendWith(ArquillianExtension.class)
class AgreementsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(AgreementsIT.class, HistoryClock.class, SampleFiles.class);
    }

    @Inject
    Agreements agreements;

    @Inject
    SharedItems sharedItems;

    @Inject
    Items items;

    @Inject
    Agencies agencies;

    @Inject
    DemoData demo;

    @Inject
    Notifications notifications;

    @Inject
    AuditTrail trail;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Test
    void anItemReachesAnotherAgencyOnlyWhileAnAgreementCoveringItIsActive() throws SQLException {
        Caller moiAdmin = demo.as("moi.admin", "iq-moi");
        Caller bpcAdmin = bpcAdministrator();
        Caller bpcReader = demo.as("multi.liaison", "iq-bpc");
        ItemId sop = demoItem(DemoItem.REVISED_SOP);
        ItemId iomSop = demoItem(DemoItem.BASRA_SOP);
        ItemId dtm = demoItem(DemoItem.DTM_FIGURES);
        assertThat(reads(bpcReader, sop)).as("no agreement yet: the Ministry's GREEN procedure stays with it").isFalse();
        assertThat(reads(bpcReader, dtm)).as("TLP:CLEAR needs no agreement").isTrue();

        long before = lastEventId();
        Agreement draft = agreements.draft(moiAdmin, form("MOI-BPC-" + UUID.randomUUID().toString().substring(0, 8), "iq-bpc",
                List.of(Coverage.SOP), Marking.GREEN));
        assertThat(draft.status(LocalDate.now())).isEqualTo(AgreementStatus.DRAFT);
        assertThat(reads(bpcReader, sop)).as("a draft covers nothing").isFalse();
        long id = draft.getId();

        assertThatThrownBy(() -> agreements.countersign(moiAdmin, id)).as("four eyes across agencies: the drafter's agency signed")
                .isInstanceOf(AgreementRefused.class);
        assertThatThrownBy(() -> agreements.countersign(demo.as("moi.official", "iq-moi"), id)).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> agreements.countersign(demo.as("iom.admin", "iom-iq"), id)).as("not a party: not found")
                .isInstanceOf(AgreementNotFound.class);
        assertThat(agreements.find(demo.as("iom.admin", "iom-iq"), id)).isEmpty();
        assertThat(agreements.find(demo.as("platform.admin", null), id)).as("the platform's administrators read every agreement")
                .isPresent();

        Agreement active = agreements.countersign(bpcAdmin, id);
        assertThat(active.status(LocalDate.now())).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(reads(bpcReader, sop)).as("active: read at the next request").isTrue();
        assertThat(sharedItems.versions(bpcReader, sop)).extracting(ItemVersion::getNumber).containsExactly(1, 2);
        assertThat(reads(bpcReader, iomSop)).as("an agreement with the Ministry says nothing of IOM's items").isFalse();

        agreements.suspend(moiAdmin, id, "Review of the procedure's distribution");
        assertThat(reads(bpcReader, sop)).as("suspended: gone at once").isFalse();
        assertThat(sharedItems.versions(bpcReader, sop)).isEmpty();
        assertThatThrownBy(() -> agreements.resume(bpcAdmin, id)).as("only the party that suspended it resumes it")
                .isInstanceOf(AgreementRefused.class);
        agreements.resume(moiAdmin, id);
        assertThat(reads(bpcReader, sop)).isTrue();

        assertThatThrownBy(() -> agreements.terminate(bpcAdmin, id, " ")).as("a termination says why")
                .isInstanceOf(InvalidAgreement.class);
        agreements.terminate(bpcAdmin, id, "Replaced by the working group's agreement");
        assertThat(reads(bpcReader, sop)).as("terminated: gone at once").isFalse();
        assertThatThrownBy(() -> agreements.resume(moiAdmin, id)).isInstanceOf(AgreementRefused.class);
        assertThat(agreements.find(bpcAdmin, id)).hasValueSatisfying(a -> assertThat(a.status(LocalDate.now()))
                .isEqualTo(AgreementStatus.TERMINATED));

        assertThat(adminEventsSince(before)).containsExactly("moi.admin ALLOWED drafted", "moi.admin DENIED signed this agreement already",
                "moi.official DENIED not an agency administrator", "iom.admin DENIED not found",
                "bpc.admin.test ALLOWED every party has signed",
                "moi.admin ALLOWED suspended", "bpc.admin.test DENIED Only Iraq Ministry of Interior", "moi.admin ALLOWED resumed",
                "bpc.admin.test ALLOWED terminated", "moi.admin DENIED Only a suspended agreement");
        assertThat(events(before, "ADMIN")).filteredOn(row -> "iq-moi".equals(row[3])).extracting(row -> row[0] + " " + row[1])
                .as("the Ministry's auditors read the commission's steps in its own chain")
                .containsExactly("bpc.admin.test ALLOWED", "bpc.admin.test ALLOWED");
    }

    @Test
    void aDraftSharedByNameWithAnAgencyNoAgreementCoversIsRefusedNamingWhatIsMissing() throws SQLException {
        Caller official = demo.as("moi.official", "iq-moi");
        long before = lastEventId();
        assertThatThrownBy(() -> items.draft(official, sop("Distribution list " + UUID.randomUUID(), Marking.AMBER, "au-dibp")))
                .as("the agreement with the donor has expired").isInstanceOf(IllegalSharing.class)
                .hasMessageContaining("Australian Department of Immigration and Border Protection").hasMessageContaining("sop")
                .hasMessageContaining("TLP:AMBER");
        assertThatThrownBy(() -> items.draft(official, sop("Distribution list " + UUID.randomUUID(), Marking.GREEN, "iq-bpc")))
                .as("no agreement with the Commission").isInstanceOf(IllegalSharing.class)
                .hasMessageContaining("Iraqi Border Points Commission");
        assertThat(createEventsSince(before)).containsExactly("CREATE:DENIED", "CREATE:DENIED");

        Caller iomLiaison = demo.as("iom.liaison", "iom-iq");
        assertThat(items.draft(official, sop("Distribution list " + UUID.randomUUID(), Marking.AMBER_STRICT, "iom-iq")))
                .as("the agreement with IOM covers procedures up to TLP:AMBER+STRICT").isNotNull();
        RecordForm alert = sop("Alert " + UUID.randomUUID(), Marking.AMBER, "iq-moi");
        alert.setType(RecordType.TRAVEL_DOCUMENT_ALERT);
        alert.setDocumentNumber("B7654321");
        alert.setCountry("IQ");
        alert.setCategory("passport");
        assertThat(items.draft(iomLiaison, alert)).as("the agreement goes both ways").isNotNull();
        RecordForm toInterpol = sop("Distribution list " + UUID.randomUUID(), Marking.AMBER, "interpol");
        toInterpol.setType(RecordType.DISPLACEMENT_FIGURES);
        toInterpol.setQuantity(10L);
        toInterpol.setReferenceDate(LocalDate.now());
        assertThatThrownBy(() -> items.draft(official, toInterpol)).as("the INTERPOL agreement does not cover displacement figures")
                .isInstanceOf(IllegalSharing.class).hasMessageContaining("displacement figures");
    }

    @Test
    void anAgreementCoversNothingAfterItsLastDayAndAShareReachesNobodyAfterItsEndDate() {
        Instant start = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        HistoryClock.stopAt(start);
        try {
            Caller moiAdmin = demo.as("moi.admin", "iq-moi");
            Caller bpcReader = demo.as("multi.liaison", "iq-bpc");
            AgreementForm terms = form("MOI-BPC-" + UUID.randomUUID().toString().substring(0, 8), "iq-bpc", List.of(Coverage.SOP),
                    Marking.GREEN);
            terms.setValidFrom(day.minusDays(1));
            terms.setValidUntil(day.plusDays(10));
            long agreement = agreements.draft(moiAdmin, terms).getId();
            agreements.countersign(bpcAdministrator(), agreement);

            RecordForm delegation = sop("Delegation for the commission " + UUID.randomUUID(), Marking.GREEN, "iq-bpc");
            delegation.getSharing().setUntil(day.minusDays(1));
            Caller official = demo.as("moi.official", "iq-moi");
            assertThatThrownBy(() -> items.draft(official, delegation)).as("an end date already past").isInstanceOf(IllegalSharing.class);
            delegation.getSharing().setUntil(day.plusDays(5));
            ItemId shared = items.draft(official, delegation).id();
            items.submit(official, shared);
            items.publish(demo.as("moi.vetter", "iq-moi"), shared, "For the commission, five days");
            ItemId procedure = demoItem(DemoItem.REVISED_SOP);
            assertThat(reads(bpcReader, shared)).isTrue();
            assertThat(reads(bpcReader, procedure)).isTrue();

            HistoryClock.stopAt(start.plus(Duration.ofDays(5)));
            assertThat(reads(bpcReader, shared)).as("the share's last day").isTrue();
            HistoryClock.stopAt(start.plus(Duration.ofDays(6)));
            assertThat(reads(bpcReader, shared)).as("the day after the share's end").isFalse();
            assertThat(sharedItems.find(official, shared)).as("the owner reads it, with its end date")
                    .hasValueSatisfying(v -> assertThat(v.getSharedUntil()).isEqualTo(day.plusDays(5)));
            assertThat(reads(bpcReader, procedure)).as("the agreement still runs").isTrue();

            HistoryClock.stopAt(start.plus(Duration.ofDays(10)));
            assertThat(reads(bpcReader, procedure)).as("the agreement's last day").isTrue();
            HistoryClock.stopAt(start.plus(Duration.ofDays(11)));
            assertThat(reads(bpcReader, procedure)).as("expired: nothing lingers").isFalse();
            assertThat(agreements.find(moiAdmin, agreement)).hasValueSatisfying(a -> assertThat(a.status(day.plusDays(11)))
                    .isEqualTo(AgreementStatus.EXPIRED));
            agreements.terminate(moiAdmin, agreement, "End of the test");
        } finally {
            HistoryClock.release();
        }
    }

    @Test
    void anAdministratorSeesTheAgreementsEndingSoonAndWhatStopsBeingSharedThen() {
        List<Agreements.Ending> ending = agreements.endingSoon(demo.as("moi.admin", "iq-moi"));
        assertThat(ending).extracting(e -> e.agreement().getReference()).containsExactly("DSA-MOI-INTERPOL-2026");
        assertThat(ending.get(0).daysLeft()).isEqualTo(DemoAgreements.INTERPOL_DAYS_LEFT);
        assertThat(ending.get(0).stopping()).singleElement().satisfies(stopping -> {
            assertThat(stopping.partner().getCode().value()).isEqualTo("interpol");
            assertThat(stopping.items()).as("the Lyon meeting and the revised procedure at least").isGreaterThanOrEqualTo(2);
        });
        assertThat(agreements.endingSoon(demo.as("interpol.admin", "interpol"))).singleElement()
                .satisfies(e -> assertThat(e.stopping().get(0).partner().getCode().value()).isEqualTo("iq-moi"));
        assertThat(agreements.endingSoon(demo.as("iom.admin", "iom-iq"))).as("two more years").isEmpty();
        assertThat(agreements.endingSoon(demo.as("moi.official", "iq-moi"))).as("for administrators").isEmpty();
    }

    @Test
    void theAdministratorsOfEveryPartyAreRemindedThirtyAndSevenDaysBeforeAnAgreementEndsEachOnce() {
        Caller moiAdmin = demo.as("moi.admin", "iq-moi");
        Caller bpcAdmin = bpcAdministrator();
        notifications.signedIn(bpcAdmin, null);
        LocalDate until = LocalDate.now().plusDays(100);
        AgreementForm terms = form("MOI-BPC-" + UUID.randomUUID().toString().substring(0, 8), "iq-bpc", List.of(Coverage.SOP),
                Marking.GREEN);
        terms.setValidUntil(until);
        long id = agreements.draft(moiAdmin, terms).getId();
        AgreementForm suspendedTerms = form("MOI-BPC-" + UUID.randomUUID().toString().substring(0, 8), "iq-bpc",
                List.of(Coverage.SOP), Marking.GREEN);
        suspendedTerms.setValidUntil(until);
        long suspended = agreements.draft(moiAdmin, suspendedTerms).getId();
        assertThat(agreements.remindEnding(until.minusDays(30))).as("drafts are not reminded of").isZero();
        agreements.countersign(bpcAdmin, id);
        agreements.countersign(bpcAdmin, suspended);
        agreements.suspend(bpcAdmin, suspended, "Under review");

        agreements.remindEnding(until.minusDays(31));
        assertThat(reminders(moiAdmin, id)).as("31 days before").isEmpty();
        agreements.remindEnding(until.minusDays(30));
        assertThat(reminders(moiAdmin, id)).singleElement().satisfies(n -> {
            assertThat(n.getKind()).isEqualTo(NotificationKind.AGREEMENT_ENDING);
            assertThat(n.getText()).startsWith(terms.getReference() + " of iq-moi (").contains("ends on " + until + ", in 30 days")
                    .contains("with Iraqi Border Points Commission");
        });
        assertThat(reminders(bpcAdmin, id)).as("every party's administrators").singleElement()
                .satisfies(n -> assertThat(n.getText()).contains("with Iraq Ministry of Interior"));
        agreements.remindEnding(until.minusDays(29));
        agreements.remindEnding(until.minusDays(8));
        assertThat(reminders(moiAdmin, id)).as("once").hasSize(1);
        agreements.remindEnding(until.minusDays(7));
        assertThat(reminders(moiAdmin, id)).as("again a week before").hasSize(2).first()
                .satisfies(n -> assertThat(n.getText()).contains("in 7 days"));
        agreements.remindEnding(until.minusDays(2));
        assertThat(reminders(bpcAdmin, id)).as("twice in all").hasSize(2);
        assertThat(reminders(moiAdmin, suspended)).as("a suspended agreement is not reminded of").isEmpty();
        assertThat(notifications.aboutAgreements(demo.as("moi.official", "iq-moi"))).as("administrators only").isEmpty();

        long unread = notifications.unreadAboutAgreements(moiAdmin);
        long reminder = reminders(moiAdmin, id).get(0).getId();
        assertThat(notifications.open(bpcAdmin, reminder)).as("someone else's").isEmpty();
        assertThat(notifications.open(moiAdmin, reminder)).hasValueSatisfying(subject -> {
            assertThat(subject.agreement()).isEqualTo(id);
            assertThat(subject.item()).isNull();
        });
        assertThat(notifications.unreadAboutAgreements(moiAdmin)).isEqualTo(unread - 1);
        agreements.terminate(moiAdmin, id, "End of the test");
        agreements.terminate(moiAdmin, suspended, "End of the test");
    }

    @Test
    void theSignedDocumentIsAttachedToTheDraftBeforeTheOtherPartiesCountersignAndEveryDownloadIsRecorded() throws SQLException {
        Caller moiAdmin = demo.as("moi.admin", "iq-moi");
        Caller bpcAdmin = bpcAdministrator();
        long id = agreements.draft(moiAdmin, form("MOI-BPC-" + UUID.randomUUID().toString().substring(0, 8), "iq-bpc",
                List.of(Coverage.SOP), Marking.GREEN)).getId();
        assertThatThrownBy(() -> agreements.attachDocument(moiAdmin, id, "signed.pdf", "application/pdf",
                new ByteArrayInputStream("not a pdf".getBytes(StandardCharsets.UTF_8)))).as("the bytes are checked")
                .isInstanceOf(InvalidContent.class);
        byte[] pdf = SampleFiles.pdf();
        assertThatThrownBy(
                () -> agreements.attachDocument(bpcAdmin, id, "other-terms.pdf", "application/pdf", new ByteArrayInputStream(pdf)))
                .as("only the drafting agency attaches what it signed").isInstanceOf(AgreementRefused.class);
        agreements.attachDocument(moiAdmin, id, "dsa-moi-bpc-signed.pdf", "application/pdf", new ByteArrayInputStream(pdf));
        long before = lastEventId();
        assertThat(agreements.document(bpcAdmin, id)).hasValueSatisfying(file -> {
            assertThat(file.bytes()).isEqualTo(pdf);
            assertThat(file.filename()).isEqualTo("dsa-moi-bpc-signed.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
        });
        assertThat(agreements.document(demo.as("iom.admin", "iom-iq"), id)).as("not a party").isEmpty();
        assertThat(events(before, "DOWNLOAD")).extracting(row -> row[0] + " " + row[1]).containsExactly("bpc.admin.test ALLOWED",
                "iom.admin DENIED");
        long platformRead = lastEventId();
        assertThat(agreements.document(demo.as("platform.admin", null), id)).as("the platform's administrators read every one")
                .isPresent();
        assertThat(events(platformRead, "DOWNLOAD")).as("in the platform's chain and every party's")
                .extracting(row -> row[0] + " " + row[3]).containsExactlyInAnyOrder("platform.admin null", "platform.admin iq-moi",
                        "platform.admin iq-bpc");
        assertThat(trail.accessReport(demo.as("moi.auditor", "iq-moi"), Optional.empty(), 0, 1000))
                .as("the report of partners' reads lists items (a read of an agreement has none: it broke the page)")
                .allSatisfy(e -> assertThat(e.getItemId()).isNotNull());

        assertThatThrownBy(() -> agreements.countersign(bpcAdmin, id)).as("the countersignature names the document read")
                .isInstanceOf(AgreementRefused.class);
        agreements.countersign(bpcAdmin, id, AttachmentContent.sha256(pdf));
        assertThatThrownBy(() -> agreements.attachDocument(moiAdmin, id, "other.pdf", "application/pdf", new ByteArrayInputStream(pdf)))
                .as("countersigned: the document stays what was signed").isInstanceOf(AgreementRefused.class);
        agreements.terminate(moiAdmin, id, "End of the test");
    }

    @Test
    void anAgreementIsDraftedOnlyWithSoundTerms() {
        Caller moiAdmin = demo.as("moi.admin", "iq-moi");
        assertThatThrownBy(() -> agreements.draft(moiAdmin, form("X-" + UUID.randomUUID().toString().substring(0, 8), "iq-moi",
                List.of(Coverage.SOP), Marking.GREEN))).as("one party").isInstanceOf(InvalidAgreement.class);
        assertThatThrownBy(() -> agreements.draft(moiAdmin, form("X-" + UUID.randomUUID().toString().substring(0, 8), "iq-bpc",
                List.of(), Marking.GREEN))).as("covers nothing").isInstanceOf(InvalidAgreement.class);
        assertThatThrownBy(() -> agreements.draft(moiAdmin, form("X-" + UUID.randomUUID().toString().substring(0, 8), "iq-bpc",
                List.of(Coverage.SOP), Marking.CLEAR))).as("CLEAR needs none").isInstanceOf(InvalidAgreement.class);
        assertThatThrownBy(() -> agreements.draft(moiAdmin, form("DSA-MOI-IOM-2026", "iq-bpc", List.of(Coverage.SOP), Marking.GREEN)))
                .as("references are unique within the drafting agency").isInstanceOf(InvalidAgreement.class)
                .hasMessageContaining("Your agency");
        // the Commission is no party of DSA-MOI-IOM-2026: the same reference is its own, and tells nothing of that one
        Agreement commissions = agreements.draft(bpcAdministrator(), form("DSA-MOI-IOM-2026", "iq-moi", List.of(Coverage.SOP),
                Marking.GREEN));
        assertThat(commissions.getDraftingAgency().getCode()).isEqualTo(AgencyCode.of("iq-bpc"));
        agreements.terminate(bpcAdministrator(), commissions.getId(), "Only a test of references");
        assertThatThrownBy(() -> agreements.draft(bpcAdministrator(), form("DSA-MOI-IOM-2026 of iq-moi", "iq-moi",
                List.of(Coverage.SOP), Marking.GREEN))).as("a reference that reads like another agency's agreement")
                .isInstanceOf(InvalidAgreement.class).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> agreements.draft(moiAdmin, form("X-" + UUID.randomUUID().toString().substring(0, 8), "xx-none",
                List.of(Coverage.SOP), Marking.GREEN))).isInstanceOf(InvalidAgreement.class).hasMessageContaining("xx-none");
        AgreementForm backwards = form("X-" + UUID.randomUUID().toString().substring(0, 8), "iq-bpc", List.of(Coverage.SOP), Marking.GREEN);
        backwards.setValidUntil(backwards.getValidFrom().minusDays(1));
        assertThatThrownBy(() -> agreements.draft(moiAdmin, backwards)).isInstanceOf(InvalidAgreement.class);
        assertThat(agreements.visibleTo(demo.as("donor.observer", "au-dibp"))).extracting(Agreement::getReference)
                .containsExactly("DSA-MOI-AU-2024");
        assertThat(agreements.visibleTo(demo.as("donor.observer", "au-dibp")).get(0).status(LocalDate.now()))
                .isEqualTo(AgreementStatus.EXPIRED);
    }

    private List<Notification> reminders(Caller caller, long agreement) {
        return notifications.aboutAgreements(caller).stream().filter(n -> n.getAgreement().getId() == agreement).toList();
    }

    private boolean reads(Caller caller, ItemId id) {
        boolean found = sharedItems.find(caller, id).isPresent();
        boolean listed = sharedItems.list(caller, ItemQuery.of(Listing.SHARED_WITH_MY_AGENCY), 0, 1000).stream()
                .anyMatch(v -> v.getItem().getId().equals(id.value()));
        assertThat(listed).as("the list says what the item page says").isEqualTo(found);
        return found;
    }

    private Caller bpcAdministrator() {
        return Caller.resolve(new PersonId("agreements-it-bpc-admin"), new Username("bpc.admin.test"), "BPC administrator",
                EnumSet.of(Role.AGENCY_ADMIN), agencies.withCodes(List.of(AgencyCode.of("iq-bpc"))), Optional.of(AgencyCode.of("iq-bpc")));
    }

    private static AgreementForm form(String reference, String partner, List<Coverage> coverage, Marking highest) {
        AgreementForm form = new AgreementForm();
        form.setReference(reference);
        form.setTitle("Test agreement " + reference);
        form.setAgencies(List.of(partner));
        form.setCoverage(new ArrayList<>(coverage));
        form.setPurposes(List.of(PurposeOfUse.BORDER_MANAGEMENT));
        form.setHighestMarking(highest);
        form.setValidFrom(LocalDate.now().minusDays(1));
        form.setValidUntil(LocalDate.now().plusYears(1));
        return form;
    }

    private static RecordForm sop(String title, Marking marking, String agency) {
        RecordForm form = new RecordForm();
        form.setTitle(title);
        form.setLanguage("en");
        form.setSummary("Who receives the procedure.");
        form.setType(RecordType.SOP);
        form.setLocation("Baghdad");
        form.setReferenceDate(LocalDate.now());
        SharingForm sharing = new SharingForm();
        sharing.setMarking(marking);
        sharing.setScope(Scope.NAMED_AGENCIES);
        sharing.setAgencies(List.of(agency));
        form.setSharing(sharing);
        return form;
    }

    private ItemId demoItem(DemoItem item) {
        for (String owner : List.of("moi.vetter", "iom.vetter")) {
            List<ItemVersion> found = sharedItems.list(demo.as(owner, null),
                    new ItemQuery(Listing.MY_AGENCY, null, null, null, item.title(), null, false), 0, 2);
            if (!found.isEmpty()) {
                return new ItemId(found.get(0).getItem().getId());
            }
        }
        throw new AssertionError("no demo item " + item);
    }

    private long lastEventId() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select coalesce(max(id), 0) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The administration events since {@code id}: actor, outcome and the words of the details that say which step. */
    private List<String> adminEventsSince(long id) throws SQLException {
        // the most specific words first: a refused resume also says "suspended"
        List<String> markers = List.of("Only Iraq Ministry of Interior", "Only a suspended agreement", "drafted",
                "signed this agreement already", "not an agency administrator", "not found", "every party has signed", "suspended",
                "resumed", "terminated");
        // as the acting agency's chain has them (the copies in the other parties' chains name them as owners)
        return events(id, "ADMIN").stream().filter(row -> row[3] == null).map(row -> row[0] + " " + row[1] + " "
                + markers.stream().filter(row[2]::contains).findFirst().orElse(row[2])).toList();
    }

    private List<String> createEventsSince(long id) throws SQLException {
        return events(id, "CREATE").stream().map(row -> "CREATE:" + row[1]).toList();
    }

    private List<String[]> events(long id, String action) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement sql = connection.prepareStatement(
                        "select actor, outcome, details, item_owner from audit_event where id > ? and action = ? order by id")) {
            sql.setLong(1, id);
            sql.setString(2, action);
            List<String[]> events = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    events.add(new String[]{rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
            return events;
        }
    }
}
