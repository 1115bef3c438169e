package org.interlink.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page sessions follow Keycloak: a session Keycloak ends (the person signs out there, an administrator
 * ends their sessions) ends in the portal at once, by back-channel logout; a person disabled in Keycloak
 * is out at their first request after the session's next check, when Keycloak refuses to refresh the
 * tokens, and signed out cleanly; a session that outlives its tokens is refreshed without the person
 * noticing. Each ending is in the audit trail. People made for each journey, so that no demo persona changes.
 */
@ExtendWith(PortalStack.class)
class SessionsJourneyIT {

    private Browser browser;
    private String journey;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = new Browser();
        journey = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowser() {
        browser.screenshot(journey);
        browser.close();
    }

    @Test
    void anAdministratorEndingAPersonsSessionsInKeycloakEndsTheirPortalSessionAtOnce() throws SQLException {
        String username = browser.signInAsNewPerson("interpol", "liaison");
        browser.open(PortalStack.portalUrl() + "/items.xhtml");
        assertThat(new PortalPage(browser).callerUsername()).isEqualTo(username);

        KeycloakRealmAdmin.endSessions(username);

        browser.open(PortalStack.portalUrl() + "/items.xhtml");
        assertEndedInKeycloak();
        assertEnded(username, "session ended by Keycloak: back-channel logout");
    }

    @Test
    void signingOutInKeycloakItselfEndsThePortalSessionToo() throws SQLException {
        String username = browser.signInAsNewPerson("iom-iq", "liaison");

        browser.open(PortalStack.keycloakUrl() + "/realms/interlink/protocol/openid-connect/logout");
        WebElement confirm = browser.await(By.id("kc-logout"));
        confirm.click();
        // Keycloak's signed-out page replaced the confirmation: the logout (and its back-channel call) is done
        browser.waitFor(Browser.WAIT).until(ExpectedConditions.stalenessOf(confirm));
        browser.open(PortalStack.portalUrl() + "/items.xhtml");

        assertEndedInKeycloak();
        assertEnded(username, "session ended by Keycloak: back-channel logout");
    }

    @Test
    void aPersonDisabledInKeycloakIsOutAtTheirNextRequestAfterTheSessionsCheckAndSignedOutCleanly() throws SQLException {
        String username = browser.signInAsNewPerson("iq-moi", "official");
        Instant disabled = Instant.now();

        KeycloakRealmAdmin.setEnabled(username, false);

        awaitOutOfThePortal();
        assertThat(Duration.between(disabled, Instant.now())).isLessThan(PortalStack.SESSION_CHECK.plus(Browser.WAIT));
        // Soteria signs the person out of Keycloak too (end-session), which sends them to the portal's signed-out page
        assertThat(browser.currentUrl()).as("signed out cleanly").startsWith(PortalStack.portalUrl() + "/signed-out.xhtml");
        assertThat(browser.text(By.id("signed-out"))).contains("You are signed out");
        browser.open(PortalStack.portalUrl() + "/items.xhtml");
        assertThat(browser.currentUrl()).as("no portal session left: sent to Keycloak").startsWith(PortalStack.keycloakUrl());
        assertEnded(username, "Keycloak refused to refresh its tokens");
    }

    @Test
    void aPersonRemovedFromTheirAgencyInKeycloakIsOutAtTheirNextRequestAfterTheSessionsCheck() throws SQLException {
        String username = browser.signInAsNewPerson("iq-moi", "official");

        KeycloakRealmAdmin.removeFromOrganization(username, "iq-moi");

        // Keycloak ends the sessions of a person it removes from an organization (back-channel logout); were it not
        // to, the session's next refresh would bring tokens without the agency and the portal would end it
        awaitOutOfThePortal();
        browser.open(PortalStack.portalUrl() + "/items.xhtml");
        assertThat(new KeycloakLoginPage(browser).asksForUsername()).as("no portal session left").isTrue();
        assertEnded(username, "session ended");
    }

    @Test
    void aSessionOutlivesItsTokensWhichAreRefreshedWithoutThePersonNoticing() {
        String username = browser.signInAsNewPerson("iq-moi", "official");
        Instant signedIn = Instant.now();
        long start = KeycloakRealmAdmin.sessions(username).get(0).get("start").asLong();

        // browse on until the tokens of the sign-in are long expired and Keycloak has seen them refreshed
        browser.waitFor(PortalStack.WEB_TOKEN_LIFESPAN.multipliedBy(3)).pollingEvery(Duration.ofSeconds(2))
                .until(driver -> {
                    driver.get(PortalStack.portalUrl() + "/items.xhtml");
                    assertThat(new PortalPage(browser).callerUsername()).isEqualTo(username);
                    return Duration.between(signedIn, Instant.now()).compareTo(PortalStack.WEB_TOKEN_LIFESPAN.plusSeconds(5)) > 0
                            && KeycloakRealmAdmin.sessions(username).get(0).get("lastAccess").asLong() > start;
                });

        assertThat(browser.currentUrl()).startsWith(PortalStack.portalUrl() + "/items.xhtml");
        assertThat(KeycloakRealmAdmin.sessions(username)).as("still the one Keycloak session of the sign-in").hasSize(1);
    }

    /** The next request of a session Keycloak ended reads why, and signing in again asks for the password. */
    private void assertEndedInKeycloak() {
        assertThat(browser.currentUrl()).startsWith(PortalStack.portalUrl() + "/signed-out.xhtml");
        assertThat(browser.text(By.id("signed-out"))).contains("Your session was ended in the single sign-on");
        assertThat(new SignedOutPage(browser).signInAgain().asksForUsername()).as("the Keycloak session is over too").isTrue();
    }

    /** Opens the items page until the portal no longer serves it: the session's next check with Keycloak ends it. */
    private void awaitOutOfThePortal() {
        browser.waitFor(PortalStack.SESSION_CHECK.plus(Browser.WAIT)).pollingEvery(Duration.ofSeconds(1))
                .until(driver -> {
                    driver.get(PortalStack.portalUrl() + "/items.xhtml");
                    return !driver.getCurrentUrl().startsWith(PortalStack.portalUrl() + "/items.xhtml");
                });
    }

    /** The audit trail holds one ending of the person's session, saying why. */
    private static void assertEnded(String username, String why) throws SQLException {
        if (AuditEvents.readable()) {
            assertThat(AuditEvents.count(username, "SIGN_OUT", "ALLOWED", why))
                    .as("the ending of " + username + "'s session in the audit trail")
                    .isEqualTo(1);
        }
    }
}
