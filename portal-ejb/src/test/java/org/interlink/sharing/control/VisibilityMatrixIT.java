package org.interlink.sharing.control;

import jakarta.inject.Inject;
import org.interlink.Deployments;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.demo.DemoData;
import org.interlink.demo.DemoItem;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemVersion;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation matrix: every demo persona × every demo item (all workflow states) × every read
 * path of the visibility gate, on PostgreSQL, against one table of who may read what. A new item
 * or persona is one line of the table. Every cell must hold; the test reports how many it checked.
 */
@ExtendWith(ArquillianExtension.class)
class VisibilityMatrixIT {

    /** Who reads which demo item (insiders of the owner agency included). */
    private static final Map<DemoItem, String> WHO_READS = new LinkedHashMap<>();

    static {
        who(DemoItem.LYON_VISIT, "MOI IOM interpol.liaison");
        who(DemoItem.BMIS_RECOMMENDATION, "IOM MOI");
        who(DemoItem.DTM_FIGURES, "EVERY_AGENCY");
        who(DemoItem.BASRA_SOP, "IOM MOI donor.observer multi.liaison@iq-bpc");
        who(DemoItem.SAFWAN_INCIDENT, "MOI IOM");
        who(DemoItem.PASSPORT_ALERT, "moi.official moi.vetter interpol.liaison");
        who(DemoItem.DRAFT_TRAINING, "MOI");
        who(DemoItem.SUBMITTED_EQUIPMENT, "IOM");
        who(DemoItem.RETURNED_RECOMMENDATION, "IOM");
        who(DemoItem.WITHDRAWN_INCIDENT, "MOI");
        who(DemoItem.ARCHIVED_FIGURES, "EVERY_AGENCY");
        who(DemoItem.REVISED_SOP, "EVERY_AGENCY");
        who(DemoItem.REVISION_IN_DRAFT, "IOM MOI interpol.liaison multi.liaison@iq-bpc");
    }

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

    @Test
    void everyPersonaReadsExactlyWhatTheTableSays() {
        Map<DemoItem, ItemId> ids = demoItemIds();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        int expectedDenials = 0;
        DenialCounter denials = DenialCounter.attach();
        try {
            for (String persona : PERSONAS) {
                Caller caller = caller(persona);
                List<Long> all = ids(gate.list(caller, ItemQuery.of(Listing.ALL), 0, 1000));
                List<Long> mine = ids(gate.list(caller, ItemQuery.of(Listing.MY_AGENCY), 0, 1000));
                List<Long> shared = ids(gate.list(caller, ItemQuery.of(Listing.SHARED_WITH_MY_AGENCY), 0, 1000));
                List<Long> queue = ids(gate.list(caller, ItemQuery.of(Listing.VETTING_QUEUE), 0, 1000));
                check(failures, persona, "count", gate.count(caller, ItemQuery.of(Listing.ALL)) == all.size(), true);
                for (Map.Entry<DemoItem, ItemId> entry : ids.entrySet()) {
                    DemoItem item = entry.getKey();
                    long id = entry.getValue().value();
                    boolean reads = readers(item).contains(persona);
                    Optional<ItemVersion> found = gate.find(caller, entry.getValue());
                    boolean insider = found.map(v -> caller.activeAgency().map(v.getItem()::isOwnedBy).orElse(false)).orElse(false);
                    String cell = persona + " × " + item;
                    check(failures, cell, "find", found.isPresent(), reads);
                    check(failures, cell, "list all", all.contains(id), reads);
                    check(failures, cell, "list my agency", mine.contains(id), reads && insider);
                    check(failures, cell, "list shared with my agency", shared.contains(id), reads && !insider);
                    check(failures, cell, "versions", !gate.versions(caller, entry.getValue()).isEmpty(), reads);
                    check(failures, cell, "history", !gate.history(caller, entry.getValue()).isEmpty(), reads);
                    check(failures, cell, "change", gate.findForChange(caller, entry.getValue()).isPresent(), reads && insider);
                    boolean vets = insider && caller.hasRole(Role.VETTER) && found.get().getState().name().equals("SUBMITTED")
                            && !found.get().isAuthoredBy(caller.username());
                    check(failures, cell, "vetting queue", queue.contains(id), vets);
                    cells += 8;
                    if (!reads) {
                        expectedDenials += 4; // find, versions and history (each through find), change
                    } else if (!insider) {
                        expectedDenials += 1; // change: only the owner agency changes an item
                    }
                }
            }
        } finally {
            denials.detach();
        }
        System.out.printf("Isolation matrix: %d personas × %d items × 8 read paths = %d cells checked, %d unexpected%n",
                PERSONAS.size(), ids.size(), cells, failures.size());
        assertThat(failures).as("unexpected cells").isEmpty();
        assertThat(denials.count()).as("every refused reach of an existing item is recorded").isEqualTo(expectedDenials);
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

    private static void who(DemoItem item, String readers) {
        WHO_READS.put(item, readers);
    }

    private static Set<String> readers(DemoItem item) {
        return Arrays.stream(WHO_READS.get(item).split(" ")).flatMap(token -> switch (token) {
            case "MOI" -> MOI.stream();
            case "IOM" -> IOM.stream();
            case "EVERY_AGENCY" -> PERSONAS.stream().filter(p -> !p.equals("platform.admin"));
            default -> java.util.stream.Stream.of(token);
        }).collect(Collectors.toSet());
    }

    private Caller caller(String persona) {
        if (persona.equals("platform.admin")) {
            return Caller.resolve(new Username("platform.admin"), "Paul Okafor", List.of(Role.PLATFORM_ADMIN), List.of(), Optional.empty());
        }
        String[] parts = persona.split("@");
        String agency = parts.length > 1 ? parts[1] : DemoData.persona(parts[0]).agencies().get(0);
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
        assertThat(WHO_READS.keySet()).as("the table has a row for every demo item").containsExactlyInAnyOrder(DemoItem.values());
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

    /** Counts the denials AccessDenials records. */
    static final class DenialCounter extends Handler {

        private static final Logger LOGGER = Logger.getLogger(AccessDenials.class.getName());
        private int count;

        static DenialCounter attach() {
            DenialCounter counter = new DenialCounter();
            LOGGER.addHandler(counter);
            return counter;
        }

        void detach() {
            LOGGER.removeHandler(this);
        }

        int count() {
            return count;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().startsWith("DENIED")) {
                count++;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
