package org.interlink.audit.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.eclipse.persistence.security.Securable;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.AuditRecord;
import org.interlink.audit.entity.ChainVerification;
import org.interlink.devstack.DevSecrets;
import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.TestPostgres;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The audit benchmark (docs/benchmarks.md): how fast events are appended with hash chains compared
 * with plain inserts of the same rows, and how long verification of 1,000,000 events takes.
 *
 * <p>Appends go through the portal's own code, {@link AuditGate#record(AuditRecord)} (the chain's
 * last event read, the next link hashed, the event inserted in the next place), on EclipseLink and a real PostgreSQL with
 * durable commits, one transaction per event, by {@code interlink.bench.writers} (8) writers, for
 * {@code interlink.bench.rounds} (3) rounds of {@code interlink.bench.seconds} (10) per layout:
 * <ul>
 *   <li>plain: the same event rows inserted without a chain (the chain's last event not read);</li>
 *   <li>the portal's layout: events about the items of 5 agencies, by 1,000 people, each agency's in
 *       {@link AuditChainHead#LANES} chains (a writer passes by the lanes others hold);</li>
 *   <li>one chain per agency: the same events, each agency's in a single chain;</li>
 *   <li>one global chain: the same events, all in a single chain.</li>
 * </ul>
 * Verification walks one chain of 1,000,000 events with {@link ChainVerifier}, as the portal, the
 * command line and the tests do.
 */
public final class AuditAppendBenchmark {

    /** What the portal's servers each hold once: the last event they wrote to each chain. */
    private static final LaneHeads HEADS = new LaneHeads();
    /** No metrics registry outside the container: appends and failures are not counted. */
    private static final AuditMetrics NO_METRICS = new AuditMetrics() {
        @Override
        void appended(Duration took) {
        }

        @Override
        void failed() {
        }
    };

    private static final List<String> AGENCIES = List.of("iq-moi", "iom-iq", "interpol", "au-dibp", "iq-bpc");

    private AuditAppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("interlink.work.dir"));
        int writers = Integer.getInteger("interlink.bench.writers", 8);
        int seconds = Integer.getInteger("interlink.bench.seconds", 10);
        int rounds = Integer.getInteger("interlink.bench.rounds", 3);
        int verifyEvents = Integer.getInteger("interlink.bench.verify-events", 1_000_000);
        try (TestPostgres postgres = TestPostgres.start(work.resolve("audit-postgres"), DevSecrets.random().databasePassword(),
                Map.of("synchronous_commit", "on", "fsync", "on"))) {
            PortalDatabase db = postgres.database();
            PGSimpleDataSource owner = new PGSimpleDataSource();
            owner.setUrl(db.url());
            owner.setUser(db.migrationUser());
            owner.setPassword(db.migrationPassword());
            SchemaMigration.applyTo(owner, db.user());

            EntityManagerFactory jpa = Persistence.createEntityManagerFactory("audit-bench", Map.of(
                    "eclipselink.persistencexml", "META-INF/audit-bench-persistence.xml",
                    "jakarta.persistence.jdbc.url", db.url(),
                    "jakarta.persistence.jdbc.user", db.user(),
                    "jakarta.persistence.jdbc.password", db.password(),
                    "eclipselink.login.encryptor", PlainPassword.class.getName(),
                    "eclipselink.connection-pool.default.initial", String.valueOf(writers),
                    "eclipselink.connection-pool.default.max", String.valueOf(writers)));
            try {
                if (rounds > 0) {
                    run(jpa, writers, 5, "warm-up", AuditAppendBenchmark::plain);
                }
                // the disk's commit latency drifts: the layouts take turns, round after round, and each
                // is reported by its median round
                List<Double> plainRounds = new ArrayList<>();
                List<Double> lanesRounds = new ArrayList<>();
                List<Double> perAgencyRounds = new ArrayList<>();
                List<Double> globalRounds = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    plainRounds.add(run(jpa, writers, seconds, "round " + round + ", plain inserts", AuditAppendBenchmark::plain));
                    lanesRounds.add(run(jpa, writers, seconds, "round " + round + ", portal: 8 lanes per agency",
                            gate -> gate.record(record(agency()))));
                    perAgencyRounds.add(run(jpa, writers, seconds, "round " + round + ", one chain per agency", gate -> {
                        String agency = agency();
                        gate.append(agency, 1, record(agency));
                    }));
                    globalRounds.add(run(jpa, writers, seconds, "round " + round + ", one global chain",
                            gate -> gate.append("global", 1, record(agency()))));
                }
                double plain = median(plainRounds);
                double lanes = median(lanesRounds);
                double perAgency = median(perAgencyRounds);
                double global = median(globalRounds);
                // interlink.bench.rounds=0: verification only

                long fill = fill(db, "bench-verify", verifyEvents);
                double justLoaded = verify(db, "bench-verify", verifyEvents);
                // as a live table is after autovacuum: PostgreSQL no longer checks each row's writer on reading
                try (Connection connection = DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
                        Statement sql = connection.createStatement()) {
                    sql.execute("vacuum analyze audit_event");
                }
                double vacuumed = verify(db, "bench-verify", verifyEvents);
                System.out.printf("""

                        Audit append, %d writers, one event per transaction, median of %d rounds of %d s (PostgreSQL, synchronous commits):
                          plain inserts:                   %,8.0f events/s
                          chained, 8 lanes per agency:     %,8.0f events/s   (%.2f × plain)   <- the portal
                          chained, one chain per agency:   %,8.0f events/s   (%.2f × plain)
                          chained, one global chain:       %,8.0f events/s   (%.2f × plain)
                        Verification of one chain of %,d events (generated in %d s):
                          right after loading them:        %,8.1f s   (%,.0f events/s)
                          after vacuum analyze:            %,8.1f s   (%,.0f events/s)
                        %n""", writers, rounds, seconds, plain, lanes, lanes / plain, perAgency, perAgency / plain, global, global / plain,
                        verifyEvents, fill, justLoaded, verifyEvents / justLoaded, vacuumed, verifyEvents / vacuumed);
            } finally {
                jpa.close();
            }
        }
    }

    /** The password as given: EclipseLink would otherwise try to decrypt it. */
    public static final class PlainPassword implements Securable {

        @Override
        public String encryptPassword(String password) {
            return password;
        }

        @Override
        public String decryptPassword(String password) {
            return password;
        }
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static String agency() {
        return AGENCIES.get(ThreadLocalRandom.current().nextInt(AGENCIES.size()));
    }

    /** The same event row, inserted by the same statement, but without reading the chain's last event. */
    private static void plain(AuditGate gate) {
        String chain = "plain-" + Thread.currentThread().getId() + "-" + System.nanoTime();
        gate.insert(AuditChainHead.empty(chain).append(record("iq-moi")));
    }

    private static AuditRecord record(String owner) {
        long item = ThreadLocalRandom.current().nextLong(1, 100_000);
        String actor = "bench.user" + ThreadLocalRandom.current().nextInt(1_000);
        return new AuditRecord(Instant.now(), actor, "iom-iq", AuditAction.VIEW, item, owner, AuditOutcome.ALLOWED,
                "192.0.2.10", "Mozilla/5.0 (X11; Linux x86_64) benchmark", "Policy and analysis: benchmark",
                "version 1");
    }

    /** Events per second that {@code writers} threads append for {@code seconds}, one transaction each. */
    private static double run(EntityManagerFactory jpa, int writers, int seconds, String name,
            Consumer<AuditGate> append) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Long>> counts = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < writers; i++) {
            counts.add(pool.submit(() -> {
                EntityManager em = jpa.createEntityManager();
                AuditGate gate = new AuditGate();
                gate.em = em;
                gate.heads = HEADS;
                gate.metrics = NO_METRICS;
                long n = 0;
                try {
                    while (!stop.get()) {
                        em.getTransaction().begin();
                        append.accept(gate);
                        em.getTransaction().commit();
                        em.clear();
                        n++;
                    }
                } finally {
                    em.close();
                }
                return n;
            }));
        }
        TimeUnit.SECONDS.sleep(seconds); // the measured interval itself, not a synchronisation
        stop.set(true);
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException(name + ": writers did not stop");
        }
        long events = 0;
        for (Future<Long> count : counts) {
            events += count.get();
        }
        double rate = events / ((System.nanoTime() - started) / 1e9);
        System.out.printf("%-32s %,10d events  %,8.0f events/s%n", name, events, rate);
        return rate;
    }

    /** Verifies {@code chain} as the portal's role, as the page and the command line do; returns the seconds taken. */
    private static double verify(PortalDatabase db, String chain, int events) throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(ChainVerifier.PARTS);
        long started = System.nanoTime();
        ChainVerification verification;
        try {
            verification = ChainVerifier.verify(() -> DriverManager.getConnection(db.url(), db.user(), db.password()), chain,
                    Map.of(), pool, ChainVerifier.PARTS);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!verification.intact() || verification.events() != events) {
            throw new IllegalStateException("verification failed: " + verification);
        }
        return seconds;
    }

    /** Writes a valid chain of {@code events} events straight into the table (batched); returns the seconds taken. */
    private static long fill(PortalDatabase db, String chain, int events) throws SQLException {
        long started = System.nanoTime();
        AuditChainHead head = AuditChainHead.empty(chain);
        try (Connection connection = DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
                PreparedStatement insert = connection.prepareStatement("insert into audit_event (id, chain, seq, occurred_at, actor, "
                        + "actor_agency, action, item_id, item_owner, outcome, client_address, user_agent, purpose, details, "
                        + "prev_hash, hash) values (nextval('audit_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= events; i++) {
                AuditEvent e = head.append(record("iq-moi"));
                head = AuditChainHead.at(chain, e.getSeq(), e.getHash());
                insert.setString(1, chain);
                insert.setLong(2, e.getSeq());
                insert.setTimestamp(3, Timestamp.from(e.getAt()));
                insert.setString(4, e.getActor());
                insert.setString(5, e.getActorAgency());
                insert.setString(6, e.getAction().name());
                insert.setLong(7, e.getItemId());
                insert.setString(8, e.getItemOwner());
                insert.setString(9, e.getOutcome().name());
                insert.setString(10, e.getClientAddress());
                insert.setString(11, e.getUserAgent());
                insert.setString(12, e.getPurpose());
                insert.setString(13, e.getDetails());
                insert.setString(14, e.getPreviousHash());
                insert.setString(15, e.getHash());
                insert.addBatch();
                if (i % 5_000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            try (PreparedStatement list = connection.prepareStatement("insert into audit_chain (chain) values (?)")) {
                list.setString(1, chain);
                list.executeUpdate();
            }
            connection.commit();
        }
        return Math.round((System.nanoTime() - started) / 1e9);
    }
}
