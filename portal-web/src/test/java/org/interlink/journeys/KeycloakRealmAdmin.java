package org.interlink.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interlink.devstack.Http;
import org.interlink.devstack.RealmDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What the tests look up in Keycloak itself, through its admin REST API as the portal's service
 * account: the organizations (agencies), a user's account, roles and organizations; and a
 * permanent password for a user the portal created (so the test can get tokens for them).
 */
public final class KeycloakRealmAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakRealmAdmin() {
    }

    /** The organizations' aliases with whether each is enabled. */
    public static Map<String, Boolean> organizations() {
        JsonNode organizations = call("GET", "/organizations?first=0&max=1000", null);
        return StreamSupport.stream(organizations.spliterator(), false)
                .collect(Collectors.toMap(o -> o.get("alias").asText(), o -> o.get("enabled").asBoolean()));
    }

    /** The user's account ({@code enabled}, names, e-mail), if there is one. */
    public static Optional<JsonNode> user(String username) {
        return user(Realm.suite(), username);
    }

    private static Optional<JsonNode> user(Realm realm, String username) {
        JsonNode users = call(realm, "GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
    }

    /** The realm roles given to the user (not the default ones they inherit). */
    public static List<String> realmRoles(String username) {
        JsonNode roles = call("GET", "/users/" + id(username) + "/role-mappings/realm", null);
        return StreamSupport.stream(roles.spliterator(), false).map(r -> r.get("name").asText())
                .filter(name -> !name.startsWith("default-roles")).sorted().toList();
    }

    /** The aliases of the user's organizations. */
    public static List<String> organizationsOf(String username) {
        JsonNode organizations = call("GET", "/organizations/members/" + id(username) + "/organizations?briefRepresentation=true", null);
        return StreamSupport.stream(organizations.spliterator(), false).map(o -> o.get("alias").asText()).sorted().toList();
    }

    /** Gives the user a permanent password (a test's shortcut past the first sign-in's password change). */
    public static void setPassword(String username, String password) {
        call("PUT", "/users/" + id(username) + "/reset-password",
                JSON.createObjectNode().put("type", "password").put("value", password).put("temporary", false));
    }

    /**
     * A user of an agency made directly in Keycloak (as the realm's administrators would), with a
     * permanent password and one realm role: someone the portal's administration has not touched yet.
     * With {@code agency} null they belong to no organization at all (an orphan account).
     */
    public static void createUser(String username, String agency, String role, String password) {
        var user = JSON.createObjectNode().put("username", username).put("enabled", true).put("firstName", "Test")
                .put("lastName", username).put("email", username + "@interlink.test").put("emailVerified", true);
        var credentials = user.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", password).put("temporary", false);
        if (RealmDefinition.PRIVILEGED_ROLES.contains(role)) {
            // the authenticator app of a privileged person: the demo users' key, so that the tests know its codes
            credentials.addObject().put("type", "otp").put("userLabel", "Test authenticator")
                    .put("secretData", "{\"value\":\"" + RealmDefinition.DEMO_TOTP_SECRET + "\"}")
                    .put("credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        }
        call("POST", "/users", user);
        JsonNode roleRepresentation = call("GET", "/roles/" + role, null);
        call("POST", "/users/" + id(username) + "/role-mappings/realm", JSON.createArrayNode().add(roleRepresentation));
        if (agency == null) {
            return;
        }
        String organization = StreamSupport.stream(call("GET", "/organizations?first=0&max=1000", null).spliterator(), false)
                .filter(o -> o.get("alias").asText().equals(agency)).findFirst().orElseThrow().get("id").asText();
        call("POST", "/organizations/" + organization + "/members", JSON.getNodeFactory().textNode(id(username)));
    }

    /** The realm's own representation (policies, lifetimes), as Keycloak holds it. */
    public static JsonNode realm() {
        return call("GET", "", null);
    }

    /** Tries to give the user a permanent password: Keycloak's HTTP status and answer, without failing on a refusal. */
    public static HttpResponse<String> tryPassword(String username, String password) {
        return send(Realm.suite(), "PUT", "/users/" + id(username) + "/reset-password",
                JSON.createObjectNode().put("type", "password").put("value", password).put("temporary", false));
    }

    /** What Keycloak's brute-force detection holds about the user ({@code disabled}, {@code numFailures}). */
    public static JsonNode bruteForceStatus(String username) {
        return call("GET", "/attack-detection/brute-force/users/" + id(username), null);
    }

    /** Ends all of the user's Keycloak sessions, as the admin console's "Sign out" of a user does. */
    public static void endSessions(String username) {
        call("POST", "/users/" + id(username) + "/logout", null);
    }

    /** The same in another Keycloak than the suite's (the cluster's), as the portal's service account with that secret. */
    public static void endSessions(String keycloakUrl, String clientSecret, String username) {
        Realm realm = new Realm(keycloakUrl, clientSecret);
        call(realm, "POST", "/users/" + id(realm, username) + "/logout", null);
    }

    /** How many Keycloak sessions the user has in another Keycloak than the suite's (the cluster's). */
    public static int sessionCount(String keycloakUrl, String clientSecret, String username) {
        Realm realm = new Realm(keycloakUrl, clientSecret);
        return call(realm, "GET", "/users/" + id(realm, username) + "/sessions", null).size();
    }

    /** Enables or disables the user's account, as the admin console's switch does. */
    public static void setEnabled(String username, boolean enabled) {
        call("PUT", "/users/" + id(username), JSON.createObjectNode().put("enabled", enabled));
    }

    /** Removes the user from the organization (agency) with that alias, as the admin console does. */
    public static void removeFromOrganization(String username, String agency) {
        String organization = StreamSupport.stream(call("GET", "/organizations?first=0&max=1000", null).spliterator(), false)
                .filter(o -> o.get("alias").asText().equals(agency)).findFirst().orElseThrow().get("id").asText();
        call("DELETE", "/organizations/" + organization + "/members/" + id(username), null);
    }

    /** The user's Keycloak sessions ({@code start}, {@code lastAccess} in epoch milliseconds, {@code clients}). */
    public static JsonNode sessions(String username) {
        return call("GET", "/users/" + id(username) + "/sessions", null);
    }

    /** Grants the user one more realm role, as the admin console's role mapping does. */
    public static void grantRole(String username, String role) {
        call("POST", "/users/" + id(username) + "/role-mappings/realm", JSON.createArrayNode().add(call("GET", "/roles/" + role, null)));
    }

    /** Makes Keycloak ask the user for an action at their next sign-in (e.g. {@code webauthn-register}), as the admin console does. */
    public static void requireAction(String username, String action) {
        var user = JSON.createObjectNode();
        user.putArray("requiredActions").add(action);
        call("PUT", "/users/" + id(username), user);
    }

    /** The types of the user's credentials ({@code password}, {@code otp}, {@code webauthn}). */
    public static List<String> credentialTypes(String username) {
        return StreamSupport.stream(call("GET", "/users/" + id(username) + "/credentials", null).spliterator(), false)
                .map(c -> c.get("type").asText()).toList();
    }

    public static void deleteUser(String username) {
        call("DELETE", "/users/" + id(username), null);
    }

    private static String id(String username) {
        return id(Realm.suite(), username);
    }

    private static String id(Realm realm, String username) {
        return user(realm, username).orElseThrow(() -> new IllegalStateException("no Keycloak user " + username)).get("id").asText();
    }

    private static JsonNode call(String method, String path, JsonNode body) {
        return call(Realm.suite(), method, path, body);
    }

    private static JsonNode call(Realm realm, String method, String path, JsonNode body) {
        HttpResponse<String> response = send(realm, method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(Realm realm, String method, String path, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm.url() + "/admin/realms/"
                    + RealmDefinition.REALM + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(realm))
                    .header("Content-Type", "application/json")
                    .method(method,
                            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The portal's service account's token (its rights are what the portal's administration uses). */
    private static String token(Realm realm) {
        try {
            HttpResponse<String> response = Http.postForm(realm.url() + "/realms/" + RealmDefinition.REALM
                    + "/protocol/openid-connect/token",
                    Map.of("grant_type", "client_credentials",
                            "client_id", RealmDefinition.WEB_CLIENT, "client_secret", realm.clientSecret()));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no service-account token: " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Keycloak with the realm, and the secret of the portal's client there. */
    private record Realm(String url, String clientSecret) {

        static Realm suite() {
            return new Realm(PortalStack.keycloakUrl(), PortalStack.secrets().clientSecret());
        }
    }
}
