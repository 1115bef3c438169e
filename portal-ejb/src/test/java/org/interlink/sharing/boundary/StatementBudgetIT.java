package org.interlink.sharing.boundary;

import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.interlink.Deployments;
import org.interlink.audit.control.AuditMetrics;
import org.interlink.caller.entity.Caller;
import org.interlink.demo.DemoData;
import org.interlink.demo.DemoItem;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.TranslatedText;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many SQL statements the main pages and API calls send, each against a budget: a query repeated per row or
 * asked twice fails here instead of going unnoticed. Each read is measured the second time it runs (the first may
 * fill the shared cache of agencies), on PostgreSQL, over the demo items (which the other tests leave as they are);
 * the audit record each read writes is not among the statements: it goes straight through JDBC (AuditGate, one insert
 * while the lane's last event is this server's; reading a lane's head first goes through EclipseLink and is counted), so
 * the events each piece of work recorded are counted apart (the audit trail's metric), and must be exactly as many as
 * it records. A budget is
 * the count measured when it was set: lower it when a change saves a statement, raise it only with a reason. Measured when set: the item page's visibility query
 * fetches the item and its owner with the version (three statements fewer per item read, links included).
 */
@ExtendWith(ArquillianExtension.class)
class StatementBudgetIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(StatementBudgetIT.class, SqlStatements.class);
    }

    @Inject
    SqlStatements statements;

    @Inject
    MetricRegistry metrics;

    @Inject
    SharedItems shared;

    @Inject
    Attention attention;

    @Inject
    DashboardFigures figures;

    @Inject
    DemoData demo;

    private final Map<String, Integer> measured = new LinkedHashMap<>();
    private final List<String> over = new ArrayList<>();

    @Test
    void theMainPagesAndApiCallsStayWithinTheirBudgets() {
        Caller official = demo.as("moi.official", "iq-moi");
        Caller vetter = demo.as("moi.vetter", "iq-moi");
        Caller interpol = demo.as("interpol.liaison", "interpol");
        ItemId lyon = item(DemoItem.LYON_VISIT, vetter);
        Caller iomVetter = demo.as("iom.vetter", "iom-iq");
        ItemId dtm = item(DemoItem.DTM_FIGURES, iomVetter);

        // the dashboard: the attention tiles, the caller bar's unread count, the charts
        budget("dashboard: needs my attention", 5, 1, () -> attention.counts(vetter));
        budget("caller bar: unread notifications", 1, 0, () -> attention.unread(official));
        // (one of them plans the rest for the caller: VisibilityGate.planForTheCaller)
        budget("dashboard: charts", 4, 1, () -> figures.of(official));
        // a list page and the API's list (one page, its count)
        // (the count's ids and the page read together, one audit event: the list page; the two apart were 4; the rows'
        // translations in one more statement, read with the rows since they are values: 2 before, when the page then read
        // them through ItemVersion's mapping in as many, which the entry below counted)
        budget("list: all items, count and first page, the rows' titles in French", 3, 1,
                () -> shared.page(official, ItemQuery.of(Listing.ALL), 0, 20).rows().stream()
                        .map(v -> TranslatedText.titleIn(v.translations(), "fr", v.title())).toList());
        budget("list: vetting queue", 1, 1, () -> shared.list(iomVetter, ItemQuery.of(Listing.VETTING_QUEUE), 0, 20));
        // (what the API names of each row, read as values: no entity, nothing tracked)
        budget("API: list, one page", 1, 1, () -> shared.listed(interpol, ItemQuery.of(Listing.SHARED_WITH_MY_AGENCY), 0, 21, false));
        // the search page: its facets, then its first page
        ItemQuery border = ItemQuery.of(Listing.ALL).matching("border");
        // each of the two asks the time of its newest matches, between setting and resetting how they are planned
        // (VisibilityGate.newestFirst); the facets of so few matches are counted from one read of them (15 statements before)
        budget("search: facets and first page", 8, 2, () -> {
            shared.facets(official, border);
            return shared.list(official, border, 0, 20);
        });
        budget("export: CSV of a list", 1, 1, () -> shared.export(official, ItemQuery.of(Listing.ALL), "CSV"));
        // the item page (and the API's read): the owner's meeting, another agency's figures, the meeting read by a
        // partner named in it, with its purpose (one statement more: the agreement it is read under, with its purposes)
        budget("item page: the owner's meeting with its links", 6, 1, () -> shared.dossier(official, lyon, null));
        budget("item page: another agency's figures", 4, 1, () -> shared.dossier(official, dtm, null));
        budget("item page: a partner reads the meeting, with a purpose", 7, 1,
                () -> shared.dossier(interpol, lyon, "Border management operations: statement budget"));
        budget("API: history", 4, 1, () -> shared.history(official, lyon, null));
        budget("notifications page: size and first page", 3, 1, () -> {
            attention.inboxSize(official);
            return attention.inbox(official, 0, 20);
        });
        // its rows' titles in the reader's language, as the page shows them: read one row at a time, as they always
        // were (EclipseLink refuses a batch read of them for versions a two-entity select read, EclipseLink-6169), so
        // counted here for three rows (the demo's Ministry official has more)
        budget("notifications page: three rows' titles in French", 5, 1, () -> attention.inbox(official, 0, 3).stream()
                .map(e -> e.version().titleIn("fr")).toList());

        measured.forEach((page, count) -> System.out.printf("statement budget: %3d  %s%n", count, page));
        assertThat(over).as("statements beyond the budget (all measured: %s)", measured).isEmpty();
    }

    /** {@code work}'s statements against {@code budget}, and the audit events it recorded: exactly {@code events}. */
    private void budget(String page, int budget, int events, Supplier<?> work) {
        work.get();
        long before = appended();
        List<String> sent = statements.of(work);
        long recorded = appended() - before;
        measured.put(page, sent.size());
        if (sent.size() > budget) {
            over.add(page + ": " + sent.size() + " statements, budget " + budget + ": " + String.join(" | ", sent));
        }
        if (recorded != events) {
            over.add(page + ": " + recorded + " audit events recorded, expected " + events);
        }
    }

    /** Audit events stored so far (counted as each transaction commits; the work above runs in its own). */
    private long appended() {
        Counter appended = metrics.getCounter(new MetricID(AuditMetrics.APPENDED));
        return appended == null ? 0 : appended.getCount();
    }

    private ItemId item(DemoItem item, Caller owner) {
        return shared.list(owner, new ItemQuery(Listing.MY_AGENCY, null, null, null, item.title(), null, false), 0, 2).stream()
                .map(v -> v.getItem().id()).findFirst().orElseThrow();
    }
}
