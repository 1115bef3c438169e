package org.interlink.devstack;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak in dev mode from the unpacked Maven Central distribution, with the {@code interlink}
 * realm (plus demo overlay) imported at start. Its database is an H2 file in {@code dataDir}; the
 * database is wiped whenever the realm definition or a client secret changed, because Keycloak
 * skips the import of a realm that already exists.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Build-time options must stay identical for every start, or Keycloak re-augments (≈1 min). */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");

    private final ManagedProcess process;
    private final String url;

    private KeycloakServer(ManagedProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param home         the unpacked distribution ({@code keycloak-<version>})
     * @param port         HTTP port on 127.0.0.1
     * @param dataDir      where this instance keeps its database and log
     * @param portalUrl    the portal's base URL (redirect and post-logout URIs of the web client)
     * @param secrets      the web client's and demo systems' secrets, the bootstrap admin's password
     */
    public static KeycloakServer start(Path home, int port, Path dataDir, String portalUrl, DevSecrets secrets) {
        return start(home, port, dataDir, portalUrl, secrets, UnaryOperator.identity());
    }

    /**
     * As {@link #start(Path, int, Path, String, DevSecrets)}, with the realm (and its demo overlay) changed for this
     * stack alone before the import, e.g. a test stack's shorter token lifespans.
     */
    public static KeycloakServer start(Path home, int port, Path dataDir, String portalUrl, DevSecrets secrets,
            UnaryOperator<ObjectNode> change) {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home + " (build realm-config first)");
        }
        String realm = RealmDefinition.toJson(change.apply(RealmDefinition.withDemo()));
        writeImport(home, realm);
        resetDatabaseIfRealmChanged(dataDir, realm + portalUrl + secrets.clientSecret() + secrets.systemClientSecret());

        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev"));
        command.addAll(BUILD_OPTIONS);
        command.addAll(List.of(
                "--db-url=jdbc:h2:file:" + dataDir.resolve("db/keycloakdb").toAbsolutePath() + ";NON_KEYWORDS=VALUE",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--import-realm",
                "--log-console-color=false"));
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword(),
                "INTERLINK_WEB_CLIENT_SECRET", secrets.clientSecret(),
                "INTERLINK_SYSTEM_CLIENT_SECRET", secrets.systemClientSecret(),
                "INTERLINK_PORTAL_URL", portalUrl);
        ManagedProcess process = ManagedProcess.start("Keycloak", command, home, env, dataDir.resolve("keycloak.log"));
        return new KeycloakServer(process, "http://localhost:" + port);
    }

    /** Waits until the realm's discovery document is served, i.e. Keycloak is up and the realm imported. */
    public KeycloakServer awaitReady(Duration timeout) {
        process.awaitReady(() -> Http.answers(realmUrl() + "/.well-known/openid-configuration", 200), timeout);
        return this;
    }

    public String url() {
        return url;
    }

    /** The issuer of the realm, as the portal must be configured with it. */
    public String realmUrl() {
        return url + "/realms/" + RealmDefinition.REALM;
    }

    /** The issuer of the realm of a Keycloak on {@code port}, before it runs. */
    public static String realmUrl(int port) {
        return "http://localhost:" + port + "/realms/" + RealmDefinition.REALM;
    }

    /** An access token of a system client of the realm (client credentials), as a system calling the API gets it. */
    public static String systemToken(String realmUrl, String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = Http.postForm(realmUrl + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + clientId + ": " + response.body());
        }
        return token.group(1);
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    private static void writeImport(Path home, String realm) {
        try {
            Path folder = Files.createDirectories(home.resolve("data/import"));
            Path file = folder.resolve(RealmDefinition.REALM + "-realm.json");
            if (!Files.exists(file) || !Files.readString(file).equals(realm)) {
                Files.writeString(file, realm);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void resetDatabaseIfRealmChanged(Path dataDir, String definition) {
        try {
            Files.createDirectories(dataDir);
            Path stamp = dataDir.resolve("realm.sha256");
            String hash = sha256(definition);
            if (Files.exists(stamp) && MessageDigest.isEqual(Files.readAllBytes(stamp), hash.getBytes(StandardCharsets.UTF_8))) {
                return;
            }
            Folders.deleteTree(dataDir.resolve("db"));
            Files.writeString(stamp, hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
