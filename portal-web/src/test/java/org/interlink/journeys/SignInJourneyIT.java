package org.interlink.journeys;

import org.interlink.devstack.RealmDefinition;
import org.interlink.devstack.RealmDefinition.DemoUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does first: sign in through Keycloak, see who they are and for which agency they
 * act, switch agency, meet the portal's error pages, sign out for real. Each journey has its own
 * browser profile; the stack is shared by the whole suite.
 */
@ExtendWith(PortalStack.class)
class SignInJourneyIT {

    private static final String DEMO = RealmDefinition.DEMO_PASSWORD;

    private Browser browser;
    private String journey;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = new Browser();
        journey = test.getTestMethod().orElseThrow().getName() + test.getDisplayName().replaceAll("\\W+", "-");
    }

    @AfterEach
    void closeBrowser() {
        browser.screenshot(journey);
        browser.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"moi.vetter", "iom.liaison", "donor.observer"})
    void aPersonaSeesWhoTheyAreTheirAgencyAndRoles(String username) {
        DemoUser expected = RealmDefinition.demoUser(username);

        DashboardPage dashboard = signIn(username).dashboard();

        assertThat(dashboard.username()).isEqualTo(username);
        assertThat(dashboard.name()).isEqualTo(expected.displayName());
        assertThat(dashboard.agency()).endsWith("(" + expected.agencies().get(0) + ")");
        assertThat(dashboard.roles()).containsExactlyInAnyOrderElementsOf(expected.roles());
        assertThat(dashboard.callerName()).isEqualTo(expected.displayName());
        assertThat(dashboard.callerUsername()).isEqualTo(username);
        assertThat(dashboard.activeAgency()).isEqualTo(dashboard.agency().replaceAll(" \\(.*\\)$", ""));
        assertThat(dashboard.headerRoles()).hasSameSizeAs(expected.roles());
        assertThat(dashboard.canSwitchAgency()).isFalse();
    }

    @Test
    void aPlatformAdministratorWithoutAgencyIsLetIn() {
        DashboardPage dashboard = signIn("platform.admin").dashboard();

        assertThat(dashboard.agency()).isEqualTo("No agency (platform)");
        assertThat(dashboard.roles()).containsExactly("platform-admin");
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        SignedOutPage signedOut = signIn("moi.official").signOut();

        KeycloakLoginPage login = signedOut.signInAgain();
        assertThat(login.asksForUsername()).isTrue();

        browser.open(PortalStack.portalUrl() + "/");
        assertThat(new KeycloakLoginPage(browser).asksForUsername()).isTrue();
    }

    @Test
    void signingInGivesTheSessionANewIdAndLandsOnTheAskedForPageWithoutCodeOrState() {
        browser.open(PortalStack.portalUrl() + "/search.xhtml?q=passport");
        KeycloakLoginPage login = new KeycloakLoginPage(browser);
        String before = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

        login.signIn("moi.official", DEMO);

        assertThat(browser.currentUrl()).isEqualTo(PortalStack.portalUrl() + "/search.xhtml?q=passport");
        assertThat(browser.driver().manage().getCookieNamed("JSESSIONID").getValue()).as("a new session id").isNotEqualTo(before);
    }

    @Test
    void aScriptSlippedIntoAPageDoesNotRunAndTheBrowserSaysWhy() {
        signIn("moi.official");

        Object ran = ((JavascriptExecutor) browser.driver()).executeScript("var slipped = document.createElement('script');"
                + "slipped.textContent = 'window.slipped = true;'; document.body.appendChild(slipped); return window.slipped === true;");

        assertThat(ran).as("an inline script without the nonce").isEqualTo(false);
        assertThat(browser.policyViolations()).as("the console names the policy")
                .anySatisfy(violation -> assertThat(violation).contains("script-src"));
    }

    @Test
    void aWrongPasswordStaysOnKeycloakWithItsMessage() {
        browser.open(PortalStack.portalUrl() + "/");

        String message = new KeycloakLoginPage(browser).signInFailing("moi.official", "not-the-password");

        assertThat(message).containsIgnoringCase("invalid");
        assertThat(browser.currentUrl()).startsWith(PortalStack.keycloakUrl());
    }

    @Test
    void aPageTheRolesDoNotAllowShowsThePortals403PageWithAWayBack() {
        signIn("moi.official");

        browser.open(PortalStack.portalUrl() + "/admin/agencies.xhtml");
        PortalPage page = new PortalPage(browser);

        assertThat(page.errorCode()).isEqualTo("403");
        assertThat(page.title()).isEqualTo("Access denied");
        assertThat(page.callerUsername()).isEqualTo("moi.official");
        assertThat(page.hasWayBack()).isTrue();
        browser.click(By.id("error-back"));
        assertThat(new PortalPage(browser).dashboard().username()).isEqualTo("moi.official");
    }

    @Test
    void thePlatformAdministratorSeesTheMemberAgencies() {
        signIn("platform.admin");

        browser.open(PortalStack.portalUrl() + "/admin/agencies.xhtml");
        PortalPage page = new PortalPage(browser);

        assertThat(page.title()).isEqualTo("Member agencies");
        // the five demo agencies, and those the administration tests onboarded
        assertThat(browser.driver().findElements(By.cssSelector("#agencies\\:table_data tr"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.text(By.id("agencies:table_data"))).contains("Australian Department of Immigration and Border Protection",
                "INTERPOL", "IOM Iraq", "Iraq Ministry of Interior", "Iraqi Border Points Commission");
    }

    /** One signed-in person meets the portal's own pages for an unknown address, a server error and an expired view. */
    @Test
    void anUnknownAddressAServerErrorAndAnExpiredViewShowThePortalsPages() {
        signIn("iom.liaison");

        browser.open(PortalStack.portalUrl() + "/no-such-page.xhtml");
        PortalPage page = new PortalPage(browser);
        assertThat(page.errorCode()).isEqualTo("404");
        assertThat(page.title()).isEqualTo("Page not found");
        assertThat(page.hasWayBack()).isTrue();

        browser.open(PortalStack.portalUrl() + "/error/500.xhtml");
        page = new PortalPage(browser);
        assertThat(page.errorCode()).isEqualTo("500");
        assertThat(browser.text(By.id("error-time"))).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(page.hasWayBack()).isTrue();

        browser.open(PortalStack.portalUrl() + "/");
        new PortalPage(browser).dashboard();
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]').forEach(i => i.value = 'stale:0');");
        browser.click(By.id("caller-bar:sign-out"));
        page = new PortalPage(browser);
        assertThat(page.title()).isEqualTo("Page expired");
        assertThat(page.hasWayBack()).isTrue();
    }

    @Test
    void aLiaisonOfTwoAgenciesChoosesOneAfterSignInAndSwitches() {
        browser.open(PortalStack.portalUrl() + "/");
        new KeycloakLoginPage(browser).signIn("multi.liaison", DEMO);
        SelectAgencyPage select = new SelectAgencyPage(browser);
        assertThat(select.choices()).containsExactlyInAnyOrder("IOM Iraq", "Iraqi Border Points Commission");

        DashboardPage dashboard = select.choose("iq-bpc");
        assertThat(dashboard.agency()).isEqualTo("Iraqi Border Points Commission (iq-bpc)");
        assertThat(dashboard.activeAgency()).isEqualTo("Iraqi Border Points Commission");

        dashboard.switchTo("iom-iq");
        dashboard = new DashboardPage(browser);
        assertThat(dashboard.agency()).isEqualTo("IOM Iraq (iom-iq)");
        assertThat(dashboard.activeAgency()).isEqualTo("IOM Iraq");

        browser.open(PortalStack.portalUrl() + "/no-such-page.xhtml");
        assertThat(new PortalPage(browser).activeAgency()).isEqualTo("IOM Iraq");
    }

    private PortalPage signIn(String username) {
        browser.open(PortalStack.portalUrl() + "/");
        return new KeycloakLoginPage(browser).signIn(username, DEMO);
    }
}
