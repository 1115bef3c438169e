package org.interlink.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlink.devstack.RealmDefinition.DemoUser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
    void theRealmDefinesTheSixRolesTheSecondFactorMarkerTheMetricsReaderAndAConfidentialWebClientWithAFlatRolesClaim() {
        ObjectNode realm = RealmDefinition.production();

        assertThat(names(realm.get("roles").get("realm"), "name"))
                .containsExactlyInAnyOrder("official", "liaison", "vetter", "auditor", "agency-admin", "platform-admin",
                        RealmDefinition.SECOND_FACTOR_ROLE, "metrics-reader");
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
        assertThat(names(realm.get("users"), "username")).containsExactlyInAnyOrder("service-account-interlink-web", "moi.official",
                "moi.vetter",
                "moi.admin", "iom.liaison", "iom.vetter", "interpol.liaison", "donor.observer", "moi.auditor",
                "platform.admin", "multi.liaison", "iom.admin", "interpol.admin", "donor.admin", "service-account-moi-border-system",
                "service-account-moi-vetting-desk", "service-account-iom-case-system",
                "service-account-" + RealmDefinition.MONITORING_CLIENT);
        for (JsonNode user : realm.get("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            assertThat(user.get("credentials").get(0).get("value").asText()).isEqualTo(RealmDefinition.DEMO_PASSWORD);
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean()).isFalse();
        }
    }

    @Test
    void privilegedRolesSignInWithASecondFactorThroughTheRealmsOwnFlows() {
        ObjectNode realm = RealmDefinition.production();

        for (JsonNode role : realm.get("roles").get("realm")) {
            boolean privileged = RealmDefinition.PRIVILEGED_ROLES.contains(role.get("name").asText());
            assertThat(role.path("composites").path("realm").toString().contains(RealmDefinition.SECOND_FACTOR_ROLE))
                    .as(role.get("name") + " includes the second-factor role").isEqualTo(privileged);
        }
        assertThat(realm.get("browserFlow").asText()).isEqualTo("interlink browser");
        assertThat(realm.get("directGrantFlow").asText()).isEqualTo("interlink direct grant");
        assertThat(realm.get("attributes").get("acr.loa.map").asText()).isEqualTo("{\"password\":1,\"second-factor\":2}");
        assertThat(realm.get("otpPolicyCodeReusable").asBoolean()).as("a used code is refused").isFalse();
        // the second factor's conditions: the role, and level 2 asked for again each time (max age 0)
        JsonNode secondFactor = flow(realm, "interlink second factor");
        assertThat(authenticators(secondFactor))
                .contains("conditional-user-role", "conditional-level-of-authentication");
        assertThat(config(realm, "privileged role").get("condUserRole").asText()).isEqualTo(RealmDefinition.SECOND_FACTOR_ROLE);
        assertThat(config(realm, "level 2 second factor").get("loa-max-age").asText()).isEqualTo("0");
        // a security key or a code; the code REQUIRED in its own sub-flow, so that a person with neither enrols one
        assertThat(authenticators(flow(realm, "interlink code or key"))).contains("webauthn-authenticator");
        assertThat(flow(realm, "interlink one-time code").get("authenticationExecutions").get(0).get("requirement").asText())
                .isEqualTo("REQUIRED");
        assertThat(authenticators(flow(realm, "interlink direct grant second factor")))
                .contains("conditional-user-role", "direct-grant-validate-otp");
    }

    @Test
    void privilegedDemoUsersHaveTheDevOnlyAuthenticatorKey() {
        ObjectNode realm = RealmDefinition.withDemo();

        for (DemoUser demo : RealmDefinition.demoUsers()) {
            JsonNode user = null;
            for (JsonNode candidate : realm.get("users")) {
                if (candidate.get("username").asText().equals(demo.username())) {
                    user = candidate;
                }
            }
            assertThat(user.get("credentials").toString().contains("\"otp\"")).as(demo.username()).isEqualTo(demo.needsCode());
        }
        assertThat(RealmDefinition.demoUser("moi.vetter").needsCode()).isTrue();
        assertThat(RealmDefinition.demoUser("moi.official").needsCode()).isFalse();
        assertThat(base32Decoded(RealmDefinition.DEMO_TOTP_KEY)).as("the key an app is given is the secret's bytes")
                .isEqualTo(RealmDefinition.DEMO_TOTP_SECRET);
    }

    /** RFC 4648 Base32, as authenticator apps read a setup key. */
    private static String base32Decoded(String key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : key.toCharArray()) {
            buffer = buffer << 5 | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
            bits += 5;
            if (bits >= 8) {
                bytes.write(buffer >> (bits - 8) & 0xff);
                bits -= 8;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode flow(ObjectNode realm, String alias) {
        for (JsonNode flow : realm.get("authenticationFlows")) {
            if (flow.get("alias").asText().equals(alias)) {
                return flow;
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    private static List<String> authenticators(JsonNode flow) {
        List<String> authenticators = new ArrayList<>();
        flow.get("authenticationExecutions").forEach(execution -> authenticators.add(execution.path("authenticator").asText()));
        return authenticators;
    }

    private static JsonNode config(ObjectNode realm, String alias) {
        for (JsonNode config : realm.get("authenticatorConfig")) {
            if (config.get("alias").asText().equals(alias)) {
                return config.get("config");
            }
        }
        throw new AssertionError("no authenticator config " + alias);
    }

    @Test
    void demoUsersBelongToTheirAgencies() {
        assertThat(RealmDefinition.demoUser("multi.liaison").agencies()).containsExactlyInAnyOrder("iom-iq", "iq-bpc");
        assertThat(RealmDefinition.demoUser("platform.admin").agencies()).isEmpty();
        assertThat(RealmDefinition.demoUser("moi.vetter")).isEqualTo(
                new DemoUser("moi.vetter", "97a89559-381d-54b0-b825-31f2be23377c", "Huda Jabbar", List.of("official", "vetter"),
                        List.of("iq-moi")));
        assertThat(RealmDefinition.demoUsers()).extracting(DemoUser::id).as("each has its own fixed id").doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
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

    @Test
    void theDemoMonitoringSystemReadsTheMetricsAndActsForNoAgency() {
        ObjectNode realm = RealmDefinition.withDemo();

        JsonNode client = find(realm.get("clients"), "clientId", RealmDefinition.MONITORING_CLIENT);
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("secret").asText()).isEqualTo("${INTERLINK_SYSTEM_CLIENT_SECRET}");
        assertThat(client.get("protocolMappers").findValuesAsText("protocolMapper")).as("no agency claim")
                .doesNotContain("oidc-hardcoded-claim-mapper");
        JsonNode account = find(realm.get("users"), "username", "service-account-" + RealmDefinition.MONITORING_CLIENT);
        assertThat(account.get("realmRoles")).extracting(JsonNode::asText).containsExactly("metrics-reader");
        assertThat(RealmDefinition.demoSystems()).extracting(RealmDefinition.DemoSystem::clientId)
                .doesNotContain(RealmDefinition.MONITORING_CLIENT);

        JsonNode production = RealmDefinition.production();
        assertThat(production.get("roles").get("realm").findValuesAsText("name")).as("the role, for a production monitor")
                .contains("metrics-reader");
        assertThat(RealmDefinition.toJson(production)).doesNotContain(RealmDefinition.MONITORING_CLIENT);
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
