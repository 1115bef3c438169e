package org.interlink.journeys;

import org.openqa.selenium.By;

/** The public page a user lands on after signing out. */
public final class SignedOutPage {

    private final Browser browser;

    SignedOutPage(Browser browser) {
        this.browser = browser;
        browser.awaitUrlStartingWith(PortalStack.portalUrl() + "/signed-out.xhtml");
        browser.await(By.id("signed-out"));
    }

    /** Follows "sign in again", which must lead to Keycloak's login (the SSO session is gone too). */
    public KeycloakLoginPage signInAgain() {
        browser.click(By.id("sign-in-again"));
        return new KeycloakLoginPage(browser);
    }
}
