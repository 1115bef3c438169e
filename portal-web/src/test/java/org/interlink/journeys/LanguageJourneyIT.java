package org.interlink.journeys;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in English, Arabic and French: a Ministry official switches to Arabic — the whole page
 * turns right to left, in Arabic, without overflowing sideways — and finds Arabic again at the next
 * sign-in; then switches to French.
 */
@ExtendWith(PortalStack.class)
class LanguageJourneyIT {

    private final Browser browser = new Browser();

    @AfterEach
    void closeBrowser() {
        browser.screenshot("language-last-page");
        browser.close();
    }

    @Test
    void anOfficialSwitchesToArabicRightToLeftFindsItAgainAtTheNextSignInThenSwitchesToFrench() {
        String username = "moi.reader-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "Pw-" + UUID.randomUUID();
        KeycloakRealmAdmin.createUser(username, "iq-moi", "official", password);
        browser.open(PortalStack.portalUrl() + "/");
        new KeycloakLoginPage(browser).signIn(username, password).dashboard();
        assertThat(attribute("lang")).isEqualTo("en");
        assertThat(attribute("dir")).isEqualTo("ltr");
        assertThat(browser.text(By.id("nav-dashboard"))).isEqualTo("Dashboard");

        switchTo("ar").dashboard();
        assertThat(attribute("lang")).isEqualTo("ar");
        assertThat(attribute("dir")).isEqualTo("rtl");
        assertThat(browser.text(By.id("nav-dashboard"))).isEqualTo("لوحة المعلومات");
        assertThat(browser.text(By.className("il-title"))).isEqualTo("لوحة المعلومات");
        assertThat(browser.overflowsSideways()).as("the Arabic dashboard at 1366 px").isFalse();
        browser.screenshot("dashboard-ar");

        browser.click(By.id("nav-shared"));
        assertThat(new PortalPage(browser).title()).isEqualTo("ما شورك مع جهتي");
        assertThat(attribute("dir")).isEqualTo("rtl");
        assertThat(browser.overflowsSideways()).as("the Arabic shared list at 1366 px").isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("[id$='table_data'] .il-item-link")).stream().map(WebElement::getText))
                .as("an item with an Arabic title shows it").contains("مصفوفة تتبع النزوح: ٣٫١٨ مليون عراقي نازح منذ كانون الثاني ٢٠١٤");
        assertThat(browser.text(By.cssSelector("[id$='table_data'] tr td:last-child"))).as("dates in Arabic digits, in UTC")
                .matches(".*[\u0660-\u0669].*UTC").doesNotContainPattern("[0-9]");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        assertThat(browser.overflowsSideways()).as("the Arabic shared list at 1280 px").isFalse();
        browser.screenshot("shared-ar");

        // remembered with the person: Arabic again after signing out and in
        assertThat(new PortalPage(browser).signOut().signInAgain().signInReadingPasswordPageLanguage(username, password))
                .as("Keycloak's sign-in speaks the person's language too").isEqualTo("ar");
        assertThat(attribute("dir")).isEqualTo("rtl");
        assertThat(browser.text(By.id("nav-dashboard"))).isEqualTo("لوحة المعلومات");

        switchTo("fr").dashboard();
        assertThat(attribute("lang")).isEqualTo("fr");
        assertThat(attribute("dir")).isEqualTo("ltr");
        assertThat(browser.text(By.id("nav-dashboard"))).isEqualTo("Tableau de bord");
        assertThat(browser.text(By.id("caller-bar:sign-out"))).isEqualTo("Se déconnecter");
        browser.screenshot("dashboard-fr");

        // an item written in English with a French title: a French reader finds and reads the French
        SearchPage search = SearchPage.fromHeader(browser, "DTM");
        assertThat(search.matches()).endsWith("éléments trouvés");
        String dtm = "DTM : 3,18 millions d’Irakiens déplacés depuis janvier 2014";
        assertThat(search.titles()).contains(dtm);
        // the rest of its row in French too, made once as the row was read (ItemRow)
        WebElement row = search.row(dtm);
        assertThat(row.findElement(By.className("il-item-link")).getAttribute("lang")).isEqualTo("fr");
        assertThat(row.getText()).contains("Dossier · ", "Matrice de suivi des déplacements", "Publié", "UTC");
        assertThat(row.findElement(By.className("il-tlp")).getAttribute("title"))
                .isEqualTo("Diffusion non limitée (dans Interlink, chaque page demande une connexion).");
        browser.screenshot("search-fr");
    }

    private PortalPage switchTo(String language) {
        browser.click(By.id("caller-bar:lang-" + language));
        browser.awaitUrlStartingWith(PortalStack.portalUrl());
        browser.awaitLanguage(language);
        return new PortalPage(browser);
    }

    private String attribute(String name) {
        return browser.driver().findElement(By.tagName("html")).getAttribute(name);
    }
}
