package org.interlink.drills;

import org.interlink.audit.control.VerifyAuditChains;
import org.interlink.devstack.DevSecrets;
import org.interlink.devstack.Folders;
import org.interlink.devstack.FreePort;
import org.interlink.devstack.Http;
import org.interlink.devstack.KeycloakServer;
import org.interlink.devstack.PayaraMicroServer;
import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.PortalSettings;
import org.interlink.devstack.PortalSignIn;
import org.interlink.devstack.RealmDefinition;
import org.interlink.devstack.TestPostgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault drills of docs/reliability.md, on PostgreSQL with Keycloak and the portal (Payara Micro) as the
 * run command starts them: while API clients create, edit, submit, publish and read and a signed-in person
 * opens pages, a fault is made; afterwards every acknowledged write must be in the database with its audit
 * event, and the audit chains must verify. Prints one table (also written to {@code faults-table.md} in the
 * work folder) and fails when anything acknowledged was lost, an answer was not a clear refusal, or the portal
 * did not recover by itself within 30 s.
 *
 * <p>Run: {@code mvn -Pfaults -pl portal-web -am verify}. System properties as for the run command, plus
 * {@code interlink.faults.clients} (20), {@code interlink.faults.load-seconds} (15: load before the fault and
 * after the recovery), {@code interlink.faults.outage-seconds} (10), {@code interlink.faults.stall-seconds} (60) and
 * {@code interlink.faults.drills} (the drills to run, all by default).
 */
public final class FaultDrills {

    static final String BORDER_SYSTEM = "moi-border-system";
    static final String VETTING_DESK = "moi-vetting-desk";
    static final String IOM_SYSTEM = "iom-case-system";
    /** The portal's default {@code interlink.api.refusals-per-minute}. */
    static final int REFUSALS_PER_MINUTE = 60;
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    /**
     * No answer may take longer while PostgreSQL stalls: the driver's socket timeout (20 s), a new connection's (5 s), the
     * pool's wait (5 s), and 15 s to spare.
     */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(45);
    static final int POOL_SIZE = 32;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private FaultDrills() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("interlink.work.dir"));
        int clients = Integer.getInteger("interlink.faults.clients", 20);
        int overloadClients = Integer.getInteger("interlink.faults.overload-clients", 300);
        Duration load = Duration.ofSeconds(Integer.getInteger("interlink.faults.load-seconds", 15));
        Duration outage = Duration.ofSeconds(Integer.getInteger("interlink.faults.outage-seconds", 10));
        Duration stall = Duration.ofSeconds(Integer.getInteger("interlink.faults.stall-seconds", 60));
        DevSecrets secrets = DevSecrets.random();
        Path heads = work.resolve("audit-heads.jsonl");
        Files.deleteIfExists(heads);
        Folders.deleteTree(work.resolve("keycloak"));
        List<Row> rows = new ArrayList<>();
        // WAL archiving on from the start: the restore drill replays every segment since its base backup
        try (TestPostgres postgres = TestPostgres.start(work.resolve("postgres"), secrets.databasePassword(),
                Map.of("archive_mode", "on"))) {
            // found once PostgreSQL listens: it chose its own free port, which could have been one of these
            int portalPort = FreePort.find();
            int keycloakPort = FreePort.find();
            rows.addAll(drills(work, postgres, portalPort, keycloakPort, secrets, heads, clients, overloadClients, load, outage, stall));
        }
        String table = table(clients, rows);
        System.out.println(table);
        Files.writeString(work.resolve("faults-table.md"), table);
        List<String> failed = rows.stream().filter(row -> !row.passed()).map(Row::fault).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("fault drills failed: " + failed + " (see the table above)");
        }
    }

    /** Every drill, one after the other, on the same stack; the rows of the table. */
    private static List<Row> drills(Path work, TestPostgres postgres, int portalPort, int keycloakPort, DevSecrets secrets, Path heads,
            int clients, int overloadClients, Duration load, Duration outage, Duration stall) throws Exception {
        List<Row> rows = new ArrayList<>();
        // -Dinterlink.faults.drills=overload,restore runs only those (all by default)
        Set<String> only = Set
                .of(System.getProperty("interlink.faults.drills", "kill,stall,conflicts,disk,keycloak,overload,restore").split(","));
        try (Keycloak keycloak = new Keycloak(work, keycloakPort, "http://localhost:" + portalPort, secrets);
                PayaraMicroServer portal = portal(portalPort, work.resolve("portal"),
                        settings(postgres.database(), keycloak.realmUrl(), secrets, heads, true))) {
            portal.awaitReady(Duration.ofMinutes(3));
            RestoreDrill restore = only.contains("restore") ? RestoreDrill.prepare(postgres, work.resolve("backup")) : null;
            if (only.contains("kill")) {
                rows.add(postgresKilled(stack(portal, postgres, keycloak, secrets), clients, load, outage));
            }
            if (only.contains("stall")) {
                rows.add(postgresStalled(stack(portal, postgres, keycloak, secrets), clients, load, stall));
            }
            if (only.contains("conflicts")) {
                rows.add(changedAtOnce(stack(portal, postgres, keycloak, secrets), "PostgreSQL", 3));
                rows.add(onH2(work, keycloak, secrets, stack -> changedAtOnce(stack, "H2 (the run command's database)", 3)));
            }
            if (only.contains("disk")) {
                rows.add(onItsOwnPostgres(work, keycloak, secrets, DiskFullDrill::run));
            }
            if (only.contains("keycloak")) {
                rows.add(keycloakDown(stack(portal, postgres, keycloak, secrets), keycloak, clients, load, outage.multipliedBy(2)));
            }
            if (only.contains("overload")) {
                rows.add(overload(stack(portal, postgres, keycloak, secrets), portal.process().pid(), work,
                        token(keycloak.realmUrl(), IOM_SYSTEM, secrets),
                        overloadClients, load.plus(outage)));
            }
            awaitExportedHeads(heads, Duration.ofMinutes(2));
            rows.add(chainsVerify(postgres.database(), heads));
            if (restore != null) {
                rows.addAll(restore.destroyAndRestore(new RestoreDrill.Stack(postgres, portal, secrets.databasePassword(), heads,
                        token(keycloak.realmUrl(), BORDER_SYSTEM, secrets), restored -> portal(portalPort, work.resolve("portal-restored"),
                                settings(restored, keycloak.realmUrl(), secrets, work.resolve("backup/restored-heads.jsonl"), false)))));
            }
        }
        return rows;
    }

    /** A drill on a second portal, on H2 as the run command starts it (same Keycloak, its own port), stopped afterwards. */
    private static Row onH2(Path work, Keycloak keycloak, DevSecrets secrets, Drill drill) throws Exception {
        Path folder = work.resolve("portal-h2");
        Folders.deleteTree(folder);
        PortalDatabase h2 = PortalDatabase.h2File(Folders.created(folder.resolve("h2")), secrets.databasePassword());
        try (PayaraMicroServer portal = portal(FreePort.find(), folder, settings(h2, keycloak.realmUrl(), secrets,
                folder.resolve("audit-heads.jsonl"), true))) {
            portal.awaitReady(Duration.ofMinutes(3));
            return drill.on(new Stack(portal.url(), null, token(keycloak.realmUrl(), BORDER_SYSTEM, secrets),
                    token(keycloak.realmUrl(), VETTING_DESK, secrets)));
        }
    }

    /**
     * A drill on a second portal with a PostgreSQL of its own (same Keycloak), for a fault that must not touch the main
     * database (the restore drill replays its WAL); both stopped afterwards.
     */
    private static Row onItsOwnPostgres(Path work, Keycloak keycloak, DevSecrets secrets, DatabaseDrill drill) throws Exception {
        Path folder = work.resolve("own-postgres");
        try (TestPostgres postgres = TestPostgres.start(folder.resolve("postgres"), secrets.databasePassword());
                PayaraMicroServer portal = portal(FreePort.find(), folder.resolve("portal"), settings(postgres.database(),
                        keycloak.realmUrl(), secrets, folder.resolve("audit-heads.jsonl"), true))) {
            portal.awaitReady(Duration.ofMinutes(3));
            return drill.on(new Stack(portal.url(), postgres, token(keycloak.realmUrl(), BORDER_SYSTEM, secrets),
                    token(keycloak.realmUrl(), VETTING_DESK, secrets)), postgres, folder);
        }
    }

    /** A drill on a stack and its database. */
    @FunctionalInterface
    interface DatabaseDrill {
        Row on(Stack stack, TestPostgres postgres, Path folder) throws Exception;
    }

    /** A drill on a stack. */
    @FunctionalInterface
    interface Drill {
        Row on(Stack stack) throws Exception;
    }

    private static PayaraMicroServer portal(int port, Path folder, Map<String, String> settings) {
        return PayaraMicroServer.start(Path.of(System.getProperty("interlink.payara.micro.jar")),
                Path.of(System.getProperty("interlink.war")),
                port, folder, settings);
    }

    /** The run command's settings on PostgreSQL, with the audit chain heads exported every minute (not 5). */
    private static Map<String, String> settings(PortalDatabase db, String realmUrl, DevSecrets secrets, Path heads, boolean demoData) {
        Map<String, String> settings = new HashMap<>(
                PortalSettings.environment(db, realmUrl, secrets.clientSecret(), demoData, heads));
        settings.put("INTERLINK_AUDIT_HEAD_EXPORT_MINUTES", "1");
        return settings;
    }

    private static String account(String system) {
        return "service-account-" + system;
    }

    /** The stack with fresh tokens of the two calling systems (they live 5 minutes). */
    private static Stack stack(PayaraMicroServer portal, TestPostgres postgres, Keycloak keycloak, DevSecrets secrets)
            throws IOException, InterruptedException {
        return new Stack(portal.url(), postgres, token(keycloak.realmUrl(), BORDER_SYSTEM, secrets),
                token(keycloak.realmUrl(), VETTING_DESK, secrets));
    }

    /** The portal, its database and the callers' tokens. */
    record Stack(String url, TestPostgres postgres, String border, String desk) {
    }

    /**
     * PostgreSQL killed (the postmaster and every backend, SIGKILL) under load and started again after
     * {@code outage}: the portal must answer clear 503s meanwhile, say it is not ready, and recover by itself.
     */
    static Row postgresKilled(Stack stack, int clients, Duration load, Duration outage) throws Exception {
        try (Load running = new Load(stack, clients)) {
            Readiness readiness = new Readiness(stack.url());
            running.also(stop -> readiness.watch(stop));
            pause(load);
            long killed = System.nanoTime();
            stack.postgres().kill();
            pause(outage);
            stack.postgres().restart();
            long restarted = System.nanoTime();
            long ready = readiness.upAfter(restarted, RECOVERY_LIMIT.plusSeconds(30));
            long written = running.ledger().firstWriteAfter(restarted, RECOVERY_LIMIT.plusSeconds(30));
            pause(load);
            Ledger.Found verified = running.finishAndVerify();
            Ledger ledger = running.ledger();
            double readySeconds = seconds(ready - restarted);
            double writtenSeconds = seconds(written - restarted);
            boolean downSeen = readiness.downBetween(killed, restarted);
            boolean recovered = ready > 0 && written > 0 && readySeconds <= RECOVERY_LIMIT.toSeconds()
                    && writtenSeconds <= RECOVERY_LIMIT.toSeconds();
            return new Row("PostgreSQL killed (kill -9), started again after " + outage.toSeconds() + " s", ledger.acknowledged(),
                    ledger.acknowledgedWrites(), verified.found(), verified.lost(),
                    "during the outage: %d API 503 problem+json, %d pages 503 \"try again\" (each within %.1f s); /health/ready %s;"
                            .formatted(ledger.clearRefusals(), ledger.pageRefusals(), ledger.slowestRefusalSeconds(),
                                    downSeen ? "DOWN" : "never DOWN")
                            + " answered as failed but done (a lost commit answer): " + verified.doneThoughRefused()
                            + "; 429 (a caller's limit): "
                            + ledger.throttled() + "; unclear: " + ledger.unclear(),
                    recovered
                            ? "ready %.1f s, first write %.1f s after PostgreSQL was back".formatted(readySeconds, writtenSeconds)
                            : "NOT RECOVERED within " + RECOVERY_LIMIT.toSeconds() + " s",
                    verified.lost() == 0 && ledger.unclear() == 0 && downSeen && recovered, ledger.unclearSamples());
        }
    }

    /**
     * PostgreSQL stalled under load ({@code kill -STOP} of the postmaster and every backend) for {@code stall}, then let go
     * on: requests must be answered, at the latest when the socket timeout ends their wait, with a clear 503, instead of
     * piling up; afterwards the portal works again by itself, holds no more connections than its pool allows and answers
     * a burst of 40 requests at once.
     */
    static Row postgresStalled(Stack stack, int clients, Duration load, Duration stall) throws Exception {
        try (Load running = new Load(stack, clients)) {
            pause(load);
            stack.postgres().stall();
            try {
                pause(stall);
            } finally {
                stack.postgres().resume();
            }
            long resumed = System.nanoTime();
            long written = running.ledger().firstWriteAfter(resumed, RECOVERY_LIMIT.plusSeconds(30));
            pause(load);
            Ledger.Found verified = running.finishAndVerify();
            Ledger ledger = running.ledger();
            long connections = settledConnections(stack.postgres().database());
            Burst burst = burst(stack, 40);
            double writtenSeconds = seconds(written - resumed);
            boolean recovered = written > 0 && writtenSeconds <= RECOVERY_LIMIT.toSeconds();
            boolean bounded = ledger.slowestAnswerSeconds() <= ANSWER_LIMIT.toSeconds();
            return new Row("PostgreSQL stalled (kill -STOP) for " + stall.toSeconds() + " s", ledger.acknowledged(),
                    ledger.acknowledgedWrites(),
                    verified.found(), verified.lost(),
                    ("%d API 503 problem+json, %d pages 503; the slowest answer %.1f s (%s; limit %d s);"
                            + " afterwards %d connections of the portal, a burst of 40 requests: %d answered 200, %d 429"
                            + " (the caller's 8 at once); unclear: %d")
                            .formatted(ledger.clearRefusals(), ledger.pageRefusals(), ledger.slowestAnswerSeconds(), ledger.slowest(),
                                    ANSWER_LIMIT.toSeconds(),
                                    connections, burst.ok(), burst.throttled(), ledger.unclear()),
                    recovered
                            ? "first write %.1f s after PostgreSQL went on".formatted(writtenSeconds)
                            : "NOT RECOVERED within " + RECOVERY_LIMIT.toSeconds() + " s",
                    verified.lost() == 0 && ledger.unclear() == 0 && bounded && recovered && connections <= POOL_SIZE && burst.ok() > 0
                            && burst.ok() + burst.throttled() == 40,
                    ledger.unclearSamples());
        }
    }

    /**
     * The portal's connections PostgreSQL holds once those the pool dropped during the stall are gone: the count, asked again
     * each second for at most 30 s until it is within the pool's 32 (a connection closed by the pool ends on the server's
     * side when its backend reads the close, after the stall).
     */
    private static long settledConnections(PortalDatabase db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long connections = portalConnections(db);
        while (connections > POOL_SIZE && System.nanoTime() < deadline) {
            Thread.sleep(1000); // polled with a deadline
            connections = portalConnections(db);
        }
        return connections;
    }

    /** The portal's connections PostgreSQL holds (its pool allows 32). */
    private static long portalConnections(PortalDatabase db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
                PreparedStatement query = connection.prepareStatement("select count(*) from pg_stat_activity where usename = ?")) {
            query.setString(1, db.user());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** How a burst of reads was answered: 200, or 429 with {@code Retry-After}; anything else is in neither. */
    record Burst(int ok, int throttled) {
    }

    /** {@code size} reads of the shared list at once. */
    private static Burst burst(Stack stack, int size) throws Exception {
        Api border = new Api(stack.url(), stack.border());
        ExecutorService all = Executors.newFixedThreadPool(size);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                sent.add(all.submit(() -> {
                    go.await(1, TimeUnit.MINUTES);
                    return border.send("GET", "/items?view=SHARED_WITH_MY_AGENCY&size=20", null, null);
                }));
            }
            go.countDown();
            int ok = 0;
            int throttled = 0;
            for (Future<Api.Answer> future : sent) {
                Api.Answer answer = future.get(2, TimeUnit.MINUTES);
                ok += answer.status() == 200 ? 1 : 0;
                throttled += answer.throttled() ? 1 : 0;
            }
            return new Burst(ok, throttled);
        } finally {
            all.shutdownNow();
        }
    }

    /**
     * Keycloak stopped under load for {@code outage} and started again: API clients go on with the tokens they have
     * (checked against the keys the portal fetched before), the signed-in person goes on, a newcomer gets the portal's
     * "sign-in is unavailable" page; once Keycloak is back, a newcomer signs in, with no restart of the portal.
     */
    static Row keycloakDown(Stack stack, Keycloak keycloak, int clients, Duration load, Duration outage) throws Exception {
        try (Load running = new Load(stack, clients)) {
            Newcomers newcomers = new Newcomers(stack.url());
            pause(load);
            keycloak.stop();
            running.also(stop -> newcomers.knock(stop));
            pause(outage);
            newcomers.stop();
            keycloak.start();
            long back = System.nanoTime();
            long signedIn = newcomers.signInAfter(back, RECOVERY_LIMIT.plusSeconds(30));
            pause(load);
            Ledger.Found verified = running.finishAndVerify();
            Ledger ledger = running.ledger();
            double signInSeconds = seconds(signedIn - back);
            boolean recovered = signedIn > 0 && signInSeconds <= RECOVERY_LIMIT.toSeconds();
            List<String> samples = new ArrayList<>(ledger.unclearSamples());
            samples.addAll(newcomers.unclear());
            return new Row("Keycloak stopped for " + outage.toSeconds() + " s, started again", ledger.acknowledged(),
                    ledger.acknowledgedWrites(), verified.found(), verified.lost(),
                    ("API and signed-in pages refused: %d; newcomers told \"sign-in is unavailable\" (503): %d, the first %.1f s"
                            + " after Keycloak stopped; 429 (a caller's limit): %d; unclear: %d").formatted(
                                    ledger.clearRefusals() + ledger.pageRefusals(), newcomers.toldUnavailable(),
                                    newcomers.noticedAfterSeconds(), ledger.throttled(), samples.size()),
                    recovered
                            ? "a newcomer signed in %.1f s after Keycloak was back".formatted(signInSeconds)
                            : "NOT RECOVERED within " + RECOVERY_LIMIT.toSeconds() + " s",
                    verified.lost() == 0 && ledger.clearRefusals() + ledger.pageRefusals() == 0 && samples.isEmpty()
                            && newcomers.toldUnavailable() > 0 && recovered,
                    samples);
        }
    }

    /**
     * {@code clients} API clients at once, for {@code load}, and one more system walking through ids it cannot read:
     * every answer must be a success or a clear refusal (503 problem+json, or 429 with {@code Retry-After}), nothing
     * acknowledged may be lost, and the walker must be stopped (429) after {@value #REFUSALS_PER_MINUTE} refused reads a
     * minute, its walk leaving no more audit events than that (plus the refusals' own count).
     */
    static Row overload(Stack stack, long portalPid, Path work, String walkerToken, int clients, Duration load) throws Exception {
        PortalDatabase db = stack.postgres().database();
        long sinceId = lastAuditEvent(db);
        Walk walk = new Walk(new Api(stack.url(), walkerToken));
        long started = System.nanoTime();
        Ledger.Found verified;
        Ledger ledger;
        try (Load running = new Load(stack, clients)) {
            running.also(stop -> walk.run(stop, Long.MAX_VALUE));
            pause(load);
            verified = running.finishAndVerify();
            ledger = running.ledger();
        }
        double seconds = seconds(System.nanoTime() - started);
        long calm = System.nanoTime();
        long answered = firstAnswered(new Api(stack.url(), stack.desk()), RECOVERY_LIMIT);
        if (answered == 0) {
            threadDump(portalPid, work.resolve("overload-threads.txt"));
        }
        double calmSeconds = seconds(answered - calm);
        // under the load the walker mostly waits for its turn like everyone else; now it walks as fast as it is let
        walk.run(new AtomicBoolean(), 2L * REFUSALS_PER_MINUTE);
        long walkerEvents = auditEventsOf(db, account(IOM_SYSTEM), sinceId);
        long minutes = (long) Math.ceil(seconds / 60);
        List<String> samples = new ArrayList<>(ledger.unclearSamples());
        samples.addAll(walk.unclear);
        boolean walkerStopped = walk.throttled.get() > 0 && walk.refused.get() <= REFUSALS_PER_MINUTE * (minutes + 1)
                && walkerEvents <= walk.refused.get();
        return new Row(clients + " API clients at once for " + load.toSeconds() + " s, and one walking through ids",
                ledger.acknowledged(), ledger.acknowledgedWrites(), verified.found(), verified.lost(),
                ("%.0f acknowledged a second; 503 \"busy\"/unavailable problem+json: %d, 429 (a caller's limit): %d, pages 503: %d, the"
                        + " slowest answer %.1f s; the walker: %d reads refused 404 (each audited: %d events), then %d × 429; unclear: %d")
                        .formatted(ledger.acknowledged() / seconds, ledger.clearRefusals(), ledger.throttled(), ledger.pageRefusals(),
                                ledger.slowestAnswerSeconds(), walk.refused.get(), walkerEvents, walk.throttled.get(), samples.size()),
                answered > 0
                        ? "a call answered 200 %.1f s after the load".formatted(calmSeconds)
                        : "NO CALL ANSWERED 200 within " + RECOVERY_LIMIT.toSeconds() + " s after the load (threads: overload-threads.txt)",
                verified.lost() == 0 && samples.isEmpty() && walkerStopped && answered > 0, samples);
    }

    /** When a read of the caller's own list was first answered 200, asking again and again; 0 when not within {@code limit}. */
    private static long firstAnswered(Api api, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer answer = api.send("GET", "/items?view=MY_AGENCY&size=1", null, null);
            if (answer.status() == 200) {
                return System.nanoTime();
            }
            answer.backOff();
        }
        return 0;
    }

    /** The portal's threads, for the reader of a failed drill ({@code jcmd Thread.print}). */
    private static void threadDump(long pid, Path file) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                    "Thread.print").redirectErrorStream(true).redirectOutput(file.toFile()).start();
            jcmd.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("no thread dump: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A system asking for ids that do not exist, one after the other, as fast as it can. */
    private static final class Walk {

        private final Api api;
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong throttled = new AtomicLong();
        private final AtomicLong next = new AtomicLong(2_000_000_000L);
        private final List<String> unclear = new CopyOnWriteArrayList<>();

        Walk(Api api) {
            this.api = api;
        }

        /** Asks for {@code reads} ids at most, until {@code stop}. */
        Void run(AtomicBoolean stop, long reads) throws InterruptedException {
            for (long read = 0; read < reads && !stop.get(); read++) {
                long id = next.getAndIncrement();
                Api.Answer answer = api.send("GET", "/items/" + id, null, null);
                if (answer.status() == 404) {
                    refused.incrementAndGet();
                } else if (answer.throttled() && answer.clearRefusal()) {
                    throttled.incrementAndGet();
                } else if (!answer.clearRefusal()) {
                    unclear.add("walk to item " + id + ": " + answer);
                }
                if (answer.status() == 503) {
                    answer.backOff(); // the portal busy: like everyone; told to stop (429), it does not (the walk is an attack)
                }
            }
            return null;
        }
    }

    private static long lastAuditEvent(PortalDatabase db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
                PreparedStatement query = connection.prepareStatement("select coalesce(max(id), 0) from audit_event");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long auditEventsOf(PortalDatabase db, String actor, long afterId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
                PreparedStatement query = connection.prepareStatement("select count(*) from audit_event where actor = ? and id > ?")) {
            query.setString(1, actor);
            query.setLong(2, afterId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The load of a drill: {@code clients} API clients and one signed-in person, until {@link #finish()}. */
    private static final class Load implements AutoCloseable {

        private final Stack stack;
        private final Ledger ledger = new Ledger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService workers;
        private final List<Future<?>> running = new ArrayList<>();

        Load(Stack stack, int clients) {
            this.stack = stack;
            workers = Executors.newFixedThreadPool(clients + 2);
            PortalSignIn person = new PortalSignIn();
            person.signIn(stack.url(), "moi.official", RealmDefinition.DEMO_PASSWORD);
            for (int i = 0; i < clients; i++) {
                int client = i;
                running.add(workers.submit(() -> steps(stack, ledger, stop, client)));
            }
            running.add(workers.submit(() -> pages(stack, person, ledger, stop)));
        }

        /** One more task beside the load, until it stops. */
        void also(Task task) {
            running.add(workers.submit(() -> task.run(stop)));
        }

        Ledger ledger() {
            return ledger;
        }

        /** Stops the load, waits for every request under way, and looks for what was acknowledged in the database. */
        Ledger.Found finishAndVerify() throws Exception {
            stop.set(true);
            for (Future<?> worker : running) {
                worker.get(2, TimeUnit.MINUTES);
            }
            return ledger.verify(stack.postgres().database(), account(BORDER_SYSTEM),
                    List.of(account(BORDER_SYSTEM), account(VETTING_DESK)));
        }

        @Override
        public void close() {
            stop.set(true);
            workers.shutdownNow();
        }
    }

    /** A task of a drill that runs until {@code stop}. */
    @FunctionalInterface
    interface Task {
        Object run(AtomicBoolean stop) throws Exception;
    }

    /** Keycloak as the drill stops and starts it (same port, same data). */
    static final class Keycloak implements AutoCloseable {

        private final Path work;
        private final int port;
        private final String portalUrl;
        private final DevSecrets secrets;
        private KeycloakServer server;

        Keycloak(Path work, int port, String portalUrl, DevSecrets secrets) {
            this.work = work;
            this.port = port;
            this.portalUrl = portalUrl;
            this.secrets = secrets;
            start();
        }

        void start() {
            server = KeycloakServer.start(Path.of(System.getProperty("interlink.keycloak.home")), port, work.resolve("keycloak"), portalUrl,
                    secrets);
            server.awaitReady(Duration.ofMinutes(5));
        }

        void stop() {
            server.close();
        }

        String realmUrl() {
            return server.realmUrl();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** One item's way through the API, again and again: create, edit, submit, publish (the desk), read. */
    private static Void steps(Stack stack, Ledger ledger, AtomicBoolean stop, int client) throws InterruptedException {
        Api border = new Api(stack.url(), stack.border());
        Api desk = new Api(stack.url(), stack.desk());
        int round = 0;
        while (!stop.get()) {
            round++;
            String title = "Drill " + client + "." + round;
            Api.Answer created = ledger.write(0, "CREATE", title, "DRAFT", () -> border.send("POST", "/records", record(title), null));
            if (created.status() != 201) {
                created.backOff();
                continue;
            }
            long id = created.id();
            Api.Answer edited = ledger.write(id, "UPDATE", title + " (edited)", "DRAFT",
                    () -> border.send("PUT", "/records/" + id, record(title + " (edited)"), created.etag()));
            if (edited.status() != 200) {
                edited.backOff();
                continue;
            }
            Api.Answer submitted = ledger.write(id, "STATE_CHANGE", title + " (edited)", "SUBMITTED",
                    () -> border.send("POST", "/items/" + id + "/submit", null, edited.etag()));
            if (submitted.status() != 200) {
                submitted.backOff();
                continue;
            }
            Api.Answer published = ledger.write(id, "STATE_CHANGE", title + " (edited)", "PUBLISHED",
                    () -> desk.send("POST", "/items/" + id + "/publish", "{\"comment\":\"Checked in the drill\"}", null));
            if (published.status() == 200) {
                ledger.read(id, () -> border.send("GET", "/items/" + id, null, null)).backOff();
            } else {
                published.backOff();
            }
        }
        return null;
    }

    /** A signed-in person opening the dashboard and the list of their agency's items, one after the other. */
    private static Void pages(Stack stack, PortalSignIn person, Ledger ledger, AtomicBoolean stop) {
        List<String> pages = List.of(stack.url() + "/", stack.url() + "/items.xhtml");
        for (int i = 0; !stop.get(); i++) {
            long sent = System.nanoTime();
            try {
                HttpResponse<String> page = person.openAsIs(pages.get(i % pages.size()));
                ledger.page(page.statusCode(), page.body(), sent);
            } catch (IllegalStateException noAnswer) {
                ledger.page(-1, "no answer within 30 s: " + noAnswer.getMessage(), sent);
            }
        }
        return null;
    }

    /** The steps (and the edit) the conflicts drill takes four times at once: the state the item is in first, and who takes it. */
    private static final List<String> STEPS = List.of("edit", "submit", "publish", "return", "withdraw", "archive", "new-version");

    /**
     * Every step and the edit, four times at once by the same caller (as a client that sends again what it did not hear
     * back about), {@code rounds} times each: one is done, each other one is a conflict (409; 412 for an edit whose If-Match
     * no longer holds), never a 503 of an audit failure or a 500; the item's history has the step once.
     */
    static Row changedAtOnce(Stack stack, String database, int rounds) throws Exception {
        Api border = new Api(stack.url(), stack.border());
        Api desk = new Api(stack.url(), stack.desk());
        ExecutorService four = Executors.newFixedThreadPool(4);
        int done = 0;
        int conflicts = 0;
        int once = 0;
        List<String> unclear = new ArrayList<>();
        try {
            for (String step : STEPS) {
                for (int round = 0; round < rounds; round++) {
                    Api.Answer item = itemIn(border, desk, "At once: " + step + " " + round, switch (step) {
                        case "edit", "submit" -> "DRAFT";
                        case "publish", "return" -> "SUBMITTED";
                        default -> "PUBLISHED";
                    });
                    long id = item.id();
                    String tag = item.etag();
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Api.Answer>> sent = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        sent.add(four.submit(() -> {
                            go.await(1, TimeUnit.MINUTES);
                            return switch (step) {
                                case "edit" -> border.send("PUT", "/records/" + id, record("At once: edited"), tag);
                                case "publish" -> desk.send("POST", "/items/" + id + "/publish", "{\"comment\":\"Agreed\"}", null);
                                case "return" -> desk.send("POST", "/items/" + id + "/return", "{\"comment\":\"Not yet\"}", null);
                                case "withdraw" ->
                                    border.send("POST", "/items/" + id + "/withdraw", "{\"comment\":\"No longer valid\"}", null);
                                default -> border.send("POST", "/items/" + id + "/" + step, null, null);
                            };
                        }));
                    }
                    go.countDown();
                    int doneHere = 0;
                    for (Future<Api.Answer> answer : sent) {
                        Api.Answer a = answer.get(2, TimeUnit.MINUTES);
                        if (a.status() == 200) {
                            doneHere++;
                        } else if ((a.status() == 409 || a.status() == 412) && a.contentType().startsWith("application/problem+json")) {
                            conflicts++;
                        } else {
                            unclear.add(step + ": " + a);
                        }
                    }
                    done += doneHere;
                    String history = border.send("GET", "/items/" + id + "/history", null, null).body();
                    long recorded = Pattern.compile("\"action\":\"" + HISTORY.get(step) + "\"").matcher(history).results().count();
                    if (doneHere == 1 && recorded == 1) {
                        once++;
                    } else {
                        unclear.add(step + " of item " + id + ": " + doneHere + " answered 200, " + recorded + " in its history");
                    }
                }
            }
        } finally {
            four.shutdownNow();
        }
        int tried = STEPS.size() * rounds;
        return new Row("every step and the edit 4 times at once (" + String.join(", ", STEPS) + "), " + rounds + " items each, on "
                + database, done, done, once, done - once,
                conflicts + " answered 409/412 conflict; unclear: " + unclear.size(), "-", once == tried && unclear.isEmpty(), unclear);
    }

    /** The history entry each step leaves. */
    private static final Map<String, String> HISTORY = Map.of("edit", "EDITED", "submit", "SUBMITTED", "publish", "PUBLISHED", "return",
            "RETURNED", "withdraw", "WITHDRAWN", "archive", "ARCHIVED", "new-version", "NEW_VERSION");

    /** A new item of the border system in {@code state} (DRAFT, SUBMITTED or PUBLISHED): the last answer. */
    private static Api.Answer itemIn(Api border, Api desk, String title, String state) {
        Api.Answer item = border.send("POST", "/records", record(title), null);
        if (!state.equals("DRAFT")) {
            item = border.send("POST", "/items/" + item.id() + "/submit", null, item.etag());
        }
        if (state.equals("PUBLISHED")) {
            item = desk.send("POST", "/items/" + item.id() + "/publish", "{\"comment\":\"Agreed\"}", null);
        }
        if (!item.ok()) {
            throw new IllegalStateException("the conflicts drill could not prepare " + title + ": " + item);
        }
        return item;
    }

    /** Every audit chain verifies against the exported heads after the drills. */
    static Row chainsVerify(PortalDatabase db, Path heads) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int status = VerifyAuditChains.run(db.url(), db.user(), db.password(), heads,
                List.of(), new PrintStream(report, true, StandardCharsets.UTF_8));
        List<String> lines = report.toString(StandardCharsets.UTF_8).lines().toList();
        long chains = lines.stream().filter(line -> line.contains("intact")).count();
        String against = lines.isEmpty() ? "" : lines.get(0).replaceAll("^Checking against (\\d+) exported chain heads.*", "$1");
        return new Row("audit chains verified (the operator's command) after the drills", "-", "-", "-", "-",
                status == 0
                        ? chains + " chains intact, " + against + " exported heads found in them"
                        : "BROKEN or unreadable (exit " + status + ")",
                "-", status == 0, status == 0 ? List.of() : lines);
    }

    /** Waits for the portal's first export of the chain heads (every minute here), which the verification checks against. */
    private static void awaitExportedHeads(Path heads, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!(Files.exists(heads) && Files.size(heads) > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the portal exported no audit chain heads to " + heads + " within " + limit);
            }
            Thread.sleep(500); // polling the export file, bounded by the deadline
        }
    }

    static String record(String title) {
        return """
                {"title":"%s","summary":"Made by the fault drill.","type":"BORDER_INCIDENT","referenceDate":"2026-11-27",\
                "location":"Trebil border crossing","category":"Document fraud","sharing":{"marking":"GREEN","scope":"ALL_MEMBERS"}}"""
                .formatted(title);
    }

    private static String token(String realmUrl, String clientId, DevSecrets secrets) throws IOException, InterruptedException {
        HttpResponse<String> answer = Http.postForm(realmUrl + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secrets.systemClientSecret()));
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + clientId + ": " + answer.body());
        }
        return token.group(1);
    }

    static String table(int clients, List<Row> rows) {
        StringBuilder table = new StringBuilder("""

                Fault drills: PostgreSQL, %d API clients and one signed-in person
                | fault | requests acknowledged | acknowledged writes | found afterwards | lost | answers | recovery |
                |---|---|---|---|---|---|---|
                """.formatted(clients));
        for (Row row : rows) {
            table.append("| %s | %s | %s | %s | %s | %s | %s |%n".formatted(row.fault(), row.acknowledged(), row.writes(), row.found(),
                    row.lost(), row.answers(), row.recovery()));
        }
        rows.stream().filter(row -> !row.passed()).forEach(row -> table.append("%nFAILED: %s%n  %s%n".formatted(row.fault(),
                String.join("\n  ", row.samples().stream().limit(10).toList()))));
        return table.toString();
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis()); // the drill's own timeline: load, outage, load
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** One line of the table. */
    record Row(String fault, String acknowledged, String writes, String found, String lost, String answers, String recovery,
            boolean passed, List<String> samples) {

        Row(String fault, long acknowledged, long writes, long found, long lost, String answers, String recovery, boolean passed,
                List<String> samples) {
            this(fault, "%,d".formatted(acknowledged), "%,d".formatted(writes), "%,d".formatted(found), Long.toString(lost), answers,
                    recovery, passed, samples);
        }
    }

    /** What the drill found of the acknowledged writes. */
    record Verification(long found, long lost) {
    }
}
