package org.interlink.journeys;

import org.interlink.demo.DemoAgreements;
import org.interlink.demo.DemoItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two administrators sign an agreement in the browser and an item becomes visible to the partner; the agreement is
 * terminated and the item is gone for the partner at its next request. IOM's workshop report (TLP:GREEN, shared with
 * the border working group, which INTERPOL belongs to) reaches INTERPOL only under an agreement between IOM and INTERPOL.
 * INTERPOL's administrator has been reminded that the agreement with the Ministry ends soon, and opens it from the reminder.
 */
@ExtendWith(PortalStack.class)
class AgreementsJourneyIT {

    @Test
    void twoAdministratorsSignAnAgreementAndThePartnerReadsTheItemUntilItIsTerminated() {
        String reference = "IOM-INTERPOL-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser iom = new Browser(); Browser interpol = new Browser(); Browser partner = new Browser()) {
            iom.signIn("iom.admin");
            iom.open(PortalStack.portalUrl() + "/items.xhtml?view=MY_AGENCY");
            iom.click(By.linkText(DemoItem.REVISION_IN_DRAFT.title()));
            String report = new ItemPage(iom).id();

            partner.signIn("interpol.liaison");
            partner.open(PortalStack.portalUrl() + "/item.xhtml?id=" + report);
            assertThat(new PortalPage(partner).errorCode()).as("no agreement: not found").isEqualTo("404");

            AgreementsPage register = AgreementsPage.open(iom).draft(reference, "IOM – INTERPOL: workshop reports", "interpol",
                    List.of("TRAINING_REPORT"), "GREEN", List.of("POLICY_AND_ANALYSIS"), LocalDate.now().minusDays(1).toString(),
                    LocalDate.now().plusMonths(6).toString());
            assertThat(register.infoMessage()).contains(reference, "waits for the other parties");
            assertThat(register.openedStatus()).contains("Draft");
            assertThat(register.row(reference)).contains("IOM Iraq", "INTERPOL", "TLP:GREEN")
                    .as("typed as UTF-8 on a page whose filter reads the request first").contains("IOM – INTERPOL: workshop reports");
            iom.screenshot("agreement-drafted");
            partner.open(PortalStack.portalUrl() + "/item.xhtml?id=" + report);
            assertThat(new PortalPage(partner).errorCode()).as("a draft covers nothing").isEqualTo("404");

            interpol.signIn("interpol.admin");
            assertThat(new PortalPage(interpol).unreadNotifications()).as("the reminder of the agreement with the Ministry")
                    .isPositive();
            NotificationsPage reminders = new PortalPage(interpol).notifications();
            assertThat(reminders.aboutAgreements()).contains("DSA-MOI-INTERPOL-2026",
                    "in " + DemoAgreements.INTERPOL_DAYS_LEFT + " days");
            interpol.screenshot("agreement-reminder");
            assertThat(reminders.openAgreement("DSA-MOI-INTERPOL-2026").openedTitle()).startsWith("DSA-MOI-INTERPOL-2026");
            AgreementsPage countersigned = AgreementsPage.open(interpol).openAgreement(reference).countersign();
            assertThat(countersigned.infoMessage()).contains(reference, "active");
            assertThat(countersigned.openedStatus()).isEqualTo("Active");
            interpol.screenshot("agreement-active");

            partner.open(PortalStack.portalUrl() + "/item.xhtml?id=" + report);
            assertThat(new ItemPage(partner).title()).as("read under the agreement").isEqualTo(DemoItem.REVISION_IN_DRAFT.title());

            AgreementsPage terminated = AgreementsPage.open(iom).openAgreement(reference).terminate("The workshop series ended");
            assertThat(terminated.openedStatus()).isEqualTo("Terminated");
            partner.open(PortalStack.portalUrl() + "/item.xhtml?id=" + report);
            assertThat(new PortalPage(partner).errorCode()).as("gone at the next request").isEqualTo("404");
        }
    }
}
