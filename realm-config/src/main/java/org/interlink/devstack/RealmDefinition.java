package org.interlink.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code interlink} realm as this module defines it: {@code realm/interlink-realm.json} is the
 * production realm (roles, client, mappers; no people, no agencies) and
 * {@code realm/demo/interlink-demo.json} the dev-only overlay with the demo agencies (Keycloak
 * Organizations, alias = agency code), users and memberships. The overlay is merged only for dev
 * and tests, so production never gets the demo users.
 */
public final class RealmDefinition {

    public static final String REALM = "interlink";
    public static final String WEB_CLIENT = "interlink-web";
    /** Public client for user tokens of the API (password grant, dev only). */
    public static final String CLI_CLIENT = "interlink-cli";
    /** The audience every API access token must carry. */
    public static final String API_AUDIENCE = "interlink-api";

    /** The demo's monitoring system: a service account with the role {@code metrics-reader}, for {@code /metrics}. */
    public static final String MONITORING_CLIENT = "interlink-monitoring";
    /** Dev-only password of every demo user (long enough for the realm's password policy). */
    public static final String DEMO_PASSWORD = "interlink-demo";
    /**
     * Dev-only TOTP secret of every privileged demo user, as Keycloak stores it (its text's bytes are the key); an
     * authenticator app takes it as {@link #DEMO_TOTP_KEY}.
     */
    public static final String DEMO_TOTP_SECRET = "InterlinkDemoTotpKey";
    /** {@link #DEMO_TOTP_SECRET} in Base32, as an authenticator app asks for it ("enter a setup key", time based). */
    public static final String DEMO_TOTP_KEY = "JFXHIZLSNRUW422EMVWW6VDPORYEWZLZ";
    /** The roles that sign in with a second factor: the realm makes each a composite of {@value #SECOND_FACTOR_ROLE}. */
    public static final List<String> PRIVILEGED_ROLES = List.of("vetter", "auditor", "agency-admin", "platform-admin");
    /** The realm role whose holders the sign-in flow asks for a second factor. */
    public static final String SECOND_FACTOR_ROLE = "second-factor";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmDefinition() {
    }

    /** The production realm, placeholders ({@code ${ENV_VAR}}) left for Keycloak to resolve at import. */
    public static ObjectNode production() {
        return (ObjectNode) read("realm/interlink-realm.json");
    }

    /** The production realm with the demo agencies and users merged in. */
    public static ObjectNode withDemo() {
        ObjectNode realm = production();
        JsonNode demo = read("realm/demo/interlink-demo.json");
        appendAll(realm, demo, "organizations");
        appendAll(realm, demo, "users");
        appendAll(realm, demo, "clients");
        return realm;
    }

    /** The demo users, as the run command prints them and the browser tests expect them. */
    public static List<DemoUser> demoUsers() {
        JsonNode demo = read("realm/demo/interlink-demo.json");
        List<DemoUser> users = new ArrayList<>();
        for (JsonNode user : demo.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String username = user.get("username").asText();
            List<String> roles = new ArrayList<>();
            user.get("realmRoles").forEach(r -> roles.add(r.asText()));
            List<String> agencies = new ArrayList<>();
            for (JsonNode org : demo.get("organizations")) {
                for (JsonNode member : org.get("members")) {
                    if (member.get("username").asText().equals(username)) {
                        agencies.add(org.get("alias").asText());
                    }
                }
            }
            users.add(new DemoUser(username, user.get("id").asText(), user.get("firstName").asText() + " " + user.get("lastName").asText(),
                    List.copyOf(roles), List.copyOf(agencies)));
        }
        return List.copyOf(users);
    }

    /**
     * The demo systems: confidential clients whose service account acts for one agency with the
     * realm roles of its service-account user (client credentials grant, secret from {@link DevSecrets}).
     */
    public static List<DemoSystem> demoSystems() {
        JsonNode demo = read("realm/demo/interlink-demo.json");
        List<DemoSystem> systems = new ArrayList<>();
        for (JsonNode user : demo.get("users")) {
            if (!user.has("serviceAccountClientId") || user.get("serviceAccountClientId").asText().equals(MONITORING_CLIENT)) {
                continue;
            }
            String clientId = user.get("serviceAccountClientId").asText();
            List<String> roles = new ArrayList<>();
            user.get("realmRoles").forEach(r -> roles.add(r.asText()));
            String agency = null;
            for (JsonNode client : demo.get("clients")) {
                if (client.get("clientId").asText().equals(clientId)) {
                    for (JsonNode mapper : client.get("protocolMappers")) {
                        if (mapper.get("protocolMapper").asText().equals("oidc-hardcoded-claim-mapper")) {
                            agency = readJson(mapper.get("config").get("claim.value").asText()).get(0).asText();
                        }
                    }
                }
            }
            systems.add(new DemoSystem(clientId, List.copyOf(roles), agency));
        }
        return List.copyOf(systems);
    }

    public static DemoUser demoUser(String username) {
        return demoUsers().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }

    public static String toJson(JsonNode realm) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendAll(ObjectNode realm, JsonNode overlay, String field) {
        ArrayNode target = realm.has(field) ? (ArrayNode) realm.get(field) : realm.putArray(field);
        overlay.get(field).forEach(target::add);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = RealmDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo system: the client id of its service account, its realm roles and the agency it acts for. */
    public record DemoSystem(String clientId, List<String> roles, String agency) {
    }

    /**
     * A demo user: username, id (fixed in the realm: the portal's demo data names them by it), display name, realm
     * roles and agency codes (organization aliases).
     */
    public record DemoUser(String username, String id, String displayName, List<String> roles, List<String> agencies) {

        /** Whether they sign in with a one-time code too (a privileged role). */
        public boolean needsCode() {
            return roles.stream().anyMatch(PRIVILEGED_ROLES::contains);
        }
    }
}
