package org.interlink.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The list benchmark: the first page of "shared with my agency" for a Ministry official, through
 * the portal (wrk, signed-in session, full page: gate queries, count, Faces rendering) and as the
 * same query in raw SQL (pgbench), over 100,000 generated items of 20 agencies
 * ({@code bench/generate-items.sql}) on PostgreSQL. Prints p50/p95/p99 of both.
 *
 * <p>Run it with the benchmark command of docs/benchmarks.md; it needs {@code wrk} and {@code pgbench}
 * (Debian: {@code apt-get install wrk postgresql-client}). System properties as for the run command,
 * plus {@code interlink.bench.seconds} (30), {@code interlink.bench.connections} (4) and
 * {@code interlink.bench.log-statements} (false; true logs every statement with its duration to
 * {@code postgres/postgres.log} under the work folder), {@code interlink.bench.postgres-settings} (server settings to
 * compare, {@code name=value,...}). Then the same first page through the REST
 * API ({@code GET /api/v1/items?view=SHARED_WITH_MY_AGENCY}) with the Ministry's border system's
 * bearer token at {@code interlink.bench.api-connections} (50) concurrent clients: throughput and
 * p50/p95/p99.
 */
public final class SharedListBenchmark {

    /** The calling system of the API benchmark: the Ministry's border system (acts for iq-moi). */
    private static final String API_SYSTEM = "moi-border-system";

    /** A class histogram's last line: "Total", the instances, their bytes. */
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final Pattern WRK_RESULT = Pattern
            .compile("RESULT p50_us=(\\d+) p95_us=(\\d+) p99_us=(\\d+) requests=(\\d+) errors=(\\d+)");

    private SharedListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        requireTool("wrk");
        requireTool("pgbench");
        Path work = Path.of(System.getProperty("interlink.work.dir"));
        int seconds = Integer.getInteger("interlink.bench.seconds", 30);
        int connections = Integer.getInteger("interlink.bench.connections", 4);
        int apiConnections = Integer.getInteger("interlink.bench.api-connections", 50);
        DevSecrets secrets = DevSecrets.random();
        int portalPort = FreePort.find();
        int keycloakPort = FreePort.find();
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (Boolean.getBoolean("interlink.bench.log-statements")) {
            settings.putAll(Map.of("log_min_duration_statement", "0", "log_line_prefix", "%m "));
        }
        // e.g. -Dinterlink.bench.postgres-settings=max_parallel_workers_per_gather=0 to compare a server setting
        for (String setting : System.getProperty("interlink.bench.postgres-settings", "").split(",")) {
            if (setting.contains("=")) {
                settings.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        try (TestPostgres postgres = TestPostgres.start(work.resolve("postgres"), secrets.databasePassword(), settings);
                KeycloakServer keycloak = startKeycloak(work, keycloakPort, portalPort, secrets);
                PayaraMicroServer portal = PayaraMicroServer.start(Path.of(System.getProperty("interlink.payara.micro.jar")),
                        Path.of(System.getProperty("interlink.war")), portalPort, work.resolve("portal"),
                        benchEnvironment(PortalSettings.environment(postgres.database(), KeycloakServer.realmUrl(keycloakPort),
                                secrets.clientSecret(), true, fresh(work.resolve("audit-heads.jsonl")))))) {
            keycloak.awaitReady(Duration.ofMinutes(5));
            portal.awaitReady(Duration.ofMinutes(3));
            long items = generate(postgres.database());
            try (Connection superuser = postgres.superuser(); Statement sql = superuser.createStatement()) {
                // the bulk insert's pages written out now, not by a checkpoint in the middle of a measured figure
                sql.execute("checkpoint");
            }
            System.out.printf("%nGenerated: %,d items over 20 agencies%n", items);
            if (Boolean.getBoolean("interlink.bench.explore")) {
                explore(portal.url(), postgres.database(), KeycloakServer.realmUrl(keycloakPort), secrets.systemClientSecret());
                return;
            }
            ResidentMemory memory = ResidentMemory.watch(portal.process().pid());

            PortalSignIn session = new PortalSignIn();
            session.signIn(portal.url(), "moi.official", RealmDefinition.DEMO_PASSWORD);
            String page = portal.url() + "/items.xhtml?view=SHARED_WITH_MY_AGENCY";
            HttpResponse<String> first = session.open(page);
            int rows = count(first.body(), "il-item-link");
            if (first.statusCode() != 200 || rows != 20) {
                throw new IllegalStateException(
                        "the page did not show 20 shared items (status " + first.statusCode() + ", " + rows + " rows)");
            }
            // the floor: a page with the same layout (header, menu, unread count, a form) and no item queries
            String floorPage = portal.url() + "/select-agency.xhtml";
            // every page under load before anything is measured: a flight recording of the first runs found the JIT
            // compiler using most of a core for over a minute (11 s of compiling in the 15 s of the list's figure)
            int warmUp = Integer.getInteger("interlink.bench.warmup-seconds", 20);
            memory.phase("warm-up");
            for (String warm : List.of(floorPage, page, portal.url() + "/", portal.url() + "/search.xhtml?q=benchmark+4242")) {
                wrk(work, warm, "Cookie: " + session.sessionCookie(), connections, warmUp);
            }
            memory.phase("floor-page");
            Result floor = pageResult(work, session, floorPage, "select-agency", connections, seconds).print("floor-page", seconds);
            memory.phase("shared-list");
            FlightRecording recording = FlightRecording.startIf("shared-list", portal.process().pid(), work);
            Result portalResult = wrk(work, page, "Cookie: " + session.sessionCookie(), connections, seconds).print("shared-list", seconds);
            recording.dump();
            memory.phase("shared-list-1-user");
            Result unloaded = wrk(work, page, "Cookie: " + session.sessionCookie(), 1, seconds).print("shared-list-1-user", seconds);
            // the dashboard (attention counts and the three charts, counted through the gate) and two searches:
            // one word a single item has, one every generated item has (facets counted over all of them)
            memory.phase("dashboard");
            Result dashboard = pageResult(work, session, portal.url() + "/", "il-chart", connections, seconds).print("dashboard", seconds);
            memory.phase("search-rare");
            Result rareSearch = pageResult(work, session, portal.url() + "/search.xhtml?q=benchmark+4242", "il-item-link", connections,
                    seconds).print("search-rare", seconds);
            memory.phase("search-common");
            Result commonSearch = pageResult(work, session, portal.url() + "/search.xhtml?q=generated", "il-item-link", connections,
                    seconds).print("search-common", seconds);
            Optional<UsersLoad> load = ServiceLoader.load(UsersLoad.class).findFirst();
            UsersLoad.Figures users = null;
            if (load.isPresent()) {
                boolean histogram = Boolean.getBoolean("interlink.bench.histogram");
                // the live objects before the users sign in, to tell what their sessions hold
                long liveBefore = histogram ? liveBytes(FlightRecording.jcmd(portal.process().pid(), "GC.class_histogram")) : 0;
                memory.phase("shared-list-50-users");
                List<UsersLoad.User> signedIn = signedIn(portal.url(), Integer.getInteger("interlink.bench.users", 50));
                // once unmeasured: the item pages and the other users' lists are new to the JIT compiler
                load.get().run(portal.url(), signedIn, Duration.ofSeconds(3), Duration.ofSeconds(warmUp), work);
                FlightRecording usersRecording = FlightRecording.startIf("users", portal.process().pid(), work);
                users = load.get().run(portal.url(), signedIn, Duration.ofSeconds(3), Duration.ofSeconds(Math.max(seconds, 30)), work);
                usersRecording.dump();
                if (histogram) {
                    // what the signed-in sessions keep: the live objects after a full collection, largest first, and
                    // how much more is live than before they signed in (their sessions, and what their pages cached)
                    String after = FlightRecording.jcmd(portal.process().pid(), "GC.class_histogram");
                    after.lines().limit(45).forEach(System.out::println);
                    long grown = liveBytes(after) - liveBefore;
                    System.out.printf(java.util.Locale.ROOT,
                            "RESULT live-heap-per-session users=%d before_mb=%.1f after_mb=%.1f per_session_kb=%.0f%n",
                            signedIn.size(), liveBefore / 1e6, liveBytes(after) / 1e6, grown / 1024.0 / signedIn.size());
                }
            }
            if (users != null) {
                System.out.printf(java.util.Locale.ROOT,
                        "RESULT shared-list-50-users p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f rps=%.1f errors=%d%n",
                        users.p50(), users.p95(), users.p99(), users.requests() / (double) Math.max(seconds, 30), users.errors());
            } else {
                System.out.println("(no open-model load on the class path: run with -Pbench to measure shared-list-50-users)");
            }
            long moi = agencyId(postgres.database(), "iq-moi");
            memory.phase("shared-list-sql");
            Result sqlResult = pgbench(work, postgres.database(), moi, connections, seconds, "shared-first-page.sql").print(
                    "shared-list-sql",
                    seconds);
            // the same page's query without the agreements' and end dates' conditions, on the same data in the same run
            Result sqlBefore = pgbench(work, postgres.database(), moi, connections, seconds, "shared-first-page-before-agreements.sql");

            String api = portal.url() + "/api/v1/items?view=SHARED_WITH_MY_AGENCY&size=20";
            String token = KeycloakServer.systemToken(KeycloakServer.realmUrl(keycloakPort), API_SYSTEM, secrets.systemClientSecret());
            memory.phase("api-shared-list");
            HttpResponse<String> answer = Http.get(api, "Bearer " + token);
            if (answer.statusCode() != 200 || count(answer.body(), "\"href\"") != 20) {
                throw new IllegalStateException("the API did not answer 20 shared items (status " + answer.statusCode() + ")");
            }
            // the API's own paths (JAX-RS, JSON, the token check) are run by no earlier figure: under 50 clients the
            // JIT compiler still used a quarter of a core through the first minutes, while each call's CPU fell from
            // 8.8 ms (after 20 s) to 3.3 ms (after two minutes; docs/benchmarks.md, "Ninth part")
            wrk(work, api, "Authorization: Bearer " + token, apiConnections, Integer.getInteger("interlink.bench.api-warmup-seconds", 60));
            FlightRecording apiRecording = FlightRecording.startIf("api", portal.process().pid(), work);
            Result apiResult = wrk(work, api, "Authorization: Bearer " + token, apiConnections, seconds).print("api-shared-list", seconds);
            apiRecording.dump();
            long rssMb = memory.stop() / 1024;
            System.out.println("The portal's memory now: " + memory.breakdown());
            System.out.println("The portal's highest resident memory (MB) under each figure and its warm-up: " + memory.highestByPhase());
            if (System.getProperty("interlink.portal.jvm-options", "").contains("NativeMemoryTracking")) {
                // where the resident memory is, as the JVM counts it (-Dinterlink.portal.jvm-options=-XX:NativeMemoryTracking=summary)
                System.out.println(FlightRecording.jcmd(portal.process().pid(), "VM.native_memory", "summary"));
            }
            System.out.printf(
                    """

                            First page of "shared with my agency" (20 of %,d items, caller moi.official), %d connections, %d s each:
                              floor page (same layout, no items): p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %,.0f pages/s, %d errors
                              through the portal (wrk):  p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %,.0f pages/s, %d errors (%.0f %% of the floor)
                              one user alone (wrk -c 1): p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %,.0f pages/s, %d errors
                              raw SQL (pgbench):         p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms   %,d queries
                              raw SQL before agreements: p50 %6.2f ms   p95 %6.2f ms   p99 %6.2f ms   %,d queries
                            Other pages, same caller and load:
                              dashboard with charts:     p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %,d requests, %d errors
                              search, one match:         p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %,d requests, %d errors
                              search, every item:        p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %,d requests, %d errors
                            The same through the REST API (caller %s, iq-moi), %d concurrent clients, %d s:
                              GET /api/v1/items (wrk):   p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %,d requests = %,.0f requests/s, %d errors
                            The portal's resident memory, highest under the load: %,d MB
                            %n""",
                    items, connections, seconds,
                    floor.p50(), floor.p95(), floor.p99(), floor.rps(seconds), floor.errors(),
                    portalResult.p50(), portalResult.p95(), portalResult.p99(), portalResult.rps(seconds), portalResult.errors(),
                    100 * portalResult.rps(seconds) / floor.rps(seconds),
                    unloaded.p50(), unloaded.p95(), unloaded.p99(), unloaded.rps(seconds), unloaded.errors(),
                    sqlResult.p50(), sqlResult.p95(), sqlResult.p99(), sqlResult.count(),
                    sqlBefore.p50(), sqlBefore.p95(), sqlBefore.p99(), sqlBefore.count(),
                    dashboard.p50(), dashboard.p95(), dashboard.p99(), dashboard.count(), dashboard.errors(),
                    rareSearch.p50(), rareSearch.p95(), rareSearch.p99(), rareSearch.count(), rareSearch.errors(),
                    commonSearch.p50(), commonSearch.p95(), commonSearch.p99(), commonSearch.count(), commonSearch.errors(),
                    API_SYSTEM, apiConnections, seconds, apiResult.p50(), apiResult.p95(), apiResult.p99(), apiResult.count(),
                    apiResult.rps(seconds), apiResult.errors(), rssMb);
            System.out.printf("RESULT portal-rss-mb max=%d%n", rssMb);
        }
    }

    /**
     * Keeps the portal and its 100,000 items up for a person to look at (query plans, pages, a profiler) instead of
     * measuring: prints where they are and waits for Enter, then stops everything.
     */
    private static void explore(String portalUrl, PortalDatabase db, String realmUrl, String systemSecret) throws IOException {
        System.out.printf("Exploring (-Dinterlink.bench.explore=true): nothing is measured.%n"
                + "  portal:   %s (demo users, password %s)%n  database: %s as %s, password %s%n"
                + "  realm:    %s (demo systems, e.g. %s, client secret %s)%nPress Enter to stop.%n", portalUrl,
                RealmDefinition.DEMO_PASSWORD, db.url(), db.migrationUser(), db.migrationPassword(), realmUrl, API_SYSTEM,
                systemSecret);
        System.in.read();
    }

    /**
     * The portal's settings for the benchmark: the API's limits per caller lifted, since the API figure is one client
     * (one caller) standing in for many; with the defaults it would measure the limit (100 calls a second), not the
     * portal.
     */
    private static Map<String, String> benchEnvironment(Map<String, String> portal) {
        Map<String, String> env = new java.util.HashMap<>(portal);
        env.put("INTERLINK_API_REQUESTS_PER_SECOND", "1000000");
        env.put("INTERLINK_API_CONCURRENT_CALLS_PER_CALLER", "1000");
        return env;
    }

    /** Demo users who read items of other agencies; the 50 users of the open-model load are sessions of theirs. */
    private static final List<String> READERS = List.of("moi.official", "iom.liaison", "interpol.liaison");

    private static final Pattern ITEM_LINK = Pattern.compile("href=\"(/item\\.xhtml\\?id=[^\"]+)\"");

    /** Signs {@code count} sessions in, taking the readers in turn, each with an item page from its shared list. */
    private static List<UsersLoad.User> signedIn(String portalUrl, int count) {
        List<UsersLoad.User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = READERS.get(i % READERS.size());
            PortalSignIn session = new PortalSignIn();
            session.signIn(portalUrl, username, RealmDefinition.DEMO_PASSWORD);
            Matcher item = ITEM_LINK.matcher(session.open(portalUrl + "/items.xhtml?view=SHARED_WITH_MY_AGENCY").body());
            if (!item.find()) {
                throw new IllegalStateException(username + " sees no item shared with their agency");
            }
            users.add(new UsersLoad.User(session.sessionCookie(), item.group(1).replace("&amp;", "&")));
        }
        return users;
    }

    /** Opens the page once (it must answer 200 and show {@code expected}), then loads it with wrk. */
    private static Result pageResult(Path work, PortalSignIn session, String url, String expected, int connections, int seconds)
            throws IOException, InterruptedException {
        HttpResponse<String> first = session.open(url);
        if (first.statusCode() != 200 || !first.body().contains(expected)) {
            throw new IllegalStateException(url + " did not show " + expected + " (status " + first.statusCode() + ")");
        }
        return wrk(work, url, "Cookie: " + session.sessionCookie(), connections, seconds);
    }

    private static Path fresh(Path file) throws IOException {
        Files.deleteIfExists(file);
        return file;
    }

    private static KeycloakServer startKeycloak(Path work, int keycloakPort, int portalPort, DevSecrets secrets) {
        Folders.deleteTree(work.resolve("keycloak"));
        return KeycloakServer.start(Path.of(System.getProperty("interlink.keycloak.home")), keycloakPort, work.resolve("keycloak"),
                "http://localhost:" + portalPort, secrets);
    }

    /** Runs bench/generate-items.sql as the schema's owner, vacuums, and returns how many items there are now. */
    static long generate(PortalDatabase db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
                Statement sql = connection.createStatement()) {
            sql.execute(resource("bench/generate-items.sql"));
            // as a portal's tables are after months, not after a bulk insert: every row frozen and marked visible, so
            // the measured reads neither set hint bits (writing every page again) nor look at the heap for visibility
            sql.execute("vacuum (freeze, analyze)");
            try (var rows = sql.executeQuery("select count(*) from item")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long agencyId(PortalDatabase db, String code) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                var query = connection.prepareStatement("select id from agency where code = ?")) {
            query.setString(1, code);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A system's access token (client credentials grant). */
    private static Result wrk(Path work, String url, String header, int connections, int seconds) throws IOException, InterruptedException {
        Path script = work.resolve("wrk-percentiles.lua");
        Files.writeString(script, resource("bench/wrk-percentiles.lua"));
        // a 10 s timeout: at 50 clients on 2 cores requests queue for seconds, and wrk's default (2 s) would count them as errors
        String output = run(
                List.of("wrk", "-t", Integer.toString(Math.min(2, connections)), "-c", Integer.toString(connections), "-d", seconds + "s",
                        "--timeout", "10s", "--latency",
                        "-H", header, "-s", script.toString(), url),
                Map.of(), seconds);
        Matcher result = WRK_RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        return new Result(Long.parseLong(result.group(1)) / 1000.0, Long.parseLong(result.group(2)) / 1000.0,
                Long.parseLong(result.group(3)) / 1000.0, Long.parseLong(result.group(4)), Long.parseLong(result.group(5)));
    }

    private static Result pgbench(Path work, PortalDatabase db, long agency, int connections, int seconds, String query)
            throws IOException, InterruptedException {
        Path logs = Folders.created(work.resolve("pgbench"));
        try (Stream<Path> old = Files.list(logs)) {
            for (Path log : old.toList()) {
                Files.deleteIfExists(log); // a log left from an earlier run would count in this run's percentiles
            }
        }
        Path script = logs.resolve(query);
        Files.writeString(script, resource("bench/" + query));
        String port = db.url().replaceAll(".*localhost:(\\d+)/.*", "$1");
        run(List.of("pgbench", "-n", "-c", Integer.toString(connections), "-j", Integer.toString(Math.min(2, connections)), "-T",
                Integer.toString(seconds),
                "-D", "agency=" + agency, "-D", "username='moi.official'", "-f", script.toString(), "-l",
                "--log-prefix=" + logs.resolve("latency"), "-h", "localhost", "-p", port, "-U", db.user(), "interlink"),
                Map.of("PGPASSWORD", db.password()), seconds);
        List<Long> micros = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(p -> p.getFileName().toString().startsWith("latency")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    micros.add(Long.parseLong(line.split(" ")[2]));
                }
            }
        }
        micros.sort(null);
        if (micros.isEmpty()) {
            throw new IllegalStateException("pgbench logged no transactions");
        }
        return new Result(percentile(micros, 50), percentile(micros, 95), percentile(micros, 99), micros.size(), 0);
    }

    /** The bytes of all live objects, from a histogram's last line ("Total  instances  bytes"). */
    static long liveBytes(String histogram) {
        Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IllegalStateException("no total in the class histogram:\n" + histogram);
        }
        return Long.parseLong(total.group(1));
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    static String run(List<String> command, Map<String, String> env, int seconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed:\n" + text);
        }
        return text;
    }

    private static void requireTool(String tool) {
        boolean found = Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            throw new IllegalStateException("the benchmark needs " + tool + ": apt-get install -y wrk postgresql-client");
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static String resource(String name) {
        try (InputStream in = SharedListBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(double p50, double p95, double p99, long count, long errors) {

        double rps(int seconds) {
            return count / (double) seconds;
        }

        /** Prints the figure's machine-readable line at once (a later failure keeps it) and answers this result. */
        Result print(String figure, int seconds) {
            System.out.printf(java.util.Locale.ROOT, "RESULT %s p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f rps=%.1f errors=%d%n", figure, p50,
                    p95, p99, rps(seconds), errors);
            return this;
        }
    }
}
