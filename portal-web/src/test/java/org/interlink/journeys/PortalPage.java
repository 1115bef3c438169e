package org.interlink.journeys;

import org.openqa.selenium.By;

import java.util.Arrays;
import java.util.List;

/** Any portal page: the header every page shares (who, acting for which agency, roles, sign-out). */
public class PortalPage {

    protected final Browser browser;

    PortalPage(Browser browser) {
        this.browser = browser;
        browser.awaitUrlStartingWith(PortalStack.portalUrl());
        browser.await(By.className("il-title"));
    }

    public String title() {
        return browser.text(By.className("il-title"));
    }

    public String callerName() {
        return browser.text(By.id("caller-bar:caller-name"));
    }

    public String callerUsername() {
        return browser.text(By.id("caller-bar:caller-username")).replaceAll("[()]", "").trim();
    }

    public String activeAgency() {
        return browser.text(By.id("caller-bar:active-agency"));
    }

    public List<String> headerRoles() {
        return browser.driver().findElements(By.cssSelector("#caller-roles .il-role")).stream()
                .map(e -> e.getText().trim()).toList();
    }

    public boolean canSwitchAgency() {
        return !browser.driver().findElements(By.id("caller-bar:switch-agency")).isEmpty();
    }

    /** Uses the header's agency switch. */
    public PortalPage switchTo(String agencyCode) {
        browser.click(By.id("caller-bar:switch-agency_button"));
        browser.click(By.cssSelector(".switch-to-" + agencyCode + " a, a.switch-to-" + agencyCode));
        return new PortalPage(browser);
    }

    public DashboardPage dashboard() {
        return new DashboardPage(browser);
    }

    /** The unread count in the header (0 when it shows none). */
    public int unreadNotifications() {
        return browser.driver().findElements(By.id("caller-bar:unread-count")).stream().findFirst()
                .map(e -> Integer.parseInt(e.getText().trim())).orElse(0);
    }

    public NotificationsPage notifications() {
        browser.click(By.id("caller-bar:nav-notifications"));
        return new NotificationsPage(browser);
    }

    public SignedOutPage signOut() {
        browser.click(By.id("caller-bar:sign-out"));
        return new SignedOutPage(browser);
    }

    /** The error message the page shows (a refused action). */
    public String errorMessage() {
        return browser.text(By.cssSelector(".ui-messages-error"));
    }

    /** The information message the page shows after an action (growl). */
    public String infoMessage() {
        return browser.text(By.cssSelector(".ui-growl-message"));
    }

    /** The error code shown by one of the portal's error pages. */
    public String errorCode() {
        return browser.text(By.id("error-code"));
    }

    public boolean hasWayBack() {
        return browser.await(By.id("error-back")).getAttribute("href").endsWith("/index.xhtml")
                || browser.await(By.id("error-back")).getAttribute("href").endsWith("/");
    }

    static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
