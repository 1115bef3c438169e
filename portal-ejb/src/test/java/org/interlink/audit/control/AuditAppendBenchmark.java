package org.interlink.audit.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.AuditRecord;
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
import java.sql.Timestamp;
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
 * The audit benchmark (README "Numbers"): how fast events are appended with hash chains compared
 * with plain inserts of the same rows, and how long verification of 1,000,000 events takes.
 *
 * <p>Appends go through the portal's own code, {@link AuditGate#record(AuditRecord)} (head row
 * locked, next link hashed, event inserted, head moved), on EclipseLink and a real PostgreSQL with
 * durable commits, one transaction per event, by {@code interlink.bench.writers} (8) writers for
 * {@code interlink.bench.seconds} (20) each:
 * <ul>
 *   <li>plain: the same event rows inserted without a chain (no head lock, no head update);</li>
 *   <li>chained per agency: events of 5 agencies, one chain each (the portal's layout);</li>
 *   <li>one global chain: every event in a single chain (the layout the portal does not use).</li>
 * </ul>
 * Verification walks one chain of 1,000,000 events with {@link ChainVerifier}, as the portal, the
 * command line and the tests do.
 */
public final class AuditAppendBenchmark {

    private static final List<String> AGENCIES = List.of("iq-moi", "iom-iq", "interpol", "au-dibp", "iq-bpc");

    private AuditAppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("interlink.work.dir"));
        int writers = Integer.getInteger("interlink.bench.writers", 8);
        int seconds = Integer.getInteger("interlink.bench.seconds", 20);
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
                    "eclipselink.connection-pool.default.initial", String.valueOf(writers),
                    "eclipselink.connection-pool.default.max", String.valueOf(writers)));
            try {
                run(jpa, writers, 3, "warm-up", AuditAppendBenchmark::plain);
                double plain = run(jpa, writers, seconds, "plain inserts", AuditAppendBenchmark::plain);
                double perAgency = run(jpa, writers, seconds, "chained, one chain per agency",
                        gate -> chained(gate, AGENCIES.get(ThreadLocalRandom.current().nextInt(AGENCIES.size()))));
                double global = run(jpa, writers, seconds, "chained, one global chain", gate -> chained(gate, "global"));

                long fill = fill(db, "bench-verify", verifyEvents);
                long started = System.nanoTime();
                ChainVerifier.Verification verification;
                try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                    verification = ChainVerifier.verify(connection, "bench-verify", Map.of());
                }
                double verifySeconds = (System.nanoTime() - started) / 1e9;
                if (!verification.intact() || verification.events() != verifyEvents) {
                    throw new IllegalStateException("verification failed: " + verification);
                }
                System.out.printf("""

                        Audit append, %d writers, one event per transaction, %d s each (PostgreSQL, synchronous commits):
                          plain inserts:                   %,8.0f events/s
                          chained, one chain per agency:   %,8.0f events/s   (%.2f × plain)
                          chained, one global chain:       %,8.0f events/s   (%.2f × plain)
                        Verification of one chain of %,d events: %.1f s (%,.0f events/s; generated in %d s)
                        %n""", writers, seconds, plain, perAgency, perAgency / plain, global, global / plain,
                        verifyEvents, verifySeconds, verifyEvents / verifySeconds, fill);
            } finally {
                jpa.close();
            }
        }
    }

    /** One event appended to its agency's chain by the portal's audit gate. */
    private static void chained(AuditGate gate, String agency) {
        gate.record(record(agency));
    }

    /** The same event row, inserted as it is: no chain head read, locked or moved. */
    private static void plain(AuditGate gate) {
        String chain = "plain-" + Thread.currentThread().getId() + "-" + System.nanoTime();
        gate.em.persist(new AuditChainHead(chain).append(record("iq-moi")));
        gate.em.flush();
    }

    private static AuditRecord record(String owner) {
        long item = ThreadLocalRandom.current().nextLong(1, 100_000);
        return new AuditRecord(Instant.now(), "bench.user", "iom-iq", AuditAction.VIEW, item, owner, AuditOutcome.ALLOWED,
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

    /** Writes a valid chain of {@code events} events straight into the table (batched); returns the seconds taken. */
    private static long fill(PortalDatabase db, String chain, int events) throws SQLException {
        long started = System.nanoTime();
        AuditChainHead head = new AuditChainHead(chain);
        try (Connection connection = DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
             PreparedStatement insert = connection.prepareStatement("insert into audit_event (id, chain, seq, occurred_at, actor, "
                     + "actor_agency, action, item_id, item_owner, outcome, client_address, user_agent, purpose, details, "
                     + "prev_hash, hash) values (nextval('audit_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= events; i++) {
                String previous = head.getHash();
                AuditEvent e = head.append(record("iq-moi"));
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
                insert.setString(14, previous);
                insert.setString(15, e.getHash());
                insert.addBatch();
                if (i % 5_000 == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            try (PreparedStatement headRow = connection.prepareStatement("insert into audit_chain_head (chain, seq, hash) values (?, ?, ?)")) {
                headRow.setString(1, chain);
                headRow.setLong(2, head.getSeq());
                headRow.setString(3, head.getHash());
                headRow.executeUpdate();
            }
            connection.commit();
        }
        return Math.round((System.nanoTime() - started) / 1e9);
    }
}
