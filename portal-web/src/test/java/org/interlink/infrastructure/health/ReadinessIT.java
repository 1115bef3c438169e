package org.interlink.infrastructure.health;

import org.interlink.devstack.DevSecrets;
import org.interlink.devstack.FreePort;
import org.interlink.devstack.Http;
import org.interlink.devstack.KeycloakServer;
import org.interlink.devstack.PayaraMicroServer;
import org.interlink.devstack.PortalSettings;
import org.interlink.devstack.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal reports itself not ready while its database does not answer, so a load balancer stops
 * sending people to it. Its own portal and database: the database is stopped in the middle.
 */
class ReadinessIT {

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachable() {
        Path work = Path.of(System.getProperty("interlink.work.dir"), "readiness");
        DevSecrets secrets = DevSecrets.random();
        try (TestPostgres postgres = TestPostgres.start(work.resolve("postgres"), secrets.databasePassword());
                PayaraMicroServer portal = PayaraMicroServer.start(Path.of(System.getProperty("interlink.payara.micro.jar")),
                        Path.of(System.getProperty("interlink.war")), FreePort.find(), work.resolve("portal"),
                        PortalSettings.environment(postgres.database(), KeycloakServer.realmUrl(FreePort.find()),
                                secrets.clientSecret(), false, work.resolve("audit-heads.jsonl")))) {
            portal.awaitReady(Duration.ofMinutes(3));
            HttpResponse<String> up = Http.get(portal.url() + "/health/ready").orElseThrow();
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"");

            postgres.close();

            HttpResponse<String> down = Http.get(portal.url() + "/health/ready").orElseThrow();
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).startsWith("{\"status\":\"DOWN\"").contains("\"name\":\"database\"");
            assertThat(Http.get(portal.url() + "/health/live").orElseThrow().statusCode())
                    .as("the process itself is alive").isEqualTo(200);
        }
    }
}
