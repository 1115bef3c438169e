package org.interlink;

import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.TestPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real PostgreSQL for the Arquillian tests: started once when the test JVM opens its JUnit
 * session, so before Arquillian starts Payara Micro, and stopped when it closes. The portal's
 * DataSource settings go to the file that Payara Micro reads with {@code --systemProperties} (see
 * arquillian.xml). Only the integration-test run names that file
 * ({@code interlink.arquillian.db.properties}); unit test runs start no database.
 */
public final class ArquillianDatabase implements LauncherSessionListener {

    private TestPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String settingsFile = System.getProperty("interlink.arquillian.db.properties");
        if (settingsFile == null) {
            return;
        }
        Path file = Path.of(settingsFile);
        postgres = TestPostgres.start(file.resolveSibling("postgres"), "arquillian-only");
        PortalDatabase db = postgres.database();
        Properties settings = new Properties();
        settings.setProperty("interlink.db.datasource-class", db.dataSourceClass());
        settings.setProperty("interlink.db.url", db.url());
        settings.setProperty("interlink.db.user", db.user());
        settings.setProperty("interlink.db.password", db.password());
        settings.setProperty("interlink.db.migration-user", db.migrationUser());
        settings.setProperty("interlink.db.migration-password", db.migrationPassword());
        settings.setProperty("interlink.demo-data", "true");
        Path heads = file.resolveSibling("audit-heads.jsonl");
        try {
            Files.deleteIfExists(heads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.setProperty("interlink.audit.head-export-file", heads.toString());
        try (Writer out = Files.newBufferedWriter(file)) {
            settings.store(out, "DataSource of the Arquillian tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            postgres.close();
        }
    }
}
