package org.interlink.journeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent to forward in the browser: the Ministry publishes an incident for IOM (TLP:AMBER, handling code H2 by
 * default); IOM reads it and asks the Ministry to pass it on to INTERPOL and to the Border Points Commission; the
 * Ministry's vetter finds both in the queue (beside the demo's request about the Safwan summary, left waiting), approves
 * INTERPOL's and declines the other; INTERPOL then reads the incident, offered only the purposes of its agreement with
 * the Ministry. The demo's items are left as they are, so the isolation matrices that run after hold.
 */
@ExtendWith(PortalStack.class)
class ConsentJourneyIT {

    @Test
    void iomAsksTheMinistrysVetterApprovesAndInterpolReadsWithTheAgreementsPurpose() {
        String title = "Forged entry stamps, consent journey " + UUID.randomUUID().toString().substring(0, 6);
        String id;
        try (Browser official = new Browser()) {
            official.signIn("moi.official");
            official.open(PortalStack.portalUrl() + "/record-edit.xhtml");
            ItemFormPage form = new ItemFormPage(official);
            form.choose("record-form:type", "BORDER_INCIDENT");
            form.type("record-form:title", title);
            form.type("record-form:summary", "Entry stamps forged at a land border point, for IOM's protection team.");
            form.date("record-form:referenceDate", "2026-11-30");
            form.type("record-form:location", "Safwan border point");
            form.type("record-form:category", "document fraud");
            form.choose("record-form:marking", "AMBER");
            form.radio("record-form:scope", "NAMED_AGENCIES");
            form.pick("record-form:agencies", "iom-iq");
            ItemPage item = form.save();
            id = item.id();
            item.step("submit");
        }
        try (Browser vetter = new Browser()) {
            vetter.signIn("moi.vetter");
            vetter.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
            ItemPage item = new ItemPage(vetter);
            item.comment("For IOM's protection team");
            item.step("publish");
        }

        try (Browser iom = new Browser()) {
            iom.signIn("iom.liaison");
            iom.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
            ItemPage item = new PurposePage(iom).give("Humanitarian response", "Protection follow-up");
            assertThat(item.title()).isEqualTo(title);
            assertThat(iom.text(By.id("item-handling"))).contains("H2", "No onward dissemination");
            ask(iom, "interpol", "INTERPOL traces the forgers");
            ask(iom, "iq-bpc", "The commission runs the border point");
            iom.screenshot("consent-asked");
        }

        try (Browser vetter = new Browser()) {
            vetter.signIn("moi.vetter");
            vetter.click(By.id("nav-consents"));
            vetter.awaitPortalPage("/consents.xhtml");
            assertThat(vetter.text(By.id("consents:table_data"))).contains("IOM Iraq", "INTERPOL", "Iraqi Border Points Commission",
                    "Waiting", "INTERPOL traces the forgers");
            open(vetter, "INTERPOL traces the forgers");
            vetter.await(By.id("consent:reason")).sendKeys("Our agreement with INTERPOL covers border incidents");
            vetter.click(By.id("consent:approve"));
            vetter.awaitPortalPage("/consents.xhtml");
            assertThat(vetter.text(By.id("opened-status"))).isEqualTo("Approved");
            vetter.screenshot("consent-approved");
            vetter.click(By.id("nav-consents"));
            open(vetter, "The commission runs the border point");
            vetter.await(By.id("consent:reason")).sendKeys("No agreement with the commission yet");
            vetter.click(By.id("consent:decline"));
            vetter.awaitPortalPage("/consents.xhtml");
            assertThat(vetter.text(By.id("opened-status"))).isEqualTo("Declined");
        }

        try (Browser interpol = new Browser()) {
            interpol.signIn("interpol.liaison");
            interpol.open(PortalStack.portalUrl() + "/item.xhtml?id=" + id);
            PurposePage purpose = new PurposePage(interpol);
            assertThat(purpose.reasons()).as("the purposes of the agreement with the Ministry")
                    .containsExactlyInAnyOrder("Border management operations", "Criminal investigation");
            ItemPage item = purpose.give("Criminal investigation", "Forgery network");
            assertThat(item.title()).isEqualTo(title);
            assertThat(item.history()).contains("with the provider's consent").doesNotContain("INTERPOL traces the forgers");
            interpol.screenshot("consent-interpol-reads");
        }
    }

    /** On the item's page, asks its owner to pass it on to {@code agency}. */
    private static void ask(Browser iom, String agency, String reason) {
        new ItemFormPage(iom).choose("consent-form:consent-agency", agency);
        iom.await(By.id("consent-form:consent-reason")).sendKeys(reason);
        iom.click(By.id("consent-form:ask-consent"));
        assertThat(new PortalPage(iom).infoMessage()).contains("sent to the vetters");
    }

    /** Opens the waiting request whose reason is {@code reason} from the list. */
    private static void open(Browser vetter, String reason) {
        String row = vetter.driver().findElements(By.cssSelector("#consents\\:table_data tr")).stream()
                .filter(r -> r.getText().contains(reason) && r.getText().contains("Waiting")).findFirst().orElseThrow()
                .findElement(By.cssSelector(".il-consent-link")).getText();
        vetter.click(By.linkText(row));
        vetter.await(By.id("consent:approve"));
    }
}
