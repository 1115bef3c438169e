package org.interlink.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payara Micro running the portal WAR at the root context. Configuration reaches the portal as
 * environment variables (MicroProfile Config maps {@code INTERLINK_DB_URL} to
 * {@code interlink.db.url}), so no secret shows in the process list.
 */
public final class PayaraMicroServer implements AutoCloseable {

    /** The most threads serving requests (docs/running.md). */
    private static final int HTTP_THREADS = 96;

    private final ManagedProcess process;
    private final String url;

    private PayaraMicroServer(ManagedProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param jar     the Payara Micro jar
     * @param war     the portal WAR
     * @param port    HTTP port
     * @param workDir where this instance keeps its runtime files, temp files and log
     * @param env     the portal's configuration as environment variables
     */
    public static PayaraMicroServer start(Path jar, Path war, int port, Path workDir, Map<String, String> env) {
        return start(jar, war, port, workDir, env, null);
    }

    /**
     * @param grid the data grid this instance is a member of (sessions kept by the grid, so another member serves them
     *             when this one dies: {@link PortalCluster}); null: alone, no data grid is started at all
     */
    public static PayaraMicroServer start(Path jar, Path war, int port, Path workDir, Map<String, String> env,
            DataGrid grid) {
        require(jar, "Payara Micro jar");
        require(war, "portal WAR");
        // Payara Micro redeploys what its root folder remembers: start from an empty one, so only this WAR runs.
        Path rootDir = workDir.resolve("payara");
        Folders.deleteTree(rootDir);
        Path tmp = Folders.created(workDir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the memory (docs/benchmarks.md, "Memory"): a 208 MB heap (the 50 users' load leaves 130-145 MB after a
                // young collection), G1 (the serial collector took 50 MB less
                // memory, but stopped the portal for half a second per full collection under 50 users) with a marking
                // stack of 512 K entries (it grows when marking needs more; the default's 4 M took 29 MB), compiled
                // code kept within 80 MB (it grew to 90 MB in 240 MB reserved), unused native memory given back every
                // second (the compiler's work areas, soon after each compilation); each collection is logged in gc.log
                "-Xms208m", "-Xmx208m", "-XX:MarkStackSize=512K", "-XX:ReservedCodeCacheSize=80m",
                "-XX:TrimNativeHeapInterval=1000", "-Xlog:gc:file=" + workDir.resolve("gc.log").toAbsolutePath() + ":uptime",
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath()));
        // more JVM options, after these so they win (docs/running.md): e.g. another heap, compared by the benchmark
        for (String option : System.getProperty("interlink.portal.jvm-options", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        if (grid != null) {
            // the data grid's maps counted where a test or an operator can read them (JMX: GridWeight)
            command.add("-Dhazelcast.jmx=true");
        }
        command.addAll(List.of(
                "-jar", jar.toAbsolutePath().toString(),
                "--deploy", war.toAbsolutePath().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(port),
                "--rootdir", rootDir.toAbsolutePath().toString(),
                "--disablephonehome"));
        // at most 96 threads serve requests (Payara Micro's default is 200, made as needed): under the benchmark's 50
        // API clients the portal had made 160 of them for a database pool of 32 connections, each with its own stack
        // (docs/benchmarks.md, "Memory"); the API's calls under way (24) and waiting for their turn (32) leave the
        // pages 40 (ApiLimits)
        String preboot = "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size="
                + HTTP_THREADS + "\n";
        if (grid != null) {
            command.addAll(grid.options());
            // Soteria's OpenID Connect context cannot be serialized (the portal keeps its own copy of the tokens, issue 22):
            // Payara says so at WARNING, with the session's id in full, which the log must not hold
            command.addAll(List.of("--postbootcommandfile", Folders.written(workDir.resolve("postboot.asadmin"),
                    "set-log-levels jakarta.enterprise.web.core=SEVERE\n").toAbsolutePath().toString()));
        } else {
            // alone, sessions stay in this JVM's memory: the WAR is distributable (issue 22), and Payara Micro's own
            // configuration would save every changed session to the data grid it does not start ("Cannot serialize
            // session attribute … Hazelcast is not enabled" in payara.log, for each)
            command.add("--nohazelcast");
            preboot += "set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false\n";
        }
        command.addAll(
                List.of("--prebootcommandfile", Folders.written(workDir.resolve("preboot.asadmin"), preboot).toAbsolutePath().toString()));
        Map<String, String> environment = new java.util.HashMap<>(env);
        // glibc's malloc keeps an arena per thread by default (up to 8 per core), each holding freed memory: two keep
        // the portal's resident memory near its heap and metaspace (docs/benchmarks.md, "Memory")
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        ManagedProcess process = ManagedProcess.start("Payara Micro", command, workDir, environment, workDir.resolve("payara.log"));
        return new PayaraMicroServer(process, "http://localhost:" + port);
    }

    /**
     * Waits until the portal is deployed and ready: the readiness check (database reachable) is UP
     * and the home page answers with the redirect to the identity provider.
     */
    public PayaraMicroServer awaitReady(Duration timeout) {
        process.awaitReady(() -> Http.answers(url + "/health/ready", 200) && Http.answers(url + "/", 302), timeout);
        return this;
    }

    public String url() {
        return url;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    /**
     * Membership of a Hazelcast data grid whose members run on this machine: found by TCP/IP on the loopback interface
     * (no multicast: no other grid on the network joins), each member on its own grid port.
     *
     * @param name        the grid's name: only members that give it join
     * @param member      this member's (instance's) name, as Payara's logs and the grid's status show it
     * @param port        this member's grid port
     * @param memberPorts every member's grid port
     */
    public record DataGrid(String name, String member, int port, List<Integer> memberPorts) {

        List<String> options() {
            String members = memberPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
            // --nohostaware: Hazelcast keeps no backup of a partition on a member with the same address by default,
            // so on one machine a killed member's sessions would have had no copy anywhere
            return List.of("--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1", "--startport", Integer.toString(port),
                    "--clustername", name, "--name", member, "--nohostaware");
        }
    }

    private static void require(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + what + " at " + file + " (build portal-web first)");
        }
    }
}
