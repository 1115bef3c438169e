package org.interlink.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import org.assertj.core.groups.Tuple;
import org.interlink.Deployments;
import org.interlink.audit.boundary.AuditTrail;
import org.interlink.audit.boundary.FailedSignIns;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.control.AuditUnavailable;
import org.interlink.audit.control.ChainVerifier;
import org.interlink.audit.control.HeadExport;
import org.interlink.audit.control.VerifyAuditChains;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditFilter;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.AuditRecord;
import org.interlink.audit.entity.ChainVerification;
import org.interlink.audit.entity.SignInFailure;
import org.interlink.caller.entity.Caller;
import org.interlink.demo.DemoData;
import org.interlink.demo.DemoItem;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.Listing;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingForm;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail on PostgreSQL: tampering with it (as the schema's owner, the only role that can)
 * is found and named; the portal's own role cannot change or delete events; and when an event
 * cannot be written, the action it belongs to is not done.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    private static final String TEST_ACTOR = "auditor.test";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(AuditTrailIT.class);
    }

    @Inject
    AuditGate audit;

    @Inject
    SharedItems sharedItems;

    @Inject
    VisibilityGate gate;

    @Inject
    HeadExport heads;

    @Inject
    UserTransaction transaction;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Items items;

    @Inject
    DemoData demo;

    @Inject
    AuditTrail trail;

    @Inject
    FailedSignIns failedSignIns;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource portalRole;

    @Test
    void changedRemovedReorderedAndTruncatedEventsAreNamed() throws Exception {
        String chain = chainOf("t-tamper");
        for (int i = 1; i <= 5; i++) {
            record("t-tamper", "event " + i);
        }
        assertThat(verify(chain)).as("untouched").extracting(ChainVerification::intact).isEqualTo(true);

        owner("update audit_event set details = 'forged' where chain = '" + chain + "' and seq = 3");
        assertThat(verify(chain).toString()).contains("broken at event 3").contains("changed");
        owner("update audit_event set details = 'event 3' where chain = '" + chain + "' and seq = 3");
        assertThat(verify(chain).intact()).as("restored").isTrue();

        owner("create table t_saved as select * from audit_event where chain = '" + chain + "' and seq = 2");
        owner("delete from audit_event where chain = '" + chain + "' and seq = 2");
        assertThat(verify(chain).toString()).contains("broken at event 2").contains("missing");
        owner("insert into audit_event select * from t_saved");
        owner("drop table t_saved");
        assertThat(verify(chain).intact()).as("restored").isTrue();

        owner("update audit_event set seq = -4 where chain = '" + chain + "' and seq = 4");
        owner("update audit_event set seq = 4 where chain = '" + chain + "' and seq = 5");
        owner("update audit_event set seq = 5 where chain = '" + chain + "' and seq = -4");
        assertThat(verify(chain).toString()).contains("broken at event 4").contains("reordered");
        owner("update audit_event set seq = -4 where chain = '" + chain + "' and seq = 5");
        owner("update audit_event set seq = 5 where chain = '" + chain + "' and seq = 4");
        owner("update audit_event set seq = 4 where chain = '" + chain + "' and seq = -4");
        assertThat(verify(chain).intact()).as("restored").isTrue();

        heads.export();
        owner("delete from audit_event where chain = '" + chain + "' and seq = 5");
        try (Connection connection = portalRole.getConnection()) {
            assertThat(ChainVerifier.verify(connection, chain, Map.of()).intact())
                    .as("a chain cut short looks intact on its own").isTrue();
        }
        assertThat(verify(chain).toString()).as("but not against the exported head")
                .contains("does not match the head exported");

        owner("delete from audit_event where chain = '" + chain + "'");
        owner("delete from audit_chain where chain = '" + chain + "'");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyAuditChains.run(System.getProperty("interlink.db.url"), System.getProperty("interlink.db.user"),
                System.getProperty("interlink.db.password"), heads.file(), List.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the command line finds the chain removed from the list too")
                .contains("chain " + chain + ": broken").contains("chain iq-moi/").contains("intact");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void thePortalsRoleCannotChangeOrDeleteEvents() throws Exception {
        record("t-role", "kept as it is");
        String chain = chainOf("t-role");
        try (Connection connection = portalRole.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update audit_event set details = 'forged' where chain = '" + chain + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        try (Connection connection = portalRole.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("delete from audit_event where chain = '" + chain + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        try (Connection connection = portalRole.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("truncate audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        assertThat(verify(chain).intact()).isTrue();
    }

    @Test
    void whenTheEventCannotBeWrittenTheActionIsNotDoneAndTheReadNotServed() throws Exception {
        Caller author = demo.as("moi.official", "iq-moi");
        ItemId id = items.draft(author, record("Fail-closed test")).id();
        owner("revoke insert on audit_event from " + System.getProperty("interlink.db.user"));
        try {
            assertThatThrownBy(() -> items.submit(author, id)).hasRootCauseInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof AuditUnavailable));
            assertThatThrownBy(() -> sharedItems.find(author, id))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof AuditUnavailable));
        } finally {
            owner("grant insert on audit_event to " + System.getProperty("interlink.db.user"));
        }
        assertThat(sharedItems.find(author, id).orElseThrow().getState()).as("the submission was rolled back")
                .isEqualTo(WorkflowState.DRAFT);
    }

    @Test
    void auditorsSeeTheirAgencysItemsAndPeopleAndLookingIsItselfRecorded() throws Exception {
        Caller moiAuditor = demo.as("moi.auditor", "iq-moi");
        Caller iomLiaison = demo.as("iom.liaison", "iom-iq");
        Caller interpol = demo.as("interpol.liaison", "interpol");
        Caller platform = demo.as("platform.admin", null);
        ItemId lyon = demoItem(DemoItem.LYON_VISIT, "moi.vetter");
        ItemId dtm = demoItem(DemoItem.DTM_FIGURES, "iom.vetter");
        String purpose = "Policy and analysis: scope test " + System.nanoTime();

        assertThat(sharedItems.dossier(iomLiaison, lyon, purpose)).isPresent();
        assertThat(sharedItems.find(interpol, dtm)).isPresent();

        AuditFilter aboutLyon = new AuditFilter(null, null, "iom.liaison", null, AuditAction.VIEW, lyon.value(), null);
        assertThat(trail.events(moiAuditor, aboutLyon, 0, 50)).as("a partner's read of the Ministry's item")
                .anyMatch(e -> purpose.equals(e.getPurpose()) && "iom-iq".equals(e.getActorAgency()) && e.getChain().startsWith("iq-moi/"));
        assertThat(trail.accessReport(moiAuditor, Optional.of(lyon), 0, 50)).extracting(AuditEvent::getPurpose).contains(purpose);
        assertThat(trail.accessReport(moiAuditor, Optional.empty(), 0, 1000)).as("reads by the owner's own people are no partner reads")
                .allMatch(e -> !"iq-moi".equals(e.getActorAgency()));

        AuditFilter interpolReadsDtm = new AuditFilter(null, null, "interpol.liaison", null, AuditAction.VIEW, dtm.value(), null);
        assertThat(trail.events(moiAuditor, interpolReadsDtm, 0, 50)).as("neither the Ministry's item nor its people").isEmpty();
        assertThat(trail.count(moiAuditor, interpolReadsDtm)).isZero();
        assertThat(trail.events(platform, interpolReadsDtm, 0, 50)).as("the platform administrator sees all").isNotEmpty();

        assertThat(trail.events(iomLiaison, AuditFilter.none(), 0, 50)).as("no auditor").isEmpty();
        assertThat(trail.exportCsv(iomLiaison, AuditFilter.none())).isEmpty();
        String csv = trail.exportCsv(moiAuditor, aboutLyon);
        assertThat(csv).startsWith("time_utc,chain,seq,actor").contains(purpose);

        assertThat(trail.events(platform, new AuditFilter(null, null, "iom.liaison", null, AuditAction.SEARCH, null, AuditOutcome.DENIED),
                0, 50))
                .as("the refused look into the trail is recorded").isNotEmpty();
        assertThat(trail.events(platform, new AuditFilter(null, null, "moi.auditor", null, AuditAction.EXPORT, null, AuditOutcome.ALLOWED),
                0, 50))
                .as("the export is recorded").anyMatch(e -> e.getDetails().contains("actor=iom.liaison"));
        assertThat(trail.verify(moiAuditor)).extracting(ChainVerification::chain).isNotEmpty()
                .allMatch(chain -> AuditChainHead.ownerOf(chain).equals("iq-moi"), "only the Ministry's chains");
        assertThat(trail.verify(moiAuditor)).allMatch(ChainVerification::intact);
    }

    @Test
    void aFailedSignInReportedByKeycloakIsRecordedOnceWithTheNameTypedMadeSafe() throws Exception {
        Caller platform = demo.as("platform.admin", null);
        Caller moiAuditor = demo.as("moi.auditor", "iq-moi");
        // Keycloak's time is in milliseconds; an hour ahead, so newer than any other failure recorded in this suite
        Instant at = Instant.ofEpochMilli(System.currentTimeMillis() + 3_600_000);
        String eventId = "kc-" + System.nanoTime();
        SignInFailure failure = new SignInFailure(eventId, at, "moi.official\r\nSIGN_IN ALLOWED admin", "198.51.100.7",
                "invalid_user_credentials", "interlink-web");

        assertThat(failedSignIns.record(failure)).isTrue();
        assertThat(failedSignIns.record(failure)).as("Keycloak reports it again: not recorded twice").isFalse();

        AuditFilter failed = new AuditFilter(null, null, null, null, AuditAction.SIGN_IN, null, AuditOutcome.FAILED);
        List<AuditEvent> events = trail.events(platform, failed, 0, 1000).stream()
                .filter(e -> e.getDetails().contains(eventId)).toList();
        assertThat(events).hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.getActor()).isEqualTo("moi.official\\r\\nSIGN_IN ALLOWED admin").doesNotContain("\n");
        assertThat(event.getClientAddress()).isEqualTo("198.51.100.7");
        assertThat(AuditChainHead.ownerOf(event.getChain())).isEqualTo(AuditChainHead.PLATFORM);
        assertThat(event.getAt()).isEqualTo(at);
        assertThat(event.getDetails()).contains("invalid_user_credentials");
        assertThat(failedSignIns.recordedUntil()).as("the next import starts there").contains(at);
        assertThat(trail.events(moiAuditor, failed, 0, 1000)).as("a name typed proves no agency: the platform's to see")
                .noneMatch(e -> e.getDetails().contains(eventId));
    }

    private ItemId demoItem(DemoItem item, String ownerVetter) {
        return sharedItems.list(demo.as(ownerVetter, ownerVetter.startsWith("moi") ? "iq-moi" : "iom-iq"),
                new ItemQuery(Listing.MY_AGENCY, null, null, null, item.title(), null, false), 0, 2)
                .stream().map(v -> new ItemId(v.getItem().getId())).findFirst().orElseThrow();
    }

    @Test
    void writersOfOneAgencyStartingTogetherLoseNoEvent() throws Exception {
        String agency = "t-race-" + System.nanoTime() % 1_000_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(8, threads);
        List<Future<Void>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String details = "writer " + i;
            writers.add(executor.submit(() -> {
                transaction.begin();
                start.await(1, TimeUnit.MINUTES);
                audit.record(new AuditRecord(Instant.now(), TEST_ACTOR, agency, AuditAction.ADMIN, null, null,
                        AuditOutcome.ALLOWED, "127.0.0.1", "test", null, details));
                transaction.commit();
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<Void> writer : writers) {
                writer.get(1, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }
        List<ChainVerification> chains = verifyAll(agency);
        assertThat(chains).allMatch(ChainVerification::intact, "intact");
        assertThat(chains.stream().mapToLong(ChainVerification::events).sum()).isEqualTo(8);
    }

    @Test
    void aWriterPassesByTheLaneAnotherTransactionHolds() throws Exception {
        String agency = "t-lanes-" + System.nanoTime() % 1_000_000;
        record(agency, "first, listing the lane");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor(threads);
        try {
            Future<Void> holder = executor.submit(() -> {
                transaction.begin();
                audit.record(new AuditRecord(Instant.now(), TEST_ACTOR, agency, AuditAction.ADMIN, null, null,
                        AuditOutcome.ALLOWED, "127.0.0.1", "test", null, "holding the lane"));
                holding.countDown();
                release.await(1, TimeUnit.MINUTES);
                transaction.commit();
                return null;
            });
            assertThat(holding.await(1, TimeUnit.MINUTES)).isTrue();
            record(agency, "passing by"); // would wait for the holder's commit (and time out the test) if it queued
            release.countDown();
            holder.get(1, TimeUnit.MINUTES);
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
        int own = AuditChainHead.laneOf(TEST_ACTOR);
        assertThat(verifyAll(agency)).extracting(ChainVerification::chain, ChainVerification::events)
                .containsExactlyInAnyOrder(Tuple.tuple(AuditChainHead.chainOf(agency, own), 2L),
                        Tuple.tuple(AuditChainHead.chainOf(agency, own + 1), 1L));
    }

    /**
     * Two publications of one submitted item by its vetter: the second read the item before the first committed, and
     * writes after. The second fails as a conflict — never as "the audit trail is unavailable", which only a failed
     * audit write may say — and the item is published once, recorded once.
     */
    @Test
    void aStepOnAnItemChangedSinceItWasReadIsAConflictNotAnAuditFailure() throws Exception {
        Caller author = demo.as("moi.official", "iq-moi");
        Caller vetter = demo.as("moi.vetter", "iq-moi");
        ItemId id = items.draft(author, record("Published twice at once")).id();
        items.submit(author, id);
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch published = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor(threads);
        Future<Void> late;
        try {
            late = executor.submit(() -> {
                transaction.begin();
                try {
                    // the item as it was before the other publication (a read that records nothing, so holds no chain)
                    gate.visible(vetter, id).orElseThrow();
                    read.countDown();
                    assertThat(published.await(1, TimeUnit.MINUTES)).isTrue();
                    items.publish(vetter, id, "Agreed as well");
                    transaction.commit();
                } finally {
                    if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                        transaction.rollback();
                    }
                }
                return null;
            });
            assertThat(read.await(1, TimeUnit.MINUTES)).isTrue();
            items.publish(vetter, id, "Agreed");
            published.countDown();
            assertThatThrownBy(() -> late.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
                    .satisfies(failure -> assertThat(causes(failure)).as("a conflict, not an audit failure")
                            .noneMatch(c -> c instanceof AuditUnavailable).anyMatch(c -> c instanceof OptimisticLockException));
        } finally {
            published.countDown();
            executor.shutdownNow();
        }
        assertThat(sharedItems.find(vetter, id).orElseThrow().getState()).isEqualTo(WorkflowState.PUBLISHED);
        AuditFilter publications = new AuditFilter(null, null, "moi.vetter", null, AuditAction.STATE_CHANGE, id.value(),
                AuditOutcome.ALLOWED);
        assertThat(trail.events(demo.as("moi.auditor", "iq-moi"), publications, 0, 50)).as("recorded once").hasSize(1);
    }

    /** The chain {@link #TEST_ACTOR}'s events for {@code agency} go to when no other writer holds it. */
    private static String chainOf(String agency) {
        return AuditChainHead.chainOf(agency, AuditChainHead.laneOf(TEST_ACTOR));
    }

    private List<ChainVerification> verifyAll(String agency) throws SQLException {
        List<ChainVerification> results = new ArrayList<>();
        try (Connection connection = portalRole.getConnection()) {
            for (String chain : ChainVerifier.chains(connection, Map.of())) {
                if (AuditChainHead.ownerOf(chain).equals(agency)) {
                    results.add(ChainVerifier.verify(connection, chain, heads.lastExported()));
                }
            }
        }
        return results;
    }

    private void record(String agency, String details) throws Exception {
        transaction.begin();
        audit.record(new AuditRecord(Instant.now(), TEST_ACTOR, agency, AuditAction.ADMIN, null, null,
                AuditOutcome.ALLOWED, "127.0.0.1", "test", null, details));
        transaction.commit();
    }

    /** Verifies in one walk and in ranges of two events walked at once: both must tell the same. */
    private ChainVerification verify(String chain) throws SQLException {
        ChainVerification whole;
        try (Connection connection = portalRole.getConnection()) {
            whole = ChainVerifier.verify(connection, chain, heads.lastExported());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3, threads);
        try {
            assertThat(ChainVerifier.verify(portalRole::getConnection, chain, heads.lastExported(), pool, 3, 2))
                    .as("walked in ranges").usingRecursiveComparison().ignoringFields("brokenEventId").isEqualTo(whole);
        } finally {
            pool.shutdownNow();
        }
        return whole;
    }

    /** Runs SQL as the schema's owner, who (unlike the portal) may change anything. */
    private static void owner(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getProperty("interlink.db.url"),
                System.getProperty("interlink.db.migration-user"), System.getProperty("interlink.db.migration-password"));
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable c = e; c != null && !causes.contains(c); c = c.getCause()) {
            causes.add(c);
        }
        return causes;
    }

    private static RecordForm record(String title) {
        RecordForm form = new RecordForm();
        form.setType(RecordType.DISPLACEMENT_FIGURES);
        form.setTitle(title);
        form.setSummary("Figures");
        form.setReferenceDate(LocalDate.parse("2026-10-31"));
        form.setLocation("Basra");
        form.setQuantity(10L);
        SharingForm sharing = new SharingForm();
        sharing.setMarking(Marking.GREEN);
        sharing.setScope(Scope.ALL_MEMBERS);
        form.setSharing(sharing);
        return form;
    }
}
