package org.interlink.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JDK Flight Recording (profile settings) of the portal while one figure of the benchmark is measured, started and
 * written with {@code jcmd}; {@code jfr print --events jdk.ExecutionSample} reads it.
 */
final class FlightRecording {

    private final long pid;
    private final Path file;

    private FlightRecording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /**
     * Starts a recording of the figure {@code figure} when {@code interlink.bench.jfr} names it ({@code shared-list},
     * {@code users} for the 50 users, {@code api}; {@code true} is the shared list); otherwise one whose {@link #dump}
     * does nothing.
     */
    static FlightRecording startIf(String figure, long pid, Path work) throws IOException, InterruptedException {
        String wanted = System.getProperty("interlink.bench.jfr", "false");
        if (!wanted.equals(figure) && !("true".equals(wanted) && "shared-list".equals(figure))) {
            return new FlightRecording(pid, null);
        }
        Path file = work.resolve("portal-" + figure + ".jfr");
        Files.deleteIfExists(file);
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        return new FlightRecording(pid, file);
    }

    void dump() throws IOException, InterruptedException {
        if (file != null) {
            jcmd(pid, "JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
            System.out.println("Flight recording of the portal under the figure's load: " + file);
        }
    }

    /** Runs a diagnostic command in the JVM {@code pid} (the JDK's jcmd): what it printed. */
    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        return SharedListBenchmark.run(line, Map.of(), 60);
    }
}
