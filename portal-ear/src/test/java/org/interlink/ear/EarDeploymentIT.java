package org.interlink.ear;

import org.interlink.devstack.DevSecrets;
import org.interlink.devstack.Folders;
import org.interlink.devstack.FreePort;
import org.interlink.devstack.Http;
import org.interlink.devstack.KeycloakServer;
import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.PortalSettings;
import org.interlink.devstack.PortalSignIn;
import org.interlink.devstack.RealmDefinition;
import org.interlink.devstack.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EAR really deploys on a full Payara Server 6 (its EJB module, the skinny WAR, the libraries)
 * and works there: the portal sends an anonymous visitor to Keycloak, and a demo user who signs in
 * lands on the dashboard with the agency the EJB module read from PostgreSQL. Last, the database is killed and started
 * again: the portal says it is not ready and "try again" meanwhile, and recovers by itself; then Keycloak is stopped:
 * signed-in people go on, newcomers are told sign-in is unavailable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarDeploymentIT {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(5);

    private static TestPostgres postgres;
    private static KeycloakServer keycloak;
    private static PayaraServerDomain payara;

    @BeforeAll
    static void deployTheEar() {
        Path work = Path.of(System.getProperty("interlink.work.dir"));
        DevSecrets secrets = DevSecrets.random();
        postgres = TestPostgres.start(work.resolve("postgres"), secrets.databasePassword());
        int keycloakPort = FreePort.find();
        payara = PayaraServerDomain.prepare(Path.of(System.getProperty("interlink.payara.home")),
                PortalSettings.environment(postgres.database(), KeycloakServer.realmUrl(keycloakPort), secrets.clientSecret(), true,
                        work.resolve("audit-heads-" + System.nanoTime() + ".jsonl")));
        Folders.deleteTree(work.resolve("keycloak"));
        keycloak = KeycloakServer.start(Path.of(System.getProperty("interlink.keycloak.home")), keycloakPort,
                work.resolve("keycloak"), payara.url(), secrets);
        payara.start();
        payara.deploy(Path.of(System.getProperty("interlink.ear")), "interlink");
        keycloak.awaitReady(KEYCLOAK_TIMEOUT);
    }

    @AfterAll
    static void stopEverything() {
        if (payara != null) {
            payara.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void anAnonymousVisitorIsSentToKeycloak() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> home = client.send(get(payara.url() + "/"), HttpResponse.BodyHandlers.ofString());

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(keycloak.realmUrl() + "/protocol/openid-connect/auth?")
                .contains("client_id=" + RealmDefinition.WEB_CLIENT)
                .contains("redirect_uri=" + URLEncoder.encode(payara.url() + "/callback", StandardCharsets.UTF_8)));
    }

    @Test
    @Order(2)
    void aDemoUserSignsInAndSeesTheirAgencyFromTheDatabase() {
        HttpResponse<String> dashboard = new PortalSignIn().signIn(payara.url(), "moi.official", RealmDefinition.DEMO_PASSWORD);

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.uri().toString()).startsWith(payara.url());
        assertThat(dashboard.body())
                .contains("id=\"dashboard-username\">moi.official<")
                .contains("Iraq Ministry of Interior (iq-moi)");
    }

    /**
     * The EJB module reaches Keycloak's admin API from the EAR's libraries: a wrong password typed at Keycloak comes
     * into the audit trail as a failed sign-in (the EJB module's timer reads Keycloak's events every 3 s here).
     */
    @Test
    @Order(3)
    void aWrongPasswordAtKeycloakComesIntoTheAuditTrailThroughTheAdminClient() throws Exception {
        new PortalSignIn().signIn(payara.url(), "donor.observer", "not-the-password");

        PortalDatabase db = postgres.database();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long failed = 0;
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                PreparedStatement query = connection.prepareStatement("select count(*) from audit_event"
                        + " where action = 'SIGN_IN' and outcome = 'FAILED' and actor = 'donor.observer'")) {
            while (failed == 0 && Instant.now().isBefore(deadline)) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    failed = rows.getLong(1);
                }
                if (failed == 0) {
                    Thread.sleep(250); // polling the trail, bounded by the deadline
                }
            }
        }
        assertThat(failed).as("the failed sign-in in the trail within 60 s").isEqualTo(1);
    }

    /**
     * The fault drill's short form (docs/reliability.md), last: PostgreSQL is killed as {@code kill -9} would; the
     * portal says it is not ready, a signed-in person's page says "try again" (503, Retry-After), and when PostgreSQL is
     * back the portal recovers by itself within 30 s, without a restart, for the same session.
     */
    @Test
    @Order(4)
    void whileTheDatabaseIsDownThePortalSaysTryAgainAndRecoversByItselfWhenItIsBack() throws InterruptedException {
        PortalSignIn person = new PortalSignIn();
        person.signIn(payara.url(), "moi.official", RealmDefinition.DEMO_PASSWORD);
        HttpResponse<String> up = Http.get(payara.url() + "/health/ready").orElseThrow();
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"");

        postgres.kill();

        HttpResponse<String> down = Http.get(payara.url() + "/health/ready").orElseThrow();
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).startsWith("{\"status\":\"DOWN\"").contains("\"name\":\"database\"");
        assertThat(Http.get(payara.url() + "/health/live").orElseThrow().statusCode()).as("the process itself is alive")
                .isEqualTo(200);
        HttpResponse<String> page = person.openAsIs(payara.url() + "/");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(page.body()).contains("id=\"error-retry\"").contains("cannot reach its database").doesNotContain("Caused by");

        postgres.restart();
        Instant back = Instant.now();
        Instant deadline = back.plus(Duration.ofSeconds(30));
        while (!Http.answers(payara.url() + "/health/ready", 200) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250); // polling readiness, bounded by the deadline
        }
        assertThat(Http.answers(payara.url() + "/health/ready", 200)).as("ready again within 30 s").isTrue();
        HttpResponse<String> dashboard = person.openAsIs(payara.url() + "/");
        assertThat(dashboard.statusCode()).as("the same session goes on").isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"dashboard-username\">moi.official<");
    }

    /**
     * Keycloak down (the short form of its drill), last: a signed-in person goes on working; a newcomer is told by the
     * portal that sign-in is unavailable (503, Retry-After) instead of being sent to a Keycloak page that will not load.
     */
    @Test
    @Order(5)
    void whileKeycloakIsDownSignedInPeopleGoOnAndNewcomersAreToldSignInIsUnavailable() throws InterruptedException {
        PortalSignIn person = new PortalSignIn();
        person.signIn(payara.url(), "moi.official", RealmDefinition.DEMO_PASSWORD);

        keycloak.close();

        HttpResponse<String> dashboard = person.openAsIs(payara.url() + "/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"dashboard-username\">moi.official<");
        // the portal keeps Keycloak's last answer for 5 s: a newcomer may still be sent there until it asks again
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        HttpResponse<String> newcomer = new PortalSignIn().openAsIs(payara.url() + "/items.xhtml");
        while (newcomer.statusCode() == 302 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250); // polling, bounded by the deadline
            newcomer = new PortalSignIn().openAsIs(payara.url() + "/items.xhtml");
        }
        assertThat(newcomer.statusCode()).as(newcomer.body()).isEqualTo(503);
        assertThat(newcomer.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(newcomer.body()).contains("data-unavailable=\"sign-in\"").contains("Sign-in is unavailable")
                .contains("href=\"/items.xhtml\"");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

}
