package org.interlink.sharing.control;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.interlink.Deployments;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.demo.DemoData;
import org.interlink.demo.DemoItem;
import org.interlink.item.entity.ItemId;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.entity.ItemVersion;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation matrix: every demo persona × every demo item (all workflow states) × every read
 * path of the visibility gate, on PostgreSQL, against one table of who may read what
 * ({@link DemoItem#readers()}). A new item or persona is one line of the table. Every cell must hold; the test reports how many it checked.
 */
@ExtendWith(ArquillianExtension.class)
class VisibilityMatrixIT {

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
    DemoData demo;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Test
    void everyPersonaReadsExactlyWhatTheTableSaysAndEveryReadIsAuditedOnce() throws SQLException {
        Map<DemoItem, ItemId> ids = demoItemIds();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (String persona : PERSONAS) {
            Caller caller = caller(persona);
            List<Long> all = ids(audited(failures, persona + " list all", "LIST", hasAgency(caller),
                    () -> gate.list(caller, ItemQuery.of(Listing.ALL), 0, 1000)));
            List<Long> mine = ids(audited(failures, persona + " list mine", "LIST", hasAgency(caller),
                    () -> gate.list(caller, ItemQuery.of(Listing.MY_AGENCY), 0, 1000)));
            List<Long> shared = ids(audited(failures, persona + " list shared", "LIST", hasAgency(caller),
                    () -> gate.list(caller, ItemQuery.of(Listing.SHARED_WITH_MY_AGENCY), 0, 1000)));
            List<Long> queue = ids(audited(failures, persona + " vetting queue", "LIST", hasAgency(caller) && caller.hasRole(Role.VETTER),
                    () -> gate.list(caller, ItemQuery.of(Listing.VETTING_QUEUE), 0, 1000)));
            long count = audited(failures, persona + " count", "LIST", hasAgency(caller), () -> gate.count(caller, ItemQuery.of(Listing.ALL)));
            check(failures, persona, "count", count == all.size(), hasAgency(caller) || all.isEmpty());
            for (Map.Entry<DemoItem, ItemId> entry : ids.entrySet()) {
                DemoItem item = entry.getKey();
                long id = entry.getValue().value();
                boolean reads = readers(item).contains(persona);
                String cell = persona + " × " + item;
                Optional<ItemVersion> found = audited(failures, cell + " find", "VIEW", reads, () -> gate.find(caller, entry.getValue()));
                boolean insider = found.map(v -> caller.activeAgency().map(v.getItem()::isOwnedBy).orElse(false)).orElse(false);
                check(failures, cell, "find", found.isPresent(), reads);
                check(failures, cell, "list all", all.contains(id), reads);
                check(failures, cell, "list my agency", mine.contains(id), reads && insider);
                check(failures, cell, "list shared with my agency", shared.contains(id), reads && !insider);
                check(failures, cell, "versions", !audited(failures, cell + " versions", "HISTORY", reads,
                        () -> gate.versions(caller, entry.getValue())).isEmpty(), reads);
                check(failures, cell, "history", !audited(failures, cell + " history", "HISTORY", reads,
                        () -> gate.history(caller, entry.getValue())).isEmpty(), reads);
                boolean changes = reads && insider;
                long before = lastEventId();
                check(failures, cell, "change", gate.findForChange(caller, entry.getValue()).isPresent(), changes);
                List<String> events = eventsSince(before);
                if (!events.equals(changes ? List.of() : List.of("UPDATE:DENIED"))) {
                    failures.add(cell + " change: audit events " + events);
                }
                boolean vets = insider && caller.hasRole(Role.VETTER) && found.get().getState().name().equals("SUBMITTED")
                        && !found.get().isAuthoredBy(caller.username());
                check(failures, cell, "vetting queue", queue.contains(id), vets);
                cells += 8;
            }
        }
        System.out.printf("Isolation matrix: %d personas × %d items × 8 read paths = %d cells checked, %d unexpected "
                + "(visibility and exactly one audit event of the right outcome per read)%n",
                PERSONAS.size(), ids.size(), cells, failures.size());
        assertThat(failures).as("unexpected cells").isEmpty();
    }

    /** Runs one read and checks that it wrote exactly one audit event, of this action and outcome. */
    private <T> T audited(List<String> failures, String what, String action, boolean allowed, Supplier<T> read) {
        try {
            long before = lastEventId();
            T result = read.get();
            List<String> events = eventsSince(before);
            String expected = action + ":" + (allowed ? "ALLOWED" : "DENIED");
            if (!events.equals(List.of(expected))) {
                failures.add(what + ": audit events " + events + ", expected [" + expected + "]");
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastEventId() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select coalesce(max(id), 0) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> eventsSince(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sql = connection.prepareStatement("select action, outcome from audit_event where id > ? order by id")) {
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

    private static boolean hasAgency(Caller caller) {
        return caller.activeAgency().isPresent();
    }

    @Test
    void othersReadThePublishedVersionWhileTheOwnerWorksOnTheNext() {
        ItemId id = demoItemIds().get(DemoItem.REVISION_IN_DRAFT);

        assertThat(gate.find(caller("iom.liaison"), id)).hasValueSatisfying(v -> assertThat(v.getNumber()).isEqualTo(2));
        assertThat(gate.find(caller("interpol.liaison"), id)).hasValueSatisfying(v -> assertThat(v.getNumber()).isEqualTo(1));
        assertThat(gate.versions(caller("interpol.liaison"), id)).extracting(ItemVersion::getNumber).containsExactly(1);
        assertThat(gate.versions(caller("iom.vetter"), id)).extracting(ItemVersion::getNumber).containsExactly(1, 2);
    }

    @Test
    void otherAgenciesReadTheSupersededVersionInTheHistoryButNoInternalSteps() {
        ItemId id = demoItemIds().get(DemoItem.REVISED_SOP);

        assertThat(gate.versions(caller("donor.observer"), id)).extracting(ItemVersion::getNumber).containsExactly(1, 2);
        assertThat(gate.history(caller("donor.observer"), id)).extracting(e -> e.getAction().name())
                .containsOnly("PUBLISHED");
        assertThat(gate.history(caller("moi.auditor"), id)).extracting(e -> e.getAction().name())
                .contains("DRAFTED", "SUBMITTED", "PUBLISHED", "NEW_VERSION", "EDITED", "SUPERSEDED");
    }

    private static Set<String> readers(DemoItem item) {
        return Arrays.stream(item.readers().split(" ")).flatMap(token -> switch (token) {
            case "MOI" -> MOI.stream();
            case "MOI_VETTERS" -> java.util.stream.Stream.of("moi.vetter");
            case "IOM" -> IOM.stream();
            case "EVERY_AGENCY" -> PERSONAS.stream().filter(p -> !p.equals("platform.admin"));
            default -> java.util.stream.Stream.of(token);
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
                gate.list(caller(owner), new ItemQuery(Listing.MY_AGENCY, null, null, null, item.title(), null, false), 0, 2)
                        .forEach(v -> ids.put(item, new ItemId(v.getItem().getId())));
            }
        }
        assertThat(ids.keySet()).as("every demo item was seeded and found by its owner").containsExactly(DemoItem.values());
        return ids;
    }

    private static List<Long> ids(List<ItemVersion> versions) {
        return versions.stream().map(v -> v.getItem().getId()).toList();
    }

    private static void check(List<String> failures, String cell, String path, boolean actual, boolean expected) {
        if (actual != expected) {
            failures.add(cell + " via " + path + ": " + (actual ? "visible" : "not visible") + ", expected "
                    + (expected ? "visible" : "not visible"));
        }
    }
}
