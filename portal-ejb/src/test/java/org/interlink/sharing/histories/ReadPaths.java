package org.interlink.sharing.histories;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import org.interlink.agency.entity.Agency;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditFilter;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.CountedPage;
import org.interlink.item.entity.Dossier;
import org.interlink.item.entity.Facets;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.ListedVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.PurposeRequired;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.sharing.boundary.DashboardFigures;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.histories.HistoryModel.Entry;
import org.interlink.sharing.histories.HistoryModel.ItemM;
import org.interlink.sharing.histories.HistoryModel.Person;
import org.interlink.sharing.histories.HistoryModel.VersionM;
import org.interlink.sharing.histories.HistoryModel.View;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every read path of every person of a history, compared with the model after a step: the item (gate
 * find, the item page's dossier — version, versions, history entries with the sharing their snapshots
 * recorded, shared version, links — versions, history, whether a purpose is asked), each file ever attached
 * (by its id and as the item's), the four lists and their counts (by the history's word, and without it:
 * what others share counted on top), search facets, the export, the inbox and its counts, the dashboard's
 * figures; then what each agency's auditors read of the step in the audit trail, event by event.
 *
 * <p>After each step every person's core reads are compared (the item found and its page, the lists' rows),
 * and all reads of one person in {@value #DEEP_EVERY}, in turn, and of the step's actor; at the end of a history
 * all reads of everyone. The reads of a step run in one transaction (they change nothing but the audit trail):
 * one commit instead of hundreds.
 */
final class ReadPaths {

    /** The purpose given where a read asks for one (another agency's TLP:AMBER or RED edition). */
    private static final String PURPOSE = "Border management operations: reading what the model says this person reads";

    /**
     * An audit event as an auditor reads it: who, acting for which agency, did what to which item of which
     * owner, with which outcome; for a refusal the caller's agency reads without an owner (a "told" one), also
     * its words, which must be those of a missing item.
     */
    record Event(String actor, String agency, AuditAction action, AuditOutcome outcome, Long item, String owner, String told) {

        boolean visibleTo(String code) {
            return code.equals(owner) || code.equals(agency) && (owner == null || outcome != AuditOutcome.DENIED);
        }

        static Event of(AuditEvent e) {
            boolean told = e.getOutcome() == AuditOutcome.DENIED && e.getItemOwner() == null
                    && Set.of(AuditAction.VIEW, AuditAction.HISTORY, AuditAction.DOWNLOAD, AuditAction.UPDATE).contains(e.getAction());
            return new Event(e.getActor(), e.getActorAgency(), e.getAction(), e.getOutcome(), e.getItemId(), e.getItemOwner(),
                    told ? e.getDetails() : null);
        }

        @Override
        public String toString() {
            return actor + "@" + agency + " " + action + " " + outcome + (item == null ? "" : " item " + item)
                    + (owner == null ? "" : " of " + owner) + (told == null ? "" : " '" + told + "'");
        }
    }

    /** After a step, every person's core reads and all reads of one person in this many (in turn), and the step's actor. */
    static final int DEEP_EVERY = 4;

    private final History history;
    private final HistoryModel model;
    private final boolean full;
    private final List<String> failures = new ArrayList<>();
    private int reads;

    /** @param full all read paths of every person (at the end of a history), else the core ones and some in turn */
    ReadPaths(History history, boolean full) {
        this.history = history;
        this.model = history.model;
        this.full = full;
    }

    List<String> compare() {
        Map<String, Agency> agencies = inTransaction(history::agencies);
        inTransaction(() -> {
            int index = 0;
            for (Person p : model.people.values()) {
                boolean deep = full || (index++ + history.step) % DEEP_EVERY == 0 || p.key.equals(history.actor);
                personReads(p, History.caller(p, agencies), deep);
            }
            missingItem(agencies);
            return null;
        });
        long t = System.nanoTime();
        inTransaction(() -> {
            trail(agencies);
            return null;
        });
        history.stats.time("trail", t);
        history.stats.read(reads);
        return failures;
    }

    private <T> T inTransaction(Supplier<T> work) {
        UserTransaction tx = history.beans.transaction();
        try {
            tx.begin();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                tx.rollback();
                throw e;
            }
            if (tx.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                tx.rollback();
                throw new IllegalStateException("a read marked the transaction for rollback");
            }
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- one person

    /**
     * One person's reads: the core ones always (the item as found and as its page shows it — versions, history,
     * shared version — and the rows of the four lists), the others when {@code deep} (versions and history on
     * their own, purpose, files, counts, facets, export, inbox, dashboard).
     */
    private void personReads(Person p, Caller c, boolean deep) {
        String x = model.actingFor(p);
        if (!Objects.equals(c.activeAgency().map(a -> a.getCode().value()).orElse(null), x)) {
            fail(p, "acts for " + c.activeAgency().map(a -> a.getCode().value()).orElse("no agency") + ", the model says " + x);
        }
        SharedItems shared = history.beans.shared;
        for (ItemM item : model.items) {
            long started = System.nanoTime();
            VersionM main = model.main(p, item);
            ItemId id = new ItemId(item.id);
            String it = "item #" + item.index;

            same(p, it + " find", number(shared.find(c, id)), main == null ? null : main.number);
            read(p, x, item, AuditAction.VIEW, main != null);

            boolean purposeNeeded = false;
            Optional<Dossier> dossier;
            try {
                dossier = shared.dossier(c, id, null);
            } catch (PurposeRequired asked) {
                purposeNeeded = true;
                dossier = shared.dossier(c, id, PURPOSE);
            }
            same(p, it + " purpose needed", purposeNeeded, model.purposeNeeded(p, item));
            read(p, x, item, AuditAction.VIEW, main != null);
            same(p, it + " page", dossier.map(d -> d.version().getNumber()).orElse(null), main == null ? null : main.number);
            dossier.ifPresent(d -> {
                same(p, it + " page: versions", numbers(d.versions()), numbers(model.versions(p, item)));
                same(p, it + " page: history", entries(d.history()), entries(p, model.history(p, item)));
                VersionM sharedVersion = model.sharedShown(p, item);
                same(p, it + " page: shared version", d.sharedVersion().map(ItemVersion::getNumber).orElse(null),
                        sharedVersion == null ? null : sharedVersion.number);
                same(p, it + " page: links", d.links().stream().map(v -> index(v.getItem().getId())).sorted().toList(),
                        model.pageLinks(p, item).stream().map(String::valueOf).sorted().toList());
            });
            reads += 2;
            if (!deep) {
                history.stats.time("item", started);
                continue;
            }
            same(p, it + " versions", numbers(shared.versions(c, id)), numbers(model.versions(p, item)));
            read(p, x, item, AuditAction.HISTORY, main != null);
            same(p, it + " history", entries(shared.history(c, id, purposeNeeded ? PURPOSE : null)), entries(p, model.history(p, item)));
            read(p, x, item, AuditAction.HISTORY, main != null);
            reads += 2;
            long files = history.stats.time("item", started);

            for (long file : History.knownFiles(item)) {
                boolean downloads = model.downloads(p, item, file);
                same(p, it + " file " + file, history.beans.attachments.download(c, null, file, PURPOSE).isPresent(), downloads);
                download(p, x, item, file, null, downloads);
                same(p, it + " file " + file + " as the item's", history.beans.attachments.download(c, id, file, PURPOSE).isPresent(),
                        downloads);
                download(p, x, item, file, item.id, downloads);
                reads += 2;
            }
            history.stats.time("files", files);
        }
        long t = System.nanoTime();
        lists(p, c, x, deep);
        if (deep) {
            t = history.stats.time("lists", t);
            facetsAndExport(p, c, x);
            t = history.stats.time("facets+export", t);
            inbox(p, c, x);
            t = history.stats.time("inbox", t);
            figures(p, c, x);
            history.stats.time("figures", t);
        } else {
            history.stats.time("lists", t);
        }
    }

    private void lists(Person p, Caller c, String x, boolean deep) {
        SharedItems shared = history.beans.shared;
        for (View view : View.values()) {
            Listing listing = Listing.valueOf(view.name());
            Map<ItemM, VersionM> rows = model.list(p, view);
            boolean allowed = x != null && (view != View.VETTING_QUEUE || p.has(Role.VETTER));
            ItemQuery search = ItemQuery.of(listing).matching(history.word);
            List<ItemVersion> found = shared.list(c, search, 0, 200);
            expect(p, x, AuditAction.SEARCH, allowed);
            same(p, "search " + view, rows(found), rows(rows));
            reads++;
            if (!deep) {
                continue;
            }
            same(p, "search " + view + " count", shared.count(c, search), (long) rows.size());
            expect(p, x, AuditAction.SEARCH, allowed);
            // a list page's count and rows read together: the same count, and the rows list() reads from the 2nd to the 4th
            CountedPage page = shared.page(c, search, 1, 3);
            expect(p, x, AuditAction.SEARCH, allowed);
            same(p, "search " + view + " page's count", page.count(), (long) rows.size());
            same(p, "search " + view + " page 1+3", page.rows().stream().map(ListedVersion::versionId).toList(),
                    found.subList(Math.min(1, found.size()), Math.min(4, found.size())).stream().map(ItemVersion::getId).toList());
            // the rows a list page and the API read as values: the same versions as list()
            same(p, "search " + view + " listed", shared.listed(c, search, 0, 200, true).stream().map(ListedVersion::versionId).toList(),
                    found.stream().map(ItemVersion::getId).toList());
            expect(p, x, AuditAction.SEARCH, allowed);
            long all = shared.count(c, ItemQuery.of(listing));
            expect(p, x, AuditAction.LIST, allowed);
            long others = allowed && (view == View.ALL || view == View.SHARED_WITH_MY_AGENCY) ? history.baseline.count() : 0;
            same(p, "list " + view + " count (what others share with every member counted on top)", all,
                    Math.min(others + rows.size(), ItemQuery.COUNT_LIMIT + 1L));
            reads += 4;
        }
    }

    private void facetsAndExport(Person p, Caller c, String x) {
        SharedItems shared = history.beans.shared;
        ItemQuery search = ItemQuery.of(Listing.ALL).matching(history.word);
        Map<ItemM, VersionM> rows = model.list(p, View.ALL);
        Facets facets = shared.facets(c, search);
        expect(p, x, AuditAction.SEARCH, x != null);
        Map<Object, Long> kinds = new HashMap<>();
        Map<Object, Long> markings = new HashMap<>();
        Map<Object, Long> states = new HashMap<>();
        Map<Object, Long> owners = new HashMap<>();
        Map<Integer, Long> changed = new LinkedHashMap<>();
        if (x != null) {
            Facets.CHANGED_WITHIN_DAYS.forEach(days -> changed.put(days, 0L));
        }
        rows.forEach((item, v) -> {
            kinds.merge(item.kind, 1L, Long::sum);
            markings.merge(v.sharing.marking(), 1L, Long::sum);
            states.merge(v.state, 1L, Long::sum);
            owners.merge(item.owner, 1L, Long::sum);
            for (int days : Facets.CHANGED_WITHIN_DAYS) {
                if (v.updatedAt.isAfter(model.now.minus(Duration.ofDays(days)))) {
                    changed.merge(days, 1L, Long::sum);
                }
            }
        });
        same(p, "facets: total", facets.total(), (long) rows.size());
        same(p, "facets: kinds", new HashMap<Object, Long>(facets.kinds()), kinds);
        same(p, "facets: markings", new HashMap<Object, Long>(facets.markings()), markings);
        same(p, "facets: states", new HashMap<Object, Long>(facets.states()), states);
        same(p, "facets: owners", facets.owners().stream().collect(Collectors.toMap(o -> (Object) o.code().value(),
                Facets.Owner::count)), owners);
        same(p, "facets: changed within", new LinkedHashMap<>(facets.changedWithin()), changed);

        List<ItemVersion> exported = shared.export(c, search, "CSV");
        expect(p, x, AuditAction.EXPORT, x != null);
        Map<ItemM, VersionM> exportable = new LinkedHashMap<>(rows);
        exportable.values().removeIf(v -> v.sharing.marking() == Marking.RED);
        same(p, "export (never TLP:RED)", rows(exported), rows(exportable));
        reads += 2;
    }

    private void inbox(Person p, Caller c, String x) {
        var notifications = history.beans.attention;
        List<String> expected = model.inbox(p).stream().map(n -> {
            ItemM item = model.items.get(n.item());
            return "#" + item.index + " v" + model.main(p, item).number;
        }).sorted().toList();
        List<String> actual = notifications.inbox(c, 0, 500).stream().map(e -> "#" + index(e.notification().getItem().getId())
                + " v" + e.version().getNumber()).sorted().toList();
        if (x != null) {
            expect(p, x, AuditAction.LIST, true);
        }
        same(p, "inbox", actual, expected);
        same(p, "inbox size", notifications.inboxSize(c), (long) expected.size());
        // an administrator's reminders of agreements ending (AgreementsIT's) count too: the model's are the items'
        same(p, "unread notifications", notifications.unread(c) - history.beans.notifications.unreadAboutAgreements(c),
                (long) expected.size());
        reads += 3;
    }

    private void figures(Person p, Caller c, String x) {
        DashboardFigures.Figures figures = history.beans.figures.of(c);
        YearMonth now = YearMonth.from(model.now.atZone(ZoneOffset.UTC));
        Map<YearMonth, Map<ItemKind, Long>> months = new TreeMap<>();
        for (int back = DashboardFigures.MONTHS - 1; back >= 0; back--) {
            months.put(now.minusMonths(back), new TreeMap<>());
        }
        if (x != null) {
            expect(p, x, AuditAction.LIST, true);
            history.baseline.shared().forEach(row -> count(months, (ItemKind) row[0], (Instant) row[1]));
            model.list(p, View.SHARED_WITH_MY_AGENCY).forEach((item, v) -> count(months, item.kind, v.publishedAt));
        }
        Map<YearMonth, Map<ItemKind, Long>> actual = new TreeMap<>();
        figures.sharedByMonth().forEach((month, kinds) -> actual.put(month, new TreeMap<>(kinds)));
        same(p, "dashboard: shared with my agency by month", actual, months);
        Map<Object, Long> recommendations = new HashMap<>();
        if (x != null) {
            recommendations.putAll(history.baseline.recommendations());
            model.list(p, View.ALL).forEach((item, v) -> {
                if (item.kind == ItemKind.RECOMMENDATION && HistoryModel.SHARED.contains(v.state)) {
                    recommendations.merge(FollowUpStatus.UNDER_CONSIDERATION, 1L, Long::sum);
                }
            });
        }
        same(p, "dashboard: recommendations by decision", new HashMap<Object, Long>(figures.recommendations()), recommendations);
        same(p, "dashboard: my agency's action items", new HashMap<>(figures.actionItems()), Map.of());
        reads++;
    }

    private static void count(Map<YearMonth, Map<ItemKind, Long>> months, ItemKind kind, Instant at) {
        if (at != null) {
            Map<ItemKind, Long> kinds = months.get(YearMonth.from(at.atZone(ZoneOffset.UTC)));
            if (kinds != null) {
                kinds.merge(kind, 1L, Long::sum);
            }
        }
    }

    /** A refusal of an id that never existed: what the caller's agency reads must look like the refusals of invisible items. */
    private void missingItem(Map<String, Agency> agencies) {
        List<Person> people = new ArrayList<>(model.people.values());
        Person p = people.get(history.step % people.size());
        long missing = 9_000_000_000_000L + history.step;
        same(p, "a missing item", history.beans.shared.find(History.caller(p, agencies), new ItemId(missing)).isPresent(), false);
        history.expect(p, model.actingFor(p), AuditAction.VIEW, AuditOutcome.DENIED, missing, null, "item " + missing + " not found");
        reads++;
    }

    // ---------------------------------------------------------------- the audit trail

    private void trail(Map<String, Agency> agencies) {
        Instant from = model.now;
        Set<String> observers = history.observers.values().stream().map(o -> o.username).collect(Collectors.toSet());
        for (Map.Entry<String, Person> observer : history.observers.entrySet()) {
            String code = observer.getKey();
            if (!model.agencies.get(code)) {
                continue;
            }
            Caller auditor = History.caller(observer.getValue(), agencies);
            List<AuditEvent> events = history.beans.trail.events(auditor, new AuditFilter(from, from.plusSeconds(1), null, null,
                    null, null, null), 0, 50_000);
            Map<Event, Long> actual = new HashMap<>();
            // the agreements' steps are their administrators' (AgreementsIT checks their events): the model's are the people's
            events.stream().filter(e -> !observers.contains(e.getActor()) && !e.getActor().startsWith(History.ADMINISTRATOR))
                    .map(Event::of).forEach(e -> actual.merge(e, 1L, Long::sum));
            Map<Event, Long> expected = new HashMap<>();
            history.expected.stream().filter(e -> e.visibleTo(code)).forEach(e -> expected.merge(e, 1L, Long::sum));
            if (!actual.equals(expected)) {
                Set<Event> all = new HashSet<>(actual.keySet());
                all.addAll(expected.keySet());
                all.stream().filter(e -> !Objects.equals(actual.get(e), expected.get(e))).sorted(Comparator.comparing(Event::toString))
                        .limit(15).forEach(e -> failures.add("the auditors of " + code + " read " + actual.getOrDefault(e, 0L)
                                + "× " + e + ", expected " + expected.getOrDefault(e, 0L) + "×"));
            }
            reads++;
        }
    }

    // ---------------------------------------------------------------- expected audit events of reads

    private void read(Person p, String x, ItemM item, AuditAction action, boolean allowed) {
        if (allowed) {
            history.expect(p, x, action, AuditOutcome.ALLOWED, item.id, item.owner, null);
        } else if (item.owner.equals(x)) {
            history.expect(p, x, action, AuditOutcome.DENIED, item.id, item.owner, null);
        } else {
            history.expect(p, x, action, AuditOutcome.DENIED, item.id, null, "item " + item.id + " not found");
            history.expect(p, x, action, AuditOutcome.DENIED, item.id, item.owner, null);
        }
    }

    private void download(Person p, String x, ItemM item, long file, Long asked, boolean allowed) {
        boolean exists = model.versionOf(item, file) != null;
        String told = "attachment " + file + (asked == null ? "" : " of item " + asked) + " not found";
        if (allowed) {
            history.expect(p, x, AuditAction.DOWNLOAD, AuditOutcome.ALLOWED, item.id, item.owner, null);
        } else if (!exists) {
            history.expect(p, x, AuditAction.DOWNLOAD, AuditOutcome.DENIED, asked, null, told);
        } else if (item.owner.equals(x)) {
            history.expect(p, x, AuditAction.DOWNLOAD, AuditOutcome.DENIED, item.id, item.owner, null);
        } else {
            history.expect(p, x, AuditAction.DOWNLOAD, AuditOutcome.DENIED, asked, null, told);
            history.expect(p, x, AuditAction.DOWNLOAD, AuditOutcome.DENIED, item.id, item.owner, null);
        }
    }

    private void expect(Person p, String x, AuditAction action, boolean allowed) {
        history.expect(p, x, action, allowed ? AuditOutcome.ALLOWED : AuditOutcome.DENIED, null, null, null);
    }

    // ---------------------------------------------------------------- comparing

    private void same(Person p, String path, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            failures.add(p.key + " (" + p.username + " acting for " + model.actingFor(p) + ") " + path + ": " + actual
                    + ", the model says " + expected);
        }
    }

    private void fail(Person p, String what) {
        failures.add(p.key + ": " + what);
    }

    private static Integer number(Optional<ItemVersion> version) {
        return version.map(ItemVersion::getNumber).orElse(null);
    }

    private static List<Integer> numbers(List<?> versions) {
        return versions.stream().map(v -> v instanceof ItemVersion iv ? iv.getNumber() : ((VersionM) v).number).toList();
    }

    /** History entries as "vN ACTION [marking people]" and the linked items their snapshots name (by index). */
    private List<String> entries(List<ItemEvent> events) {
        return events.stream().map(e -> "v" + e.getVersionNumber() + " " + e.getAction()
                + e.recordedSharing().map(s -> " [" + s.marking() + " " + s.people().stream().map(History::usernameOf)
                        .collect(Collectors.toCollection(TreeSet::new)) + "]").orElse("")
                + (e.linkedItems().isEmpty() ? "" : " links " + e.linkedItems().stream().map(this::index).sorted().toList()))
                .toList();
    }

    private List<String> entries(Person p, List<Entry> entries) {
        return entries.stream().map(e -> {
            Set<Integer> links = e.hasSnapshot() ? model.readableLinks(p, e.snapshotLinks()) : Set.of();
            return "v" + e.version() + " " + e.action()
                    + (e.hasSnapshot() ? " [" + e.snapshotMarking().label() + " " + new TreeSet<>(e.snapshotPeople()) + "]" : "")
                    + (links.isEmpty() ? "" : " links " + links.stream().map(String::valueOf).sorted().toList());
        }).toList();
    }

    /** Rows as "item #index vN", sorted (the item ids of other histories or suites would show as ids). */
    private List<String> rows(List<ItemVersion> versions) {
        return versions.stream().map(v -> "#" + index(v.getItem().getId()) + " v" + v.getNumber()).sorted().toList();
    }

    private static List<String> rows(Map<ItemM, VersionM> rows) {
        return rows.entrySet().stream().map(e -> "#" + e.getKey().index + " v" + e.getValue().number).sorted().toList();
    }

    private String index(long id) {
        return model.items.stream().filter(i -> i.id == id).findFirst().map(i -> Integer.toString(i.index))
                .orElse("(not of this history: id " + id + ")");
    }
}
