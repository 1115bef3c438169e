package org.interlink.journeys;

import org.interlink.devstack.OneTimeCodes;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Keycloak's login pages for the {@code interlink} realm. Organizations make the login
 * identity-first: the username on one page, the password on the next.
 */
public final class KeycloakLoginPage {

    private static final By USERNAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By SUBMIT = By.id("kc-login");
    /** The one-time code page (privileged roles). */
    private static final By CODE = By.id("otp");
    /** The enrolment of an authenticator app: the key (as Keycloak stores it), the first code, the button. */
    private static final By ENROL_SECRET = By.id("totpSecret");
    private static final By ENROL_CODE = By.id("totp");
    private static final By ENROL_SUBMIT = By.id("saveTOTPBtn");
    private static final By NEW_PASSWORD = By.id("password-new");
    private static final By ERROR = By
            .cssSelector("#kc-error-message, #input-error, #input-error-password, .pf-v5-c-helper-text__item-text, .kc-feedback-text");

    private final Browser browser;

    KeycloakLoginPage(Browser browser) {
        this.browser = browser;
        browser.awaitUrlStartingWith(PortalStack.keycloakUrl() + "/realms/interlink/");
        browser.await(USERNAME);
    }

    /** Signs in (with the demo one-time code when Keycloak asks for one) and returns the portal page the login lands on. */
    public PortalPage signIn(String username, String password) {
        enter(username, password);
        answerSecondFactor();
        return new PortalPage(browser);
    }

    /** Enters username and password, up to Keycloak's page for the one-time code, which must come; leaves it there. */
    public void signInUpToTheCode(String username, String password) {
        enter(username, password);
        browser.await(CODE);
    }

    /**
     * Signs in with the password and the demo code, then registers a security key as Keycloak asks (its required
     * action {@code webauthn-register}): the browser's virtual authenticator answers, and the key's label is the one
     * Keycloak proposes.
     */
    public PortalPage signInRegisteringASecurityKey(String username, String password) {
        enter(username, password);
        browser.await(CODE).sendKeys(OneTimeCodes.demo());
        browser.click(SUBMIT);
        browser.click(By.id("registerWebAuthn"));
        browser.waitFor(Browser.WAIT).until(ExpectedConditions.alertIsPresent()).accept();
        return new PortalPage(browser);
    }

    /**
     * Signs in with the password and a security key (the browser's virtual authenticator answers): Keycloak offers the
     * one-time code first (the person's first second factor) and the key under "Try another way".
     */
    public PortalPage signInWithASecurityKey(String username, String password) {
        enter(username, password);
        browser.click(By.id("try-another-way"));
        browser.await(By.xpath("//div[@role='button'][.//h2[not(contains(., 'Authenticator'))]]")).click();
        browser.click(By.id("authenticateWebAuthnButton"));
        return new PortalPage(browser);
    }

    /** On Keycloak's one-time code page: enters the demo code and returns the portal page it lands on. */
    public static PortalPage enterCode(Browser browser) {
        browser.await(CODE).sendKeys(OneTimeCodes.demo());
        browser.click(SUBMIT);
        return new PortalPage(browser);
    }

    /**
     * Answers Keycloak's second factor, if it asks for one once the password is in: the demo one-time code (demo
     * users and the test's privileged people share its key), or, for a privileged person without an authenticator
     * (the production realm makes them enrol at their first sign-in), the enrolment with the key Keycloak offers.
     * Returns once Keycloak is left.
     */
    private void answerSecondFactor() {
        browser.waitFor(Browser.WAIT).until(d -> !d.getCurrentUrl().startsWith(PortalStack.keycloakUrl())
                || !d.findElements(CODE).isEmpty() || !d.findElements(ENROL_SECRET).isEmpty());
        if (!browser.driver().findElements(CODE).isEmpty()) {
            browser.await(CODE).sendKeys(OneTimeCodes.demo());
            browser.click(SUBMIT);
        } else if (!browser.driver().findElements(ENROL_SECRET).isEmpty()) {
            enrol();
        }
    }

    /** Sets up an authenticator on Keycloak's page with the key it offers; returns the button pressed. */
    private WebElement enrol() {
        String secret = browser.driver().findElement(ENROL_SECRET).getAttribute("value");
        browser.await(ENROL_CODE).sendKeys(OneTimeCodes.now(secret));
        WebElement submit = browser.await(ENROL_SUBMIT);
        submit.click();
        return submit;
    }

    /** Tries to sign in with a wrong password; Keycloak keeps the user on its page with a message. */
    public String signInFailing(String username, String password) {
        enter(username, password);
        browser.await(PASSWORD);
        return browser.text(ERROR);
    }

    /**
     * First sign-in of a member the portal created: the one-time password, then Keycloak's "update
     * password" page asks for their own.
     */
    public PortalPage signInFirstTime(String username, String oneTimePassword, String newPassword) {
        enter(username, oneTimePassword);
        // Keycloak's required actions, in its order: a privileged member sets up an authenticator before the password
        for (int page = 0; page < 2; page++) {
            browser.waitFor(Browser.WAIT).until(d -> !d.getCurrentUrl().startsWith(PortalStack.keycloakUrl())
                    || !d.findElements(NEW_PASSWORD).isEmpty() || !d.findElements(ENROL_SECRET).isEmpty());
            if (!browser.driver().findElements(NEW_PASSWORD).isEmpty()) {
                browser.await(NEW_PASSWORD).sendKeys(newPassword);
                browser.await(By.id("password-confirm")).sendKeys(newPassword);
                WebElement submit = browser.await(By.cssSelector("#kc-passwd-update-form [type=submit]"));
                submit.click();
                browser.waitFor(Browser.WAIT).until(ExpectedConditions.stalenessOf(submit));
            } else if (!browser.driver().findElements(ENROL_SECRET).isEmpty()) {
                WebElement submit = enrol();
                browser.waitFor(Browser.WAIT).until(ExpectedConditions.stalenessOf(submit));
            }
        }
        return new PortalPage(browser);
    }

    /**
     * Tries to sign in and is refused by Keycloak (e.g. a disabled account, which Keycloak may refuse
     * on the username page already); returns what Keycloak says.
     */
    public String signInRefused(String username, String password) {
        browser.await(USERNAME).sendKeys(username);
        browser.click(SUBMIT);
        browser.waitFor(Browser.WAIT)
                .until(d -> !d.findElements(PASSWORD).isEmpty() || !d.findElements(ERROR).isEmpty());
        if (browser.driver().findElements(ERROR).isEmpty()) {
            browser.await(PASSWORD).sendKeys(password);
            browser.click(SUBMIT);
        }
        return browser.text(ERROR);
    }

    /**
     * Signs in and answers the language of Keycloak's password page (its {@code html lang}): once
     * Keycloak knows who signs in, it speaks their language.
     */
    public String signInReadingPasswordPageLanguage(String username, String password) {
        browser.await(USERNAME).sendKeys(username);
        browser.click(SUBMIT);
        browser.await(PASSWORD);
        String language = browser.driver().findElement(By.tagName("html")).getAttribute("lang");
        browser.await(PASSWORD).sendKeys(password);
        browser.click(SUBMIT);
        answerSecondFactor();
        new PortalPage(browser);
        return language;
    }

    public boolean asksForUsername() {
        return browser.driver().findElements(USERNAME).stream().anyMatch(e -> e.isDisplayed());
    }

    private void enter(String username, String password) {
        browser.await(USERNAME).sendKeys(username);
        browser.click(SUBMIT);
        browser.await(PASSWORD).sendKeys(password);
        browser.click(SUBMIT);
    }
}
