package org.interlink.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages checked by axe-core in the browser against WCAG 2.1 A and AA (labels, names, contrast,
 * landmarks, language, ARIA …), in English and in Arabic, for each kind of user — and none of them
 * wider than the window at 1280 px nor at 390 px (a phone); the Arabic pages right to left. And the
 * keyboard: a skip link first, then the page's content, a search typed and sent without a mouse.
 */
@ExtendWith(PortalStack.class)
class AccessibilityJourneyIT {

    private final Browser browser = new Browser();
    private final List<String> violations = new ArrayList<>();

    @AfterEach
    void closeBrowser() {
        browser.screenshot("accessibility-last-page");
        browser.close();
    }

    @Test
    void theOfficialsPagesPassAxeInEnglishAndArabic() {
        browser.signInAsNewPerson("iq-moi", "official");
        List<String> pages = List.of("/", "/items.xhtml?view=SHARED_WITH_MY_AGENCY", "/items.xhtml?kind=RECORD",
                "/search.xhtml?q=border", "/record-edit.xhtml", "/notifications.xhtml");
        pages.forEach(this::check);
        browser.open(PortalStack.portalUrl() + "/items.xhtml?kind=RECORD");
        browser.click(By.cssSelector(".il-item-link"));
        browser.await(By.className("il-title"));
        checkCurrent("item page", browser);

        switchToArabic(browser);
        pages.forEach(this::check);
        browser.open(PortalStack.portalUrl() + "/");
        browser.await(By.cssSelector("#chart-shared canvas"));
        browser.screenshot("dashboard-ar-official");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.screenshot("dashboard-ar-390");

        assertThat(violations).as("axe-core violations").isEmpty();
    }

    @Test
    void theAuditorsAndAdministratorsPagesPassAxeInEnglishAndArabic() {
        browser.signInAsNewPerson("iq-moi", "auditor");
        List<String> auditPages = List.of("/audit/events.xhtml", "/audit/access.xhtml");
        auditPages.forEach(this::check);
        switchToArabic(browser);
        auditPages.forEach(this::check);
        browser.screenshot("audit-ar");
        try (Browser admin = new Browser()) {
            admin.signInAsNewPerson("iq-moi", "agency-admin");
            check("/agency/members.xhtml", admin);
            switchToArabic(admin);
            check("/agency/members.xhtml", admin);
            admin.screenshot("members-ar");
        }
        try (Browser platform = new Browser()) {
            platform.signIn("platform.admin");
            check("/admin/agencies.xhtml", platform);
            switchToArabic(platform);
            try {
                check("/admin/agencies.xhtml", platform);
                platform.screenshot("agencies-ar");
            } finally {
                // a demo persona other journeys expect in English
                platform.click(By.id("caller-bar:lang-en"));
                platform.awaitLanguage("en");
            }
        }
        assertThat(violations).as("axe-core violations").isEmpty();
    }

    @Test
    void aKeyboardUserSkipsToTheContentAndSearchesWithoutAMouse() {
        browser.signIn("iom.liaison");
        browser.open(PortalStack.portalUrl() + "/");
        browser.await(By.className("il-title"));

        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement first = browser.driver().switchTo().activeElement();
        assertThat(first.getAttribute("id")).as("the first Tab reaches the skip link").isEqualTo("skip-to-content");
        assertThat(first.isDisplayed()).as("and shows it").isTrue();
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement inContent = browser.driver().switchTo().activeElement();
        assertThat(inContent.findElements(By.xpath("ancestor::main"))).as("the next Tab is in the page's content, past the header")
                .isNotEmpty();

        // to the header's search box by Tab alone, then type and send with Enter
        browser.open(PortalStack.portalUrl() + "/");
        browser.await(By.className("il-title"));
        WebElement focused = null;
        for (int tab = 0; tab < 15; tab++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            focused = browser.driver().switchTo().activeElement();
            if ("header-search-terms".equals(focused.getAttribute("id"))) {
                break;
            }
        }
        assertThat(focused.getAttribute("id")).as("the search box is reached by Tab").isEqualTo("header-search-terms");
        new Actions(browser.driver()).sendKeys("border" + Keys.ENTER).perform();
        SearchPage search = new SearchPage(browser);
        assertThat(search.titles()).isNotEmpty();
    }

    private static void switchToArabic(Browser on) {
        on.click(By.id("caller-bar:lang-ar"));
        on.awaitLanguage("ar");
    }

    private void check(String path) {
        check(path, browser);
    }

    /** Opens the page at {@code path} and checks it (see {@link #checkCurrent}). */
    private void check(String path, Browser on) {
        on.open(PortalStack.portalUrl() + path);
        on.await(By.className("il-title"));
        checkCurrent(path, on);
    }

    /** axe-core on the page as it is, then its width at 1280 and 390 px; every finding is collected. */
    private void checkCurrent(String what, Browser on) {
        String language = on.driver().findElement(By.tagName("html")).getAttribute("lang");
        String page = what + " [" + language + ", " + on.driver().findElement(By.tagName("html")).getAttribute("dir") + "]";
        if (!on.driver().findElements(By.id("error-code")).isEmpty()) {
            violations.add(page + ": an error page (" + on.text(By.id("error-code")) + ")");
        }
        on.accessibilityViolations().forEach(v -> violations.add(page + ": " + v));
        for (int width : new int[]{1280, 390}) {
            on.driver().manage().window().setSize(new Dimension(width, 900));
            if (on.overflowsSideways()) {
                violations.add(page + ": wider than the window at " + width + " px");
                on.screenshot("overflow-" + width + "-" + what.replaceAll("[^a-z]+", "-"));
            }
        }
        on.driver().manage().window().setSize(new Dimension(1366, 900));
    }
}
