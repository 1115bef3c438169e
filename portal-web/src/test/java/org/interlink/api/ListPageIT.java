package org.interlink.api;

import org.interlink.devstack.PortalSignIn;
import org.interlink.devstack.RealmDefinition;
import org.interlink.journeys.PortalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list page reads its count and its page of rows together (one transaction, one audit event that says both), not
 * one after the other: what the list's throughput under load needed (docs/benchmarks.md).
 */
@ExtendWith(PortalStack.class)
class ListPageIT {

    @Test
    void aListPageIsOneReadOfItsRowsAndItsCount() {
        AuditEvents audit = new AuditEvents(PortalStack.database().orElseThrow());
        PortalSignIn session = new PortalSignIn();
        assertThat(session.signIn(PortalStack.portalUrl(), "moi.official", RealmDefinition.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        long before = audit.last();

        HttpResponse<String> page = session.openAsIs(PortalStack.portalUrl() + "/items.xhtml?view=ALL");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("il-item-link");
        List<String> reads = audit.detailsSince(before, "moi.official").stream().filter(event -> event.startsWith("LIST:")).toList();
        assertThat(reads).as("one read of the list: its first page and its count").hasSize(1);
        assertThat(reads.get(0)).startsWith("LIST:ALLOWED::").contains("view ALL", "rows 0+20 and count");
    }
}
