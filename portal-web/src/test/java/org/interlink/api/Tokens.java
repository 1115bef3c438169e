package org.interlink.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.interlink.devstack.Http;
import org.interlink.devstack.OneTimeCodes;
import org.interlink.devstack.RealmDefinition;
import org.interlink.journeys.PortalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Real tokens from the stack's Keycloak, as calling systems and people get them; kept per caller for the suite. */
final class Tokens {

    /** Tokens live 5 minutes in the realm; a cached one is used for 2. */
    private static final Duration REUSE = Duration.ofMinutes(2);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A system's access token: client credentials of its confidential client. */
    static String system(String clientId) {
        return cached("system " + clientId, () -> request(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", PortalStack.secrets().systemClientSecret()))).get("access_token").asText();
    }

    /**
     * A person's access token for the API (the dev-only public client, password grant, all their agencies), with the
     * demo one-time code ({@code totp}: the realm asks it of privileged roles, and ignores it for the others).
     */
    static String user(String username) {
        return userTokens(username).get("access_token").asText();
    }

    /** The access token of a user with their own password (a user the tests created); never cached. */
    static String user(String username, String password) {
        return request(Map.of("grant_type", "password", "client_id", RealmDefinition.CLI_CLIENT, "username", username,
                "password", password, "totp", OneTimeCodes.demo(), "scope", "openid organization:*")).get("access_token").asText();
    }

    /** What a person's password grant answers (with the demo code), never cached. */
    static JsonNode grant(String username, String code) {
        return request(Map.of("grant_type", "password", "client_id", RealmDefinition.CLI_CLIENT, "username", username,
                "password", RealmDefinition.DEMO_PASSWORD, "totp", code, "scope", "openid organization:*"));
    }

    /** What Keycloak answers a password grant, refused or not. */
    static HttpResponse<String> tryGrant(String username, String code) throws IOException, InterruptedException {
        return Http.postForm(PortalStack.keycloakUrl() + "/realms/" + RealmDefinition.REALM + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", RealmDefinition.CLI_CLIENT, "username", username,
                        "password", RealmDefinition.DEMO_PASSWORD, "totp", code, "scope", "openid organization:*"));
    }

    /** The claims of a JWT, unchecked (what Keycloak put in it). */
    static JsonNode claims(String jwt) {
        try {
            return Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same sign-in's ID token: no access token (its audience is the client, its type ID). */
    static String idToken(String username) {
        return userTokens(username).get("id_token").asText();
    }

    /** The portal's web client's own access token: a valid token of the realm, but not for the API's audience. */
    static String webClient() {
        return cached("web", () -> request(Map.of("grant_type", "client_credentials",
                "client_id", RealmDefinition.WEB_CLIENT, "client_secret", PortalStack.secrets().clientSecret()))).get("access_token")
                .asText();
    }

    private static JsonNode userTokens(String username) {
        return cached("user " + username, () -> request(Map.of("grant_type", "password",
                "client_id", RealmDefinition.CLI_CLIENT, "username", username, "password", RealmDefinition.DEMO_PASSWORD,
                "totp", OneTimeCodes.demo(),
                "scope", "openid organization:*")));
    }

    private static JsonNode cached(String key, Supplier<JsonNode> fetch) {
        return CACHE.compute(key, (k, old) -> old != null && old.at().plus(REUSE).isAfter(Instant.now())
                ? old
                : new Cached(fetch.get(), Instant.now())).tokens();
    }

    private record Cached(JsonNode tokens, Instant at) {
    }

    private static JsonNode request(Map<String, String> form) {
        try {
            HttpResponse<String> response = Http.postForm(PortalStack.keycloakUrl() + "/realms/" + RealmDefinition.REALM
                    + "/protocol/openid-connect/token", form);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.get("client_id") + ": " + response.body());
            }
            return Api.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
