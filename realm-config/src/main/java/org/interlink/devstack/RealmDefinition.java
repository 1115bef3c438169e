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
    /** Dev-only password of every demo user. */
    public static final String DEMO_PASSWORD = "demo";

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
        return realm;
    }

    /** The demo users, as the run command prints them and the browser tests expect them. */
    public static List<DemoUser> demoUsers() {
        JsonNode demo = read("realm/demo/interlink-demo.json");
        List<DemoUser> users = new ArrayList<>();
        for (JsonNode user : demo.get("users")) {
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
            users.add(new DemoUser(username, user.get("firstName").asText() + " " + user.get("lastName").asText(),
                    List.copyOf(roles), List.copyOf(agencies)));
        }
        return List.copyOf(users);
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

    /** A demo user: username, display name, realm roles and agency codes (organization aliases). */
    public record DemoUser(String username, String displayName, List<String> roles, List<String> agencies) {
    }
}
