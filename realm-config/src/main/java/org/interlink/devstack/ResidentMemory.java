package org.interlink.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The highest resident memory (Linux {@code VmRSS}) of a process, read every half second until stopped, in all and per
 * phase (the benchmark's figures), to tell under which load it peaked.
 */
final class ResidentMemory {

    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "resident-memory");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Long> highestKbByPhase = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile String phase = "start";
    private final Path status;

    private ResidentMemory(long pid) {
        status = Path.of("/proc", Long.toString(pid), "status");
    }

    static ResidentMemory watch(long pid) {
        ResidentMemory memory = new ResidentMemory(pid);
        memory.reader.scheduleAtFixedRate(memory::read, 0, 500, TimeUnit.MILLISECONDS);
        return memory;
    }

    private void read() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    highestKbByPhase.merge(phase, kb, Math::max);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended or the file is not there (not Linux): nothing to add
        }
    }

    /** What the process is put through from now on, until the next phase. */
    void phase(String name) {
        phase = name;
    }

    /** The highest resident memory of each phase so far, in MB, in the phases' order. */
    String highestByPhase() {
        synchronized (highestKbByPhase) {
            return highestKbByPhase.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1024)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /** The resident memory now, as anonymous (heap, metaspace, code, stacks, malloc) and file pages (the mapped jars). */
    String breakdown() {
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith("Rss") || line.startsWith("VmRSS"))
                    .map(line -> line.replaceAll("\\s+", " ")).collect(java.util.stream.Collectors.joining(", "));
        } catch (IOException e) {
            return "(not readable: " + e.getMessage() + ")";
        }
    }

    /** Stops reading and answers the highest resident memory seen, in KB. */
    long stop() {
        reader.shutdownNow();
        read();
        synchronized (highestKbByPhase) {
            return highestKbByPhase.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}
