package org.interlink.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privileged roles sign in with a second factor: Keycloak's flow asks a vetter for a one-time code after the
 * password, or a security key once they registered one (the browser's virtual authenticator); the portal does not
 * take the flow on trust: a vetter whose sign-in skipped the code (the browser dropped the {@code acr_values} the
 * portal asked for) acts without the vetter role, is refused the vetting queue, told why (recorded), and signs in again
 * with the code alone; publishing and administration ask for a code of the last minutes (step-up). A privileged
 * person without an authenticator enrols one at the first sign-in: {@code AdministrationJourneyIT}. People made for
 * each journey.
 */
@ExtendWith(PortalStack.class)
class SecondFactorJourneyIT {

    private static final String VETTING_QUEUE = "/items.xhtml?view=VETTING_QUEUE";

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
    void aVetterWhoseSignInSkippedTheCodeIsRefusedTheVettingQueueToldWhyAndSignsInAgainWithTheCodeAlone() throws SQLException {
        String username = newPerson("iq-moi", "vetter");
        browser.open(PortalStack.portalUrl() + VETTING_QUEUE);
        // as a hostile browser would: the sign-in request without the level the portal asked for
        browser.open(browser.currentUrl().replaceAll("&acr_values=[^&]*", ""));
        new KeycloakLoginPage(browser).signIn(username, PASSWORD);

        // landed on the page asked for: refused
        assertThat(browser.currentUrl()).startsWith(PortalStack.portalUrl() + "/second-factor.xhtml");
        assertThat(browser.text(By.id("second-factor-reason"))).contains("You signed in with your password only");
        assertThat(browser.text(By.id("second-factor-roles"))).contains("Vetter");
        browser.screenshot("second-factor-needed");
        if (AuditEvents.readable()) {
            assertThat(AuditEvents.count(username, "VIEW", "DENIED", "needs a sign-in with a second factor")).isEqualTo(1);
        }

        browser.click(By.id("second-factor:sign-in-again"));
        browser.awaitUrlStartingWith(PortalStack.keycloakUrl() + "/realms/interlink/");
        browser.await(By.id("otp"));
        assertThat(browser.driver().findElements(By.id("password"))).as("Keycloak still knows the password: the code alone").isEmpty();
        KeycloakLoginPage.enterCode(browser);

        assertThat(browser.currentUrl()).startsWith(PortalStack.portalUrl() + VETTING_QUEUE);
        assertThat(browser.text(By.className("il-title"))).isEqualTo("Vetting queue");
    }

    @Test
    void aVetterSignsInWithPasswordAndCodeRegistersASecurityKeyAndThenSignsInWithTheKey() {
        String username = newPerson("iq-moi", "vetter");
        KeycloakRealmAdmin.requireAction(username, "webauthn-register");
        ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.USB)
                .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));

        browser.open(PortalStack.portalUrl() + VETTING_QUEUE);
        assertThat(browser.currentUrl()).as("the portal asks Keycloak for the second factor").contains("acr_values=second-factor");
        new KeycloakLoginPage(browser).signInRegisteringASecurityKey(username, PASSWORD);
        assertThat(browser.currentUrl()).as("password and code").startsWith(PortalStack.portalUrl() + VETTING_QUEUE);
        assertThat(browser.text(By.className("il-title"))).isEqualTo("Vetting queue");
        new PortalPage(browser).signOut();
        assertThat(KeycloakRealmAdmin.credentialTypes(username)).contains("otp", "webauthn");

        browser.open(PortalStack.portalUrl() + VETTING_QUEUE);
        new KeycloakLoginPage(browser).signInWithASecurityKey(username, PASSWORD);

        assertThat(browser.currentUrl()).as("password and key").startsWith(PortalStack.portalUrl() + VETTING_QUEUE);
        assertThat(browser.text(By.className("il-title"))).isEqualTo("Vetting queue");
    }

    @Test
    void publishingAndAdministrationAskForARecentCodeSayWhyAndGoOnOnceItIsConfirmed() throws SQLException {
        browser.signInAsNewPerson("iom-iq", "liaison");
        String title = "Second factor at the border " + UUID.randomUUID().toString().substring(0, 8);
        ItemPage item = ItemFormPage.recommendation(browser, "iq-moi", title, "Vetted with a recent code.", "GREEN");
        String itemPage = PortalStack.portalUrl() + "/item.xhtml?id=" + item.id();
        item.step("submit");
        new ItemPage(browser).signOut();

        String username = newPerson("iom-iq", "vetter");
        KeycloakRealmAdmin.grantRole(username, "agency-admin");
        browser.open(itemPage);
        new KeycloakLoginPage(browser).signIn(username, PASSWORD);
        assertThat(new ItemPage(browser).hasStep("publish")).as("a code just entered").isTrue();

        // the session's code grows older than publishing and administration accept (the suite's max age)
        browser.waitFor(PortalStack.SECOND_FACTOR_MAX_AGE.plus(Browser.WAIT)).pollingEvery(Duration.ofSeconds(2))
                .until(driver -> {
                    driver.get(itemPage);
                    return !driver.findElements(By.id("step-form:confirm-second-factor")).isEmpty();
                });
        assertThat(new ItemPage(browser).hasStep("publish")).isFalse();
        assertThat(browser.text(By.id("step-form:second-factor-to-confirm"))).contains("Publishing asks for a one-time code from the last");
        browser.screenshot("second-factor-to-confirm-publishing");

        browser.driver().get(PortalStack.portalUrl() + "/agency/members.xhtml");
        assertThat(browser.currentUrl()).startsWith(PortalStack.portalUrl() + "/second-factor.xhtml");
        assertThat(browser.text(By.id("second-factor-recent"))).contains("Administration and publishing ask for a one-time code");
        if (AuditEvents.readable()) {
            assertThat(AuditEvents.count(username, "VIEW", "DENIED", "opening /agency/members.xhtml refused: it asks for a second factor"))
                    .isEqualTo(1);
        }
        browser.click(By.id("second-factor:sign-in-again"));
        browser.awaitUrlStartingWith(PortalStack.keycloakUrl() + "/realms/interlink/");
        browser.await(By.id("otp"));
        assertThat(browser.driver().findElements(By.id("password"))).as("the code alone").isEmpty();
        KeycloakLoginPage.enterCode(browser);
        assertThat(browser.currentUrl()).startsWith(PortalStack.portalUrl() + "/agency/members.xhtml");

        browser.open(itemPage);
        item = new ItemPage(browser);
        item.comment("Vetted with a recent code");
        item.step("publish");
        assertThat(new ItemPage(browser).state()).isEqualTo("Published");
    }

    private static final String PASSWORD = "Pw-" + UUID.randomUUID();

    /** A person of the agency made in Keycloak for this journey, with the role (and, if privileged, the demo key). */
    private static String newPerson(String agency, String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakRealmAdmin.createUser(username, agency, role, PASSWORD);
        return username;
    }
}
