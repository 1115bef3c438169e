package org.interlink.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The administration screens in the browser: the platform administrator onboards an agency (and
 * finds it in Keycloak), suspends and reactivates it, keeps a community and reads every agency's agreements; the Ministry's agency
 * administrator creates a member who signs in with the one-time password and sees their agency and
 * roles, then disables them and their next request is refused; a colleague of another agency cannot
 * be opened. With Keycloak stopped, the admin pages say so and the rest of the portal works.
 */
@ExtendWith(PortalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdministrationJourneyIT {

    private final Browser browser = new Browser();

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.screenshot("administration-last-page-" + test.getTestMethod().orElseThrow().getName());
        browser.close();
    }

    @Test
    @Order(1)
    void thePlatformAdministratorOnboardsAnAgencySuspendsAndReactivatesItAndKeepsACommunity() {
        String code = "lb-gs-" + UUID.randomUUID().toString().substring(0, 4);
        browser.signIn("platform.admin");
        String name = "Lebanese General Security " + code.substring(6);
        AgenciesPage agencies = AgenciesPage.open(browser).onboard(code, name, "LAW_ENFORCEMENT", "lb");
        assertThat(agencies.infoMessage()).contains(name + " is onboarded");
        assertThat(agencies.row(code)).contains(name, "Law enforcement", "LB", "Active");
        assertThat(KeycloakRealmAdmin.organizations()).containsEntry(code, true);
        browser.screenshot("admin-agency-onboarded");

        agencies = agencies.onboard(code, "Somebody else", "MINISTRY", "");
        assertThat(agencies.errorMessage()).contains("is already registered");

        agencies = agencies.suspend(code);
        assertThat(agencies.row(code)).contains("Suspended");
        assertThat(KeycloakRealmAdmin.organizations()).containsEntry(code, false);
        agencies = agencies.reactivate(code);
        assertThat(agencies.row(code)).contains("Active");
        assertThat(KeycloakRealmAdmin.organizations()).containsEntry(code, true);

        String community = "levant-" + UUID.randomUUID().toString().substring(0, 4);
        agencies = agencies.createCommunity(community, "Levant border working group").addToCommunity(community, code);
        assertThat(agencies.community(community)).contains("Levant border working group", name);
        agencies = agencies.addToCommunity(community, "iq-moi").removeFromCommunity(community, code);
        assertThat(agencies.community(community)).contains("Iraq Ministry of Interior").doesNotContain("Lebanese General Security");

        AgreementsPage register = AgreementsPage.open(browser);
        assertThat(register.row("DSA-MOI-IOM-2026")).as("every agency's agreements").contains("IOM Iraq", "Active");
        assertThat(register.row("DSA-MOI-AU-2024")).contains("Australian", "Expired");
        assertThat(register.offersDraft()).as("a party's administrators draft").isFalse();
        assertThat(register.openAgreement("DSA-MOI-INTERPOL-2026").openedTitle()).startsWith("DSA-MOI-INTERPOL-2026");
    }

    @Test
    @Order(2)
    void anAgencyAdministratorCreatesAMemberWhoSignsInAndWhoseNextRequestIsRefusedOnceDisabled() throws SQLException {
        browser.signIn("moi.admin");
        MembersPage members = MembersPage.open(browser);
        assertThat(members.usernames()).contains("moi.official", "moi.vetter", "moi.admin").doesNotContain("iom.liaison");
        String username = "moi.newcomer-" + UUID.randomUUID().toString().substring(0, 6);
        String oneTime = members.create(username, "Noor", "Kadhim", username + "@interlink.test", "OFFICIAL", "VETTER");
        assertThat(oneTime).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(members.usernames()).contains(username);
        browser.screenshot("admin-member-created");

        String password = "Own-" + UUID.randomUUID();
        try (Browser newcomer = new Browser()) {
            newcomer.open(PortalStack.portalUrl() + "/");
            PortalPage signedIn = new KeycloakLoginPage(newcomer).signInFirstTime(username, oneTime, password);
            assertThat(signedIn.callerUsername()).isEqualTo(username);
            assertThat(signedIn.activeAgency()).isEqualTo("Iraq Ministry of Interior");
            assertThat(signedIn.headerRoles()).containsExactly("Official", "Vetter");
            assertThat(KeycloakRealmAdmin.credentialTypes(username)).as("a vetter sets up an authenticator at the first sign-in")
                    .contains("password", "otp");
            newcomer.screenshot("admin-newcomer-signed-in");

            members = MembersPage.open(browser, username).disable();
            assertThat(members.row(username)).contains("Disabled");

            newcomer.open(PortalStack.portalUrl() + "/items.xhtml");
            SignedOutPage ended = new SignedOutPage(newcomer);
            // ended by the portal (its record of the end of access) or, sooner, by Keycloak (the disabling ends the Keycloak
            // sessions, and the back-channel logout the portal's)
            assertThat(newcomer.text(By.id("signed-out"))).containsAnyOf("An administrator changed or ended your access",
                    "an administrator ended or changed your access");
            try {
                assertThat(ended.signInAgain().signInRefused(username, password)).containsIgnoringCase("disabled");
            } finally {
                newcomer.screenshot("admin-newcomer-refused");
            }
        }

        // a user of another agency, typed into the address: refused on the server, and audited
        long denied = deniedAttempts("moi.admin", "iom.liaison");
        members = MembersPage.open(browser, "iom.liaison");
        assertThat(members.errorMessage()).contains("iom.liaison is not a member of your agency");
        assertThat(members.showsMember()).isFalse();
        if (PortalStack.database().isPresent()) {
            assertThat(deniedAttempts("moi.admin", "iom.liaison")).isEqualTo(denied + 1);
        }

        // another agency's system (issue 16): neither opened by its address nor added as an existing user, audited, unchanged
        String iomSystem = "service-account-iom-case-system";
        denied = deniedAttempts("moi.admin", iomSystem);
        members = MembersPage.open(browser, iomSystem);
        assertThat(members.errorMessage()).contains(iomSystem, "service account");
        assertThat(members.showsMember()).isFalse();
        members = members.addExisting(iomSystem);
        assertThat(members.errorMessage()).contains(iomSystem, "service account");
        assertThat(members.showsMember()).isFalse();
        assertThat(KeycloakRealmAdmin.organizationsOf(iomSystem)).isEmpty();
        if (PortalStack.database().isPresent()) {
            assertThat(deniedAttempts("moi.admin", iomSystem)).isEqualTo(denied + 2);
        }
    }

    @Test
    @Order(3)
    void withKeycloakUnreachableTheAdminPagesSaySoAndChangeNothingWhileTheRestWorks() {
        assumeTrue(PortalStack.database().isPresent(), "stops the suite's own Keycloak");
        browser.signIn("moi.admin");
        try (Browser platform = new Browser()) {
            platform.signIn("platform.admin");
            AgenciesPage agencies = AgenciesPage.open(platform);
            PortalStack.withKeycloakStopped(() -> {
                MembersPage members = MembersPage.open(browser);
                assertThat(members.saysKeycloakIsUnavailable()).isTrue();
                assertThat(members.offersChanges()).isFalse();
                browser.screenshot("admin-keycloak-unreachable");
                browser.open(PortalStack.portalUrl() + "/");
                assertThat(new PortalPage(browser).dashboard().username()).isEqualTo("moi.admin");
                browser.open(PortalStack.portalUrl() + "/items.xhtml?view=SHARED_WITH_MY_AGENCY");
                assertThat(new PortalPage(browser).title()).isNotBlank();
                assertThat(browser.driver().findElements(By.className("il-item-link"))).isNotEmpty();

                AgenciesPage refused = agencies.onboard("sy-mfa", "Syrian Ministry of Foreign Affairs", "MINISTRY", "SY");
                assertThat(refused.errorMessage()).contains("cannot be reached");
                assertThat(refused.row("sy-mfa")).isEmpty();
            });
        }
        assertThat(KeycloakRealmAdmin.organizations()).doesNotContainKey("sy-mfa");
        assertThat(MembersPage.open(browser).saysKeycloakIsUnavailable()).isFalse();
    }

    /** How many refused admin attempts of {@code actor} about {@code username} the audit trail holds. */
    private static long deniedAttempts(String actor, String username) throws SQLException {
        return AuditEvents.readable() ? AuditEvents.count(actor, "ADMIN", "DENIED", username) : 0;
    }
}
