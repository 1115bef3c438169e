package org.interlink.journeys;

import org.interlink.demo.DemoItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who saw what, and why: an INTERPOL liaison opens the Ministry's AMBER meeting outcome giving a
 * purpose; the Ministry's auditor finds the read, with the purpose, in the access report and in the
 * audit trail filtered by agency, exports it as CSV, and verifies the chain.
 */
@ExtendWith(PortalStack.class)
class AuditJourneyIT {

    private Browser browser;
    private String journey;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = new Browser();
        journey = "audit-" + test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowser() {
        browser.screenshot(journey);
        browser.close();
    }

    @Test
    void aPartnersReadWithItsPurposeIsFoundByTheOwnersAuditor() throws Exception {
        String purpose = "Preparing the data-sharing agreement " + UUID.randomUUID().toString().substring(0, 6);

        browser.signIn("interpol.liaison");
        browser.open(PortalStack.portalUrl() + "/items.xhtml?kind=MEETING_OUTCOME");
        browser.click(By.linkText(DemoItem.LYON_VISIT.title()));
        ItemPage item = new PurposePage(browser).give("Border management operations", purpose);
        assertThat(item.title()).isEqualTo(DemoItem.LYON_VISIT.title());
        String id = item.id();
        new PortalPage(browser).signOut();

        browser.signIn("moi.auditor");
        browser.open(PortalStack.portalUrl() + "/audit/access.xhtml?item=" + id);
        String report = browser.text(By.id("access:reads_data"));
        assertThat(report).contains("interpol.liaison", "interpol", "VIEW", "Border management operations: " + purpose);
        browser.screenshot("audit-access-report");

        browser.open(PortalStack.portalUrl() + "/audit/events.xhtml");
        AuditPage audit = new AuditPage(browser);
        audit.filterByAgency("interpol");
        assertThat(audit.events()).contains("interpol.liaison", purpose);
        assertThat(audit.events()).doesNotContain("iom.liaison");
        // rows are keyed by their place on the page: the events' ids come from one sequence for every agency, and
        // their gaps would count the other agencies' events (an existing item's refusal writes one more than a missing one's)
        List<String> keys = audit.rowKeys();
        assertThat(keys).isNotEmpty();
        assertThat(keys).containsExactlyElementsOf(IntStream.range(0, keys.size()).mapToObj(String::valueOf).toList());

        Path csv = audit.exportCsv();
        String exported = Files.readString(csv);
        assertThat(exported).startsWith("time_utc,chain,seq,actor").contains("interpol.liaison", purpose, "iq-moi");

        assertThat(audit.verify()).contains("chain iq-moi").contains("intact").doesNotContain("broken");
        browser.screenshot("audit-events");
    }

    @Test
    void aWrongPasswordAtKeycloakIsInThePlatformsAuditTrail() {
        browser.open(PortalStack.portalUrl() + "/");
        new KeycloakLoginPage(browser).signInFailing("donor.observer", "not-the-password-" + UUID.randomUUID());
        browser.close();
        browser = new Browser(); // a fresh browser: no half-done Keycloak login left

        browser.signIn("platform.admin");
        browser.open(PortalStack.portalUrl() + "/audit/events.xhtml");
        String events = new AuditPage(browser).awaitEvents("donor.observer", "FAILED", "donor.observer", Duration.ofSeconds(45));
        assertThat(events).contains("SIGN_IN", "FAILED").doesNotContain("ALLOWED");
        browser.screenshot("audit-failed-sign-in");
    }

    @Test
    void theAuditTrailIsForAuditorsOnly() {
        browser.signIn("moi.official");
        browser.open(PortalStack.portalUrl() + "/audit/events.xhtml");
        assertThat(new PortalPage(browser).errorCode()).isEqualTo("403");
    }
}
