package org.interlink.journeys;

import org.interlink.devstack.Http;
import org.interlink.devstack.RealmDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm's password policy and brute-force detection as the running Keycloak applies them (the
 * realm definition is checked in {@code RealmDefinitionTest}; this proves Keycloak took it): short
 * passwords, the username, the e-mail and a recent password are refused, and guessing locks the
 * account, the right password included, until the wait is over.
 */
@ExtendWith(PortalStack.class)
class RealmPolicyIT {

    private final String username = "policy.probe-" + UUID.randomUUID().toString().substring(0, 8);
    private final String password = "Probe-" + UUID.randomUUID();

    @AfterEach
    void deleteProbe() {
        if (KeycloakRealmAdmin.user(username).isPresent()) {
            KeycloakRealmAdmin.deleteUser(username);
        }
    }

    @Test
    void keycloakRefusesShortPasswordsTheUsernameTheEmailAndARecentPassword() {
        KeycloakRealmAdmin.createUser(username, "iq-moi", "official", password);

        assertRefused(KeycloakRealmAdmin.tryPassword(username, "Short-pw-11"), "invalidPasswordMinLengthMessage");
        assertRefused(KeycloakRealmAdmin.tryPassword(username, username), "invalidPasswordNotUsernameMessage");
        assertRefused(KeycloakRealmAdmin.tryPassword(username, username + "@interlink.test"), "invalidPasswordNotEmailMessage");
        assertThat(KeycloakRealmAdmin.tryPassword(username, password + "-next").statusCode()).as("a new long password").isEqualTo(204);
        assertRefused(KeycloakRealmAdmin.tryPassword(username, password), "invalidPasswordHistoryMessage");
    }

    @Test
    void guessingLocksTheAccountAndThenTheRightPasswordIsRefusedToo() throws Exception {
        KeycloakRealmAdmin.createUser(username, "iq-moi", "official", password);
        assertThat(passwordGrant(password).statusCode()).as("the right password before any guess").isEqualTo(200);
        int failures = KeycloakRealmAdmin.realm().get("failureFactor").asInt();

        for (int guess = 0; guess < failures; guess++) {
            assertThat(passwordGrant("Guess-" + guess + "-" + UUID.randomUUID()).body()).contains("invalid_grant");
        }

        assertThat(KeycloakRealmAdmin.bruteForceStatus(username).get("disabled").asBoolean()).as("locked out").isTrue();
        HttpResponse<String> right = passwordGrant(password);
        assertThat(right.statusCode()).as("the right password while locked out").isNotEqualTo(200);
        assertThat(right.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    private static void assertRefused(HttpResponse<String> answer, String policyMessage) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(policyMessage);
    }

    /** The dev-only public client's password grant: the quickest way to try a password against the realm. */
    private HttpResponse<String> passwordGrant(String attempt) throws Exception {
        return Http.postForm(PortalStack.keycloakUrl() + "/realms/" + RealmDefinition.REALM + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", RealmDefinition.CLI_CLIENT, "username", username, "password", attempt));
    }
}
