package org.interlink.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlink.devstack.RealmDefinition.DemoUser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RealmDefinitionTest {

    @Test
    void theProductionRealmHasNoPeopleNoAgenciesAndNoSecret() {
        ObjectNode realm = RealmDefinition.production();

        assertThat(names(realm.get("users"), "username")).containsExactly("service-account-interlink-web");
        assertThat(realm.has("organizations")).isFalse();
        assertThat(realm.get("organizationsEnabled").asBoolean()).isTrue();
        assertThat(webClient(realm).get("secret").asText()).isEqualTo("${INTERLINK_WEB_CLIENT_SECRET}");
        assertThat(RealmDefinition.toJson(realm)).doesNotContain(RealmDefinition.DEMO_PASSWORD);
    }

    @Test
    void theRealmAsksForLongPasswordsUnlikeTheNameAndNotReusedAndLocksOutGuessing() {
        ObjectNode realm = RealmDefinition.production();

        assertThat(realm.get("passwordPolicy").asText().split(" and "))
                .containsExactlyInAnyOrder("length(12)", "notUsername(undefined)", "notEmail(undefined)", "passwordHistory(5)");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.get("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(900);
        assertThat(RealmDefinition.DEMO_PASSWORD).as("the demo users' password passes the policy").hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void theRealmDefinesTheSixRolesAndAConfidentialWebClientWithAFlatRolesClaim() {
        ObjectNode realm = RealmDefinition.production();

        assertThat(names(realm.get("roles").get("realm"), "name"))
                .containsExactlyInAnyOrder("official", "liaison", "vetter", "auditor", "agency-admin", "platform-admin");
        JsonNode client = webClient(realm);
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.get("optionalClientScopes").toString()).contains("organization");
        // Keycloak tells the portal when a session ends there (back-channel logout), by session
        assertThat(client.get("frontchannelLogout").asBoolean()).isFalse();
        assertThat(client.get("attributes").get("backchannel.logout.url").asText()).isEqualTo("${INTERLINK_PORTAL_URL}/backchannel-logout");
        assertThat(client.get("attributes").get("backchannel.logout.session.required").asText()).isEqualTo("true");
        JsonNode rolesMapper = find(client.get("protocolMappers"), "protocolMapper", "oidc-usermodel-realm-role-mapper");
        assertThat(rolesMapper.get("config").get("claim.name").asText()).isEqualTo("roles");
        assertThat(rolesMapper.get("config").get("multivalued").asText()).isEqualTo("true");
    }

    @Test
    void theWebClientsServiceAccountHasOnlyTheRightsTheAuditTrailAndTheAdministrationNeed() {
        ObjectNode realm = RealmDefinition.production();

        assertThat(webClient(realm).get("serviceAccountsEnabled").asBoolean()).isTrue();
        JsonNode account = find(realm.get("users"), "username", "service-account-interlink-web");
        assertThat(account.get("serviceAccountClientId").asText()).isEqualTo(RealmDefinition.WEB_CLIENT);
        assertThat(account.has("realmRoles")).isFalse();
        // events and user names for the audit trail; users and organizations for the administration screens
        assertThat(account.get("clientRoles").toString())
                .isEqualTo("{\"realm-management\":[\"view-events\",\"view-users\",\"manage-users\",\"manage-realm\"]}");
    }

    @Test
    void theDemoOverlayAddsTheAgenciesAsOrganizationsAndTheDemoUsers() {
        ObjectNode realm = RealmDefinition.withDemo();

        assertThat(names(realm.get("organizations"), "alias"))
                .containsExactlyInAnyOrder("iq-moi", "iom-iq", "interpol", "au-dibp", "iq-bpc");
        assertThat(names(realm.get("users"), "username")).containsExactlyInAnyOrder("service-account-interlink-web", "moi.official", "moi.vetter",
                "moi.admin", "iom.liaison", "iom.vetter", "interpol.liaison", "donor.observer", "moi.auditor",
                "platform.admin", "multi.liaison", "service-account-moi-border-system",
                "service-account-moi-vetting-desk", "service-account-iom-case-system");
        for (JsonNode user : realm.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            assertThat(user.get("credentials").get(0).get("value").asText()).isEqualTo(RealmDefinition.DEMO_PASSWORD);
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean()).isFalse();
        }
    }

    @Test
    void demoUsersBelongToTheirAgencies() {
        assertThat(RealmDefinition.demoUser("multi.liaison").agencies()).containsExactlyInAnyOrder("iom-iq", "iq-bpc");
        assertThat(RealmDefinition.demoUser("platform.admin").agencies()).isEmpty();
        assertThat(RealmDefinition.demoUser("moi.vetter")).isEqualTo(
                new DemoUser("moi.vetter", "97a89559-381d-54b0-b825-31f2be23377c", "Huda Jabbar", List.of("official", "vetter"),
                        List.of("iq-moi")));
        assertThat(RealmDefinition.demoUsers()).extracting(DemoUser::id).as("each has its own fixed id").doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id));
        assertThat(RealmDefinition.demoUsers()).filteredOn(u -> !u.username().equals("platform.admin"))
                .allSatisfy(u -> assertThat(u.agencies()).isNotEmpty());
    }

    @Test
    void demoSystemsActForOneAgencyWithApiTokensAndASecretFromTheEnvironment() {
        ObjectNode realm = RealmDefinition.withDemo();

        assertThat(RealmDefinition.demoSystems()).containsExactly(
                new RealmDefinition.DemoSystem("moi-border-system", List.of("official"), "iq-moi"),
                new RealmDefinition.DemoSystem("moi-vetting-desk", List.of("vetter"), "iq-moi"),
                new RealmDefinition.DemoSystem("iom-case-system", List.of("liaison"), "iom-iq"));
        for (RealmDefinition.DemoSystem system : RealmDefinition.demoSystems()) {
            JsonNode client = find(realm.get("clients"), "clientId", system.clientId());
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
            assertThat(client.get("secret").asText()).isEqualTo("${INTERLINK_SYSTEM_CLIENT_SECRET}");
            assertThat(find(client.get("protocolMappers"), "protocolMapper", "oidc-audience-mapper").get("config")
                    .get("included.custom.audience").asText()).isEqualTo(RealmDefinition.API_AUDIENCE);
        }
        JsonNode cli = find(realm.get("clients"), "clientId", RealmDefinition.CLI_CLIENT);
        assertThat(cli.get("publicClient").asBoolean()).isTrue();
        assertThat(RealmDefinition.toJson(RealmDefinition.production())).doesNotContain(RealmDefinition.CLI_CLIENT);
    }

    private static JsonNode webClient(JsonNode realm) {
        return find(realm.get("clients"), "clientId", RealmDefinition.WEB_CLIENT);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.get(field).asText()));
        return names;
    }
}
