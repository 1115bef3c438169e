package org.interlink.sharing.control;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.assertj.core.api.Assertions;
import org.interlink.Deployments;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.demo.DemoData;
import org.interlink.demo.DemoItem;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.entity.Facets;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.ListedVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.TranslatedText;
import org.interlink.meeting.entity.ActionItem;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.sharing.boundary.DashboardFigures;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation matrix: every demo persona × every demo item (all workflow states) × every read
 * path of the visibility gate, on PostgreSQL, against one table of who may read what
 * ({@link DemoItem#readers()}). A new item or persona is one line of the table. Every cell must hold; the test reports how many it checked.
 */
@ExtendWith(ArquillianExtension.class)
class VisibilityMatrixIT {

    /** Given for every history read: some items read need one (another agency's TLP:AMBER or RED edition). */
    private static final String PURPOSE = "Border management operations: reading the history (test)";

    private static final List<String> MOI = List.of("moi.official", "moi.vetter", "moi.auditor");
    private static final List<String> IOM = List.of("iom.liaison", "iom.vetter", "multi.liaison@iom-iq");
    private static final List<String> PERSONAS = List.of("moi.official", "moi.vetter", "moi.auditor", "iom.liaison",
            "iom.vetter", "multi.liaison@iom-iq", "multi.liaison@iq-bpc", "interpol.liaison", "donor.observer",
            "platform.admin");

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(VisibilityMatrixIT.class);
    }

    @Inject
    VisibilityGate gate;

    @Inject
    SharedItems sharedItems;

    @Inject
    DemoData demo;

    @Inject
    DashboardFigures figures;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Test
    void everyPersonaReadsExactlyWhatTheTableSaysAndEveryReadIsAuditedOnce() throws SQLException {
        Map<DemoItem, ItemId> ids = demoItemIds();
        Map<Long, String> owners = ownerCodes();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (String persona : PERSONAS) {
            Caller caller = caller(persona);
            List<Long> all = ids(audited(failures, persona + " list all", "LIST", hasAgency(caller),
                    () -> sharedItems.list(caller, ItemQuery.of(Listing.ALL), 0, 1000)));
            List<Long> mine = ids(audited(failures, persona + " list mine", "LIST", hasAgency(caller),
                    () -> sharedItems.list(caller, ItemQuery.of(Listing.MY_AGENCY), 0, 1000)));
            List<Long> shared = ids(audited(failures, persona + " list shared", "LIST", hasAgency(caller),
                    () -> sharedItems.list(caller, ItemQuery.of(Listing.SHARED_WITH_MY_AGENCY), 0, 1000)));
            List<Long> queue = ids(audited(failures, persona + " vetting queue", "LIST", hasAgency(caller) && caller.hasRole(Role.VETTER),
                    () -> sharedItems.list(caller, ItemQuery.of(Listing.VETTING_QUEUE), 0, 1000)));
            // what the list pages and the API read (rows as values, their translations): the same items as list()
            for (Listing view : Listing.values()) {
                boolean uses = hasAgency(caller) && (view != Listing.VETTING_QUEUE || caller.hasRole(Role.VETTER));
                List<String> versions = sharedItems.list(caller, ItemQuery.of(view), 0, 1000).stream()
                        .map(v -> row(v.getId(), v.getTitle(), v.getSummary(), v.getLanguage(), v.texts().others())).toList();
                List<ListedVersion> listed = audited(failures, persona + " " + view + " listed", "LIST", uses,
                        () -> sharedItems.listed(caller, ItemQuery.of(view), 0, 1000, true));
                check(failures, persona, view + " listed as values", listed.stream()
                        .map(v -> row(v.versionId(), v.title(), v.summary(), v.language(), v.translations())).toList().equals(versions),
                        true);
                List<ListedVersion> page = audited(failures, persona + " " + view + " page", "LIST", uses,
                        () -> sharedItems.page(caller, ItemQuery.of(view), 0, 1000).rows());
                check(failures, persona, view + " page as values", page.equals(listed), true);
            }
            long count = audited(failures, persona + " count", "LIST", hasAgency(caller),
                    () -> sharedItems.count(caller, ItemQuery.of(Listing.ALL)));
            check(failures, persona, "count", count == all.size(), hasAgency(caller) || all.isEmpty());
            for (Map.Entry<DemoItem, ItemId> entry : ids.entrySet()) {
                DemoItem item = entry.getKey();
                long id = entry.getValue().value();
                boolean reads = readers(item).contains(persona);
                String cell = persona + " × " + item;
                // a refused read of another agency's item leaves its owner a record of its own (what the caller's agency reads is checked first)
                boolean ownerRecord = !reads && !caller.activeAgency().map(a -> a.getCode().value().equals(owners.get(id))).orElse(false);
                Optional<ItemVersion> read = audited(failures, cell + " find", "VIEW", reads, ownerRecord,
                        () -> sharedItems.find(caller, entry.getValue()));
                boolean insider = read.map(v -> caller.activeAgency().map(v.getItem()::isOwnedBy).orElse(false)).orElse(false);
                check(failures, cell, "find", read.isPresent(), reads);
                check(failures, cell, "list all", all.contains(id), reads);
                check(failures, cell, "list my agency", mine.contains(id), reads && insider);
                check(failures, cell, "list shared with my agency", shared.contains(id), reads && !insider);
                check(failures, cell, "versions", !audited(failures, cell + " versions", "HISTORY", reads, ownerRecord,
                        () -> sharedItems.versions(caller, entry.getValue())).isEmpty(), reads);
                check(failures, cell, "history", !audited(failures, cell + " history", "HISTORY", reads, ownerRecord,
                        () -> sharedItems.history(caller, entry.getValue(), PURPOSE)).isEmpty(), reads);
                boolean changes = reads && insider;
                long before = lastEventId();
                check(failures, cell, "change", gate.findForChange(caller, entry.getValue()).isPresent(), changes);
                List<String> events = eventsSince(before);
                List<String> ownersRecord = ownerRecordsSince(before);
                boolean foreign = !caller.activeAgency().map(a -> a.getCode().value().equals(owners.get(id))).orElse(false);
                if (!events.equals(changes ? List.of() : List.of("UPDATE:DENIED"))
                        || !ownersRecord.equals(foreign ? List.of("UPDATE:DENIED") : List.of())) {
                    failures.add(cell + " change: audit events " + events + ", the owner's own " + ownersRecord);
                }
                boolean vets = insider && caller.hasRole(Role.VETTER) && read.get().getState().name().equals("SUBMITTED")
                        && !read.get().isAuthoredBy(caller.username());
                check(failures, cell, "vetting queue", queue.contains(id), vets);
                List<Long> found = ids(audited(failures, cell + " search", "SEARCH", hasAgency(caller), false,
                        () -> sharedItems.list(caller, ItemQuery.of(Listing.ALL).matching("\"" + item.title() + "\""), 0, 100)));
                check(failures, cell, "search by its title", found.contains(id), reads);
                cells += 9;
            }
        }
        System.out.printf("Isolation matrix: %d personas × %d items × 9 read paths = %d cells checked, %d unexpected "
                + "(visibility and exactly one audit event of the right outcome per read)%n",
                PERSONAS.size(), ids.size(), cells, failures.size());
        assertThat(failures).as("unexpected cells").isEmpty();
    }

    /** Runs one read and checks that it wrote exactly one audit event, of this action and outcome. */
    private <T> T audited(List<String> failures, String what, String action, boolean allowed, Supplier<T> read) {
        return audited(failures, what, action, allowed, false, read);
    }

    /**
     * Runs one read and checks that it wrote exactly one audit event of this action and outcome as the caller's
     * agency reads the trail and, when {@code ownerRecord}, one refusal more that only the item's owner reads.
     */
    private <T> T audited(List<String> failures, String what, String action, boolean allowed, boolean ownerRecord,
            Supplier<T> read) {
        try {
            long before = lastEventId();
            T result = read.get();
            List<String> events = eventsSince(before);
            List<String> ownersRecord = ownerRecordsSince(before);
            String expected = action + ":" + (allowed ? "ALLOWED" : "DENIED");
            if (!events.equals(List.of(expected)) || !ownersRecord.equals(ownerRecord ? List.of(action + ":DENIED") : List.of())) {
                failures.add(what + ": audit events " + events + ", expected [" + expected + "]; the owner's own " + ownersRecord
                        + (ownerRecord ? ", expected one" : ", expected none"));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastEventId() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select coalesce(max(id), 0) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The events after {@code id} as the actor's agency reads the trail (see AuditTrail). */
    private List<String> eventsSince(long id) throws SQLException {
        return events("select action, outcome from audit_event where id > ? and (item_owner is null or item_owner = actor_agency"
                + " or outcome <> 'DENIED') order by id", id);
    }

    /** The refusals after {@code id} recorded for the owner agency of another agency's item only. */
    private List<String> ownerRecordsSince(long id) throws SQLException {
        return events("select action, outcome from audit_event where id > ? and item_owner is not null"
                + " and (actor_agency is null or item_owner <> actor_agency) and outcome = 'DENIED' order by id", id);
    }

    private List<String> events(String query, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement sql = connection.prepareStatement(query)) {
            sql.setLong(1, id);
            List<String> events = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + ":" + rows.getString(2));
                }
            }
            return events;
        }
    }

    /** The code of each item's owner agency, by item id. */
    private Map<Long, String> ownerCodes() throws SQLException {
        Map<Long, String> owners = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select i.id, a.code from item i join agency a on a.id = i.owner_agency_id")) {
            while (rows.next()) {
                owners.put(rows.getLong(1), rows.getString(2));
            }
        }
        return owners;
    }

    private static boolean hasAgency(Caller caller) {
        return caller.activeAgency().isPresent();
    }

    @Test
    void aWordOnlyInAnItemTheCallerMayNotSeeFindsNothingNotEvenInTheCounts() throws SQLException {
        ItemQuery trebil = ItemQuery.of(Listing.ALL).matching("Trebil");
        Caller outsider = caller("iom.liaison");
        long before = lastEventId();

        assertThat(sharedItems.list(outsider, trebil, 0, 20)).isEmpty();
        assertThat(sharedItems.count(outsider, trebil)).isZero();
        Facets facets = sharedItems.facets(outsider, trebil);
        assertThat(facets.total()).isZero();
        assertThat(facets.kinds()).isEmpty();
        assertThat(facets.markings()).isEmpty();
        assertThat(facets.states()).isEmpty();
        assertThat(facets.owners()).isEmpty();
        assertThat(facets.changedWithin().values()).containsOnly(0L);
        assertThat(eventsSince(before)).as("every search recorded").containsExactly("SEARCH:ALLOWED", "SEARCH:ALLOWED", "SEARCH:ALLOWED");

        Caller owner = caller("moi.official");
        assertThat(sharedItems.list(owner, trebil, 0, 20)).extracting(ItemVersion::getTitle)
                .containsExactly(DemoItem.WITHDRAWN_INCIDENT.title());
        Facets ownFacets = sharedItems.facets(owner, trebil);
        assertThat(ownFacets.total()).isEqualTo(1);
        assertThat(ownFacets.kinds()).containsExactly(Map.entry(ItemKind.RECORD, 1L));
        assertThat(ownFacets.owners()).extracting(o -> o.code().value()).containsExactly("iq-moi");
    }

    @Test
    void anExportNeverHoldsRedItemsAndIsRecordedOnceWithItsItems() throws SQLException {
        Caller vetter = caller("moi.vetter");
        ItemQuery all = ItemQuery.of(Listing.ALL);
        List<ItemVersion> listed = sharedItems.list(vetter, all, 0, 1000);
        assertThat(listed).extracting(ItemVersion::getTitle).as("the vetter reads the RED alert in the list")
                .contains(DemoItem.PASSPORT_ALERT.title());
        long before = lastEventId();

        List<ItemVersion> exported = sharedItems.export(vetter, all, "CSV");

        assertThat(exported).extracting(ItemVersion::getMarking).doesNotContain(Marking.RED);
        assertThat(exported).extracting(ItemVersion::getId)
                .containsExactlyElementsOf(listed.stream().filter(v -> v.getMarking() != Marking.RED)
                        .map(ItemVersion::getId).toList());
        assertThat(eventsSince(before)).containsExactly("EXPORT:ALLOWED");
        assertThat(sharedItems.export(vetter, all.marked(Marking.RED), "PDF")).as("not even when asked for").isEmpty();
        assertThat(sharedItems.export(caller("iom.liaison"), ItemQuery.of(Listing.VETTING_QUEUE), "CSV")).isEmpty();
        assertThat(eventsSince(before)).containsExactly("EXPORT:ALLOWED", "EXPORT:ALLOWED", "EXPORT:DENIED");
    }

    @Test
    void theDashboardChartsCountWhatTheListsShowEachPersonaThroughTheGate() {
        Instant windowStart = YearMonth.now(ZoneOffset.UTC).minusMonths(DashboardFigures.MONTHS - 1L)
                .atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (String persona : PERSONAS) {
            Caller caller = caller(persona);
            DashboardFigures.Figures counted = figures.of(caller);
            assertThat(counted.sharedByMonth()).as("twelve months").hasSize(DashboardFigures.MONTHS);

            long shared = sharedItems.list(caller, ItemQuery.of(Listing.SHARED_WITH_MY_AGENCY), 0, 1000).stream()
                    .filter(v -> v.getPublishedAt().map(at -> !at.isBefore(windowStart)).orElse(false)).count();
            assertThat(counted.sharedByMonth().values().stream().flatMap(kinds -> kinds.values().stream()).mapToLong(Long::longValue).sum())
                    .as(persona + ": shared with my agency, last twelve months").isEqualTo(shared);

            List<ItemVersion> published = sharedItems.list(caller, ItemQuery.of(Listing.ALL), 0, 1000).stream()
                    .filter(v -> WorkflowState.shared().contains(v.getState())).toList();
            Map<FollowUpStatus, Long> decisions = published.stream()
                    .filter(v -> v instanceof RecommendationVersion)
                    .collect(Collectors.groupingBy(v -> ((RecommendationVersion) v).getFollowUp(),
                            Collectors.counting()));
            assertThat(counted.recommendations()).as(persona + ": recommendations by decision").isEqualTo(decisions);

            Map<ActionStatus, Long> actions = published.stream()
                    .filter(v -> v instanceof MeetingVersion)
                    .flatMap(v -> ((MeetingVersion) v).getActionItems().stream())
                    .filter(a -> caller.activeAgency().map(agency -> agency.equals(a.getOwner())).orElse(false))
                    .collect(Collectors.groupingBy(ActionItem::getStatus, Collectors.counting()));
            assertThat(counted.actionItems()).as(persona + ": my agency's action items by status").isEqualTo(actions);
        }
        assertThat(figures.of(caller("moi.official")).recommendations().values().stream().mapToLong(Long::longValue).sum())
                .as("the demo has recommendations the Ministry reads").isPositive();
    }

    @Test
    void facetsCountEachValueWithTheOtherFiltersButNotTheirOwn() {
        Caller caller = caller("moi.vetter");
        ItemQuery border = ItemQuery.of(Listing.ALL).matching("border");
        Facets all = sharedItems.facets(caller, border);
        assertThat(all.total()).isEqualTo(all.kinds().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(1);
        assertThat(sharedItems.count(caller, border)).isEqualTo(all.total());

        ItemKind kind = all.kinds().keySet().iterator().next();
        Facets narrowed = sharedItems.facets(caller, border.ofKind(kind));
        assertThat(narrowed.total()).isEqualTo(all.kinds().get(kind));
        assertThat(narrowed.kinds()).as("the kind facet ignores the kind filter").isEqualTo(all.kinds());
        assertThat(narrowed.markings().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(narrowed.total());
        assertThat(sharedItems.list(caller, border.ofKind(kind), 0, 100)).hasSize((int) narrowed.total())
                .allSatisfy(v -> assertThat(v.getItem().getKind()).isEqualTo(kind));
    }

    @Test
    void searchTermsReadAsAWebSearchAndOverlongTermsAreRefused() {
        Caller caller = caller("moi.vetter");
        assertThat(sharedItems.list(caller, ItemQuery.of(Listing.ALL).matching("Trebil fraud"), 0, 20)).hasSize(1);
        assertThat(sharedItems.list(caller, ItemQuery.of(Listing.ALL).matching("Trebil -fraud"), 0, 20)).isEmpty();
        assertThat(sharedItems.list(caller, ItemQuery.of(Listing.ALL).matching("\"fraud Trebil\""), 0, 20)).isEmpty();
        assertThat(sharedItems.list(caller, ItemQuery.of(Listing.ALL).matching("trebil OR zzzunknown"), 0, 20)).hasSize(1);
        assertThat(sharedItems.list(caller, ItemQuery.of(Listing.ALL).matching("'; drop table item_version; --"), 0, 20)).isEmpty();
        Assertions.assertThatThrownBy(() -> ItemQuery.of(Listing.ALL).matching("x".repeat(ItemQuery.MAX_TERMS + 1)))
                .isInstanceOf(ItemQuery.TermsTooLong.class);
    }

    @Test
    void othersReadThePublishedVersionWhileTheOwnerWorksOnTheNext() {
        ItemId id = demoItemIds().get(DemoItem.REVISION_IN_DRAFT);

        assertThat(sharedItems.find(caller("iom.liaison"), id)).hasValueSatisfying(v -> assertThat(v.getNumber()).isEqualTo(2));
        assertThat(sharedItems.find(caller("moi.official"), id)).hasValueSatisfying(v -> assertThat(v.getNumber()).isEqualTo(1));
        assertThat(sharedItems.versions(caller("moi.official"), id)).extracting(ItemVersion::getNumber).containsExactly(1);
        assertThat(sharedItems.versions(caller("iom.vetter"), id)).extracting(ItemVersion::getNumber).containsExactly(1, 2);
    }

    @Test
    void otherAgenciesReadTheSupersededVersionInTheHistoryButNoInternalSteps() {
        ItemId id = demoItemIds().get(DemoItem.REVISED_SOP);

        assertThat(sharedItems.versions(caller("interpol.liaison"), id)).extracting(ItemVersion::getNumber).containsExactly(1, 2);
        assertThat(sharedItems.history(caller("interpol.liaison"), id, PURPOSE)).extracting(e -> e.getAction().name())
                .containsOnly("PUBLISHED");
        assertThat(sharedItems.history(caller("moi.auditor"), id, PURPOSE)).extracting(e -> e.getAction().name())
                .contains("DRAFTED", "SUBMITTED", "PUBLISHED", "NEW_VERSION", "EDITED", "SUPERSEDED");
    }

    private static Set<String> readers(DemoItem item) {
        return Arrays.stream(item.readers().split(" ")).flatMap(token -> switch (token) {
            case "MOI" -> MOI.stream();
            case "MOI_VETTERS" -> Stream.of("moi.vetter");
            case "IOM" -> IOM.stream();
            case "EVERY_AGENCY" -> PERSONAS.stream().filter(p -> !p.equals("platform.admin"));
            default -> Stream.of(token);
        }).collect(Collectors.toSet());
    }

    private Caller caller(String persona) {
        String[] parts = persona.split("@");
        String agency = parts.length > 1 ? parts[1] : DemoData.persona(parts[0]).agencies().stream().findFirst().orElse(null);
        return demo.as(parts[0], agency);
    }

    private Map<DemoItem, ItemId> demoItemIds() {
        Map<DemoItem, ItemId> ids = new LinkedHashMap<>();
        for (DemoItem item : DemoItem.values()) {
            for (String owner : List.of("moi.vetter", "iom.vetter")) {
                sharedItems.list(caller(owner), new ItemQuery(Listing.MY_AGENCY, null, null, null, item.title(), null, false), 0, 2)
                        .forEach(v -> ids.put(item, new ItemId(v.getItem().getId())));
            }
        }
        assertThat(ids.keySet()).as("every demo item was seeded and found by its owner").containsExactly(DemoItem.values());
        return ids;
    }

    private static List<Long> ids(List<ItemVersion> versions) {
        return versions.stream().map(v -> v.getItem().getId()).toList();
    }

    /** A row of a list as text: the version, its texts as written and in every other language. */
    private static String row(Long version, String title, String summary, String language, Map<String, TranslatedText> others) {
        return version + " " + title + " " + summary + " " + language + " " + new TreeMap<>(others).entrySet().stream()
                .map(text -> text.getKey() + ": " + text.getValue().getTitle() + " / " + text.getValue().getSummary()).toList();
    }

    private static void check(List<String> failures, String cell, String path, boolean actual, boolean expected) {
        if (actual != expected) {
            failures.add(cell + " via " + path + ": " + (actual ? "visible" : "not visible") + ", expected "
                    + (expected ? "visible" : "not visible"));
        }
    }
}
