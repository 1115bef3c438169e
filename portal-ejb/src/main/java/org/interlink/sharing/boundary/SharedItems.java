package org.interlink.sharing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import org.eclipse.persistence.config.QueryHints;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.infrastructure.export.SpreadsheetCsv;
import org.interlink.item.entity.CountedPage;
import org.interlink.item.entity.Dossier;
import org.interlink.item.entity.Facets;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.ListedVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.PurposeNotAllowed;
import org.interlink.item.entity.PurposeRequired;
import org.interlink.item.entity.TranslatedText;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.interlink.item.entity.ItemQuery.COUNT_LIMIT;

/**
 * The read use cases over shared items — lists, counts, searches and their facets, exports, one item as its page
 * shows it, its versions and history — each recorded in the audit trail as one read. Every query comes from the
 * {@link VisibilityGate}, which adds what the caller may read; a list or search the caller may not use reads nothing
 * and is recorded as refused.
 */
@Stateless
public class SharedItems {

    @Inject
    VisibilityGate gate;

    @Inject
    AuditGate audit;

    @Inject
    Clock clock;

    /** One page of the versions the caller reads in this view, filtered and ordered as asked. */
    public List<ItemVersion> list(Caller caller, ItemQuery query, int first, int max) {
        if (!allowed(caller, query, action(query), describe(query) + " rows " + first + "+" + max)) {
            return List.of();
        }
        return gate.newestFirst(query, first, max, (condition, parameters) -> rows(caller, query, condition, parameters));
    }

    /**
     * As {@link #list}, recorded the same way, with what a list shows of each version read as values ({@link ListedVersion},
     * no entity); with their translations when {@code translated} (a list page shows each row in its reader's language;
     * the API's list names the title as written).
     */
    public List<ListedVersion> listed(Caller caller, ItemQuery query, int first, int max, boolean translated) {
        if (!allowed(caller, query, action(query), describe(query) + " rows " + first + "+" + max)) {
            return List.of();
        }
        List<ListedVersion> rows = gate.newestFirst(query, first, max, (condition, parameters) -> listedRows(caller, query, condition,
                parameters));
        return translated ? translated(caller, query, rows) : rows;
    }

    /**
     * How many versions {@link #list} would page through, counted up to {@link ItemQuery#COUNT_LIMIT} + 1: a list
     * offers the newest so many and asks for filters beyond.
     */
    public long count(Caller caller, ItemQuery query) {
        if (!allowed(caller, query, action(query), describe(query) + " count")) {
            return 0;
        }
        return firstRows(caller, query);
    }

    /**
     * What a list page shows: one page of {@link #list} and the {@link #count}, read in one transaction and recorded as
     * one read. The count's walk reads the ids of the list's first {@link ItemQuery#COUNT_LIMIT} + 1 rows in order, so
     * a page among them is then read by those ids, through the gate again (the same rows {@link #list} reads); a page
     * beyond them the way {@link #list} does.
     */
    public CountedPage page(Caller caller, ItemQuery query, int first, int max) {
        if (!allowed(caller, query, action(query), describe(query) + " rows " + first + "+" + max + " and count")) {
            return CountedPage.none();
        }
        List<Long> ids = firstIds(caller, query);
        List<ListedVersion> rows;
        if (first + max > ids.size() && ids.size() > COUNT_LIMIT) {
            rows = gate.newestFirst(query, first, max, (condition, parameters) -> listedRows(caller, query, condition, parameters));
        } else {
            rows = byIds(caller, query, ids.subList(Math.min(first, ids.size()), Math.min(first + max, ids.size())));
        }
        return new CountedPage(ids.size(), translated(caller, query, rows));
    }

    /**
     * The versions of {@code ids}, in that order, as a list shows them: through the gate again (the query's conditions
     * and the caller's reach on these few rows, found by their keys), so nothing is read that the gate would not give.
     */
    private List<ListedVersion> byIds(Caller caller, ItemQuery query, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ListedVersion> found = new HashMap<>();
        listedRows(caller, query, "v.id in :ids", Map.of("ids", ids)).getResultList().forEach(row -> found.put(row.versionId(), row));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** A list's rows as values ({@link ListedVersion#SELECT}), through the gate, in the query's order. */
    private TypedQuery<ListedVersion> listedRows(Caller caller, ItemQuery query, String condition, Map<String, ?> parameters) {
        return gate.query(caller, query, ListedVersion.SELECT, condition, order(query), parameters, ListedVersion.class);
    }

    /**
     * The rows with their titles and summaries in other languages: one statement for all of them, through the gate again
     * (on the rows' keys), as their read was.
     */
    private List<ListedVersion> translated(Caller caller, ItemQuery query, List<ListedVersion> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Map<String, TranslatedText>> texts = new HashMap<>();
        gate.query(caller, query, "select v.id, key(t), t.title, t.summary from ItemVersion v join v.item i join v.translations t",
                "v.id in :ids", "", Map.of("ids", rows.stream().map(ListedVersion::versionId).toList()), Object[].class).getResultList()
                .forEach(text -> texts.computeIfAbsent((Long) text[0], id -> new HashMap<>())
                        .put((String) text[1], new TranslatedText((String) text[2], (String) text[3])));
        return rows.stream().map(row -> row.withTranslations(texts.getOrDefault(row.versionId(), Map.of()))).toList();
    }

    /**
     * The rows of a list or search for an export (CSV, PDF): as {@link #list}, from the first row and at most
     * {@link ItemQuery#COUNT_LIMIT}, but never a TLP:RED version — RED is read one item at a time, with its purpose,
     * never in bulk. Recorded as one export: the format, the query, how many rows and which items.
     */
    public List<ItemVersion> export(Caller caller, ItemQuery query, String format) {
        String what = format + " export of " + describe(query);
        if (caller.activeAgency().isEmpty() || !mayUse(caller, query.view())) {
            audit.record(caller, AuditAction.EXPORT, AuditOutcome.DENIED, null, null, what);
            return List.of();
        }
        List<ItemVersion> rows = gate.newestFirst(query, 0, COUNT_LIMIT, (condition, parameters) -> rows(caller, query,
                condition == null ? "v.marking <> :red" : "v.marking <> :red and " + condition, parameters));
        audit.record(caller, AuditAction.EXPORT, AuditOutcome.ALLOWED, null, null, what + ": " + rows.size()
                + " rows (TLP:RED never exported), items " + rows.stream().map(v -> v.getItem().getId()).toList());
        return rows;
    }

    /**
     * As {@link #export}, as CSV that is safe to open in a spreadsheet (a cell that would start a formula is quoted
     * out): the asker gives the header and each row's cells (in the reader's language), recorded as a CSV export.
     */
    public String exportCsv(Caller caller, ItemQuery query, List<String> header, Function<ItemVersion, List<?>> cells) {
        return SpreadsheetCsv.of(header, export(caller, query, "CSV").stream().map(cells).toList());
    }

    /**
     * How the versions a search (or list) would page through spread over kind, marking, state, owner agency and
     * time of the last change — the search page's facets. Each facet is counted with every filter of the query but
     * its own, so it shows what choosing another value would find. Recorded as one search with the number of matches.
     */
    public Facets facets(Caller caller, ItemQuery query) {
        if (caller.activeAgency().isEmpty() || !mayUse(caller, query.view())) {
            audit.record(caller, action(query), AuditOutcome.DENIED, null, null, describe(query) + " facets");
            return Facets.none();
        }
        // the matches without the facets' own filters, with what the facets count of each: when they are few (a search
        // for a rare word), this one read counts every facet, where the database would count the matches and then
        // each facet (eight statements, each finding the search's words again)
        ItemQuery unfiltered = query.ofKind(null).marked(null).inState(null).ownedBy(null).changedAfter(null);
        List<Facets.Match> all = gate.newestFirst(unfiltered, 0, COUNT_LIMIT + 1, (condition, parameters) -> gate.query(caller,
                unfiltered,
                "select i.kind, v.marking, v.state, o.code, o.name, v.updatedAt from ItemVersion v join v.item i join i.owner o",
                condition, order(unfiltered), parameters, Object[].class)).stream()
                .map(row -> new Facets.Match((ItemKind) row[0], (Marking) row[1], (WorkflowState) row[2], (AgencyCode) row[3],
                        (String) row[4], (Instant) row[5]))
                .toList();
        Facets facets;
        if (all.size() <= COUNT_LIMIT) {
            facets = Facets.counted(all, query, clock.instant());
        } else {
            long matches = unfiltered.equals(query) ? all.size() : firstRows(caller, query);
            if (matches > COUNT_LIMIT) {
                // counting every value over so many rows would cost seconds (7 passes): ask to narrow instead
                audit.record(caller, action(query), AuditOutcome.ALLOWED, null, null, describe(query) + " facets: more than "
                        + COUNT_LIMIT + " matches");
                return Facets.beyond(matches);
            }
            facets = countedEach(caller, query, matches);
        }
        audit.record(caller, action(query), AuditOutcome.ALLOWED, null, null, describe(query) + " facets: " + facets.total() + " matches");
        return facets;
    }

    /** The facets of a query of at most {@link ItemQuery#COUNT_LIMIT} matches whose matches without its filters are more. */
    private Facets countedEach(Caller caller, ItemQuery query, long matches) {
        Map<ItemKind, Long> kinds = group(caller, query.ofKind(null), "i.kind", ItemKind.class);
        Map<Marking, Long> markings = group(caller, query.marked(null), "v.marking", Marking.class);
        Map<WorkflowState, Long> states = group(caller, query.inState(null), "v.state", WorkflowState.class);
        List<Facets.Owner> owners = gate.query(caller, query.ownedBy(null),
                "select o.code, o.name, count(v.id) from ItemVersion v join v.item i join i.owner o", null,
                "group by o.code, o.name order by o.name", Map.of(), Object[].class).getResultList().stream()
                .map(row -> new Facets.Owner((AgencyCode) row[0], (String) row[1], (Long) row[2])).toList();
        Map<Integer, Long> changedWithin = new LinkedHashMap<>();
        for (int days : Facets.CHANGED_WITHIN_DAYS) {
            // a count each: H2 cannot sum a CASE whose values EclipseLink binds as parameters
            changedWithin.put(days, gate.query(caller, query.changedAfter(clock.instant().minus(Duration.ofDays(days))),
                    "select count(v.id) from ItemVersion v join v.item i", null, "", Map.of(), Long.class).getSingleResult());
        }
        return new Facets(kinds, markings, states, owners, changedWithin, matches, false);
    }

    private <K extends Enum<K>> Map<K, Long> group(Caller caller, ItemQuery query, String path, Class<K> type) {
        Map<K, Long> counts = new EnumMap<>(type);
        gate.query(caller, query, "select " + path + ", count(v.id) from ItemVersion v join v.item i", null,
                "group by " + path, Map.of(), Object[].class).getResultList().forEach(row -> counts.put(type.cast(row[0]), (Long) row[1]));
        return counts;
    }

    /**
     * The versions of the query, in its order, as entities ({@link #list}, {@link #export}: the edit forms' choices and
     * the exports): one query for the rows (the kinds' tables outer-joined, the item and its owner fetched with them) and
     * one more for the titles in other languages of all of them.
     */
    private TypedQuery<ItemVersion> rows(Caller caller, ItemQuery query, String condition, Map<String, ?> parameters) {
        // the rows' translations in one statement; a hint, since a batch on the mapping fails for versions another
        // kind of query read (EclipseLink-6169, the notifications page) - at the price of preparing this query per call
        return gate.query(caller, query, VisibilityGate.VERSIONS, condition, order(query), parameters, ItemVersion.class)
                .setHint(QueryHints.BATCH, "v.translations").setHint(QueryHints.BATCH_TYPE, "IN");
    }

    /** How many rows match, counted in list order up to {@link ItemQuery#COUNT_LIMIT} + 1 (so the count stops early). */
    private long firstRows(Caller caller, ItemQuery query) {
        return firstIds(caller, query).size();
    }

    /** The ids of the first {@link ItemQuery#COUNT_LIMIT} + 1 rows of the list, in its order. */
    private List<Long> firstIds(Caller caller, ItemQuery query) {
        return gate.newestFirst(query, 0, COUNT_LIMIT + 1, (condition, parameters) -> gate.query(caller, query,
                "select v.id from ItemVersion v join v.item i", condition, order(query), parameters, Long.class));
    }

    /** The version of the item the caller reads, recorded as a read, or empty ("not found", recorded) when they may not. */
    public Optional<ItemVersion> find(Caller caller, ItemId id) {
        Optional<ItemVersion> version = gate.read(caller, id, AuditAction.VIEW);
        version.ifPresent(v -> recordRead(caller, v, null));
        return version;
    }

    /**
     * The current version of the item, for its edit form: only someone acting for its owner agency who reads that
     * version opens it (recorded as a read of it); anyone else is refused as for a change ("not found" when they may
     * not read the item), and nothing is recorded as read.
     */
    public Optional<ItemVersion> toEdit(Caller caller, ItemId id) {
        return gate.findForChange(caller, id).flatMap(item -> find(caller, id));
    }

    /**
     * The version of the item the caller links a new item to (a recommendation to its meeting, a meeting to its
     * recommendations), recorded as a read with the linking as its purpose. A refusal fails the draft, whose
     * transaction rolls back, so the gate records it in a transaction of its own.
     */
    public Optional<ItemVersion> toLink(Caller caller, ItemId id, ItemKind linking) {
        Optional<ItemVersion> version = gate.readApart(caller, id, AuditAction.VIEW, "who linked a draft to it");
        version.ifPresent(v -> recordRead(caller, v, "Linking a new " + linking.label() + " to it"));
        return version;
    }

    /**
     * A read refused because the reader gave no purpose where one is needed ({@link PurposeRequired}): recorded as a
     * denied read, in a transaction of its own, in the reader's agency's trail (nothing was shown, so the owner's has
     * nothing to account for). Only asked for an item the caller reads, so naming it tells nobody more than the answer
     * does.
     */
    public void purposeMissing(Caller caller, ItemId id) {
        audit.recordRefusal(caller, AuditAction.VIEW, null, "read of item " + id.value()
                + " refused: no purpose given (TLP:AMBER and RED items of another agency are read for a stated purpose)");
    }

    /**
     * The item as its page shows it, recorded as one read with the reader's purpose: the version the caller reads,
     * the versions and history entries they may read, the shared version when they may read it (its follow-up and
     * action items), and the linked items (meeting, recommendations) they may read — others are left out, never
     * hinted at. One visibility query for the item, one computation of its readable versions.
     *
     * @param purpose why the caller reads it (null: none given)
     * @throws PurposeRequired when the item needs a purpose and none was given (nothing shown, nothing recorded)
     */
    public Optional<Dossier> dossier(Caller caller, ItemId id, String purpose) {
        Optional<ItemVersion> found = gate.read(caller, id, AuditAction.VIEW);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ItemVersion visible = found.get();
        List<ItemVersion> versions = gate.readableVersions(caller, visible);
        String basis = requirePurpose(caller, visible, versions, purpose, AuditAction.VIEW);
        List<ItemVersion> links = new ArrayList<>(readableLinks(caller, visible));
        if (visible.getItem().getKind() == ItemKind.MEETING_OUTCOME) {
            recommendationsFrom(caller, visible.getItem()).stream()
                    .filter(r -> links.stream().noneMatch(l -> l.getItem().equals(r.getItem()))).forEach(links::add);
        }
        audit.record(caller, AuditAction.VIEW, AuditOutcome.ALLOWED, visible.getItem().reference(), purpose,
                "version " + visible.getNumber()
                        + (links.isEmpty() ? "" : " with links to " + links.stream().map(l -> l.getItem().getId().toString()).toList())
                        + basis);
        ItemVersion shared = visible.getItem().published().filter(versions::contains).orElse(null);
        return Optional.of(new Dossier(visible, versions, readableHistory(caller, visible.getItem(), versions), links, shared));
    }

    /** The items {@code version} links to that the caller reads (nothing is recorded: for an answer to a change). */
    public List<ItemVersion> readableLinks(Caller caller, ItemVersion version) {
        return version.links().stream().map(link -> gate.visible(caller, link.id())).flatMap(Optional::stream).toList();
    }

    /** Whether the caller reads this version (nothing recorded: for an answer to a change the caller made, which was). */
    public boolean readsVersion(Caller caller, ItemVersion version) {
        return gate.readable(caller, version);
    }

    /** The recommendations the caller reads that name {@code meeting} as the meeting they came from. */
    private List<ItemVersion> recommendationsFrom(Caller caller, Item meeting) {
        return gate.query(caller, ItemQuery.of(Listing.ALL), VisibilityGate.VERSIONS, "i.kind = :recommendation and v.id in "
                + "(select r.id from RecommendationVersion r where r.meeting.id = :meeting)", "order by v.title",
                Map.of("recommendation", ItemKind.RECOMMENDATION, "meeting", meeting.getId()), ItemVersion.class)
                .setMaxResults(200).getResultList();
    }

    /** The versions of the item the caller may read, oldest first (see {@link VisibilityGate#readableVersions}), recorded. */
    public List<ItemVersion> versions(Caller caller, ItemId id) {
        Optional<ItemVersion> visible = gate.read(caller, id, AuditAction.HISTORY);
        if (visible.isEmpty()) {
            return List.of();
        }
        audit.record(caller, AuditAction.HISTORY, AuditOutcome.ALLOWED, visible.get().getItem().reference(), null, "versions");
        return gate.readableVersions(caller, visible.get());
    }

    /**
     * The history entries of the item the caller may read (see {@link #readableHistory}), recorded with why they read
     * it; empty when they may not read it.
     *
     * @param purpose why the caller reads it (null: none given)
     * @throws PurposeRequired when the item needs a purpose and none was given (nothing shown, nothing recorded)
     */
    public List<ItemEvent> history(Caller caller, ItemId id, String purpose) {
        Optional<ItemVersion> visible = gate.read(caller, id, AuditAction.HISTORY);
        if (visible.isEmpty()) {
            return List.of();
        }
        List<ItemVersion> versions = gate.readableVersions(caller, visible.get());
        String basis = requirePurpose(caller, visible.get(), versions, purpose, AuditAction.HISTORY);
        audit.record(caller, AuditAction.HISTORY, AuditOutcome.ALLOWED, visible.get().getItem().reference(), purpose, "history" + basis);
        return readableHistory(caller, visible.get().getItem(), versions);
    }

    /**
     * The history entries the caller reads after a change they made (the answer to a follow-up step): the change was
     * recorded, so nothing more is. The same entries {@link #history} gives them.
     */
    public List<ItemEvent> historyAfterChange(Caller caller, Item item) {
        return gate.visible(caller, item.id())
                .map(visible -> readableHistory(caller, item, gate.readableVersions(caller, visible)))
                .orElse(List.of());
    }

    /**
     * The purpose a read of another agency's TLP:AMBER or RED edition needs: given, and one the agreements it is read
     * under allow. A purpose they do not allow is refused and recorded (nothing was shown).
     *
     * @return what the read rests on, for its audit event (" under agreement …"), empty when it needs no purpose
     */
    private String requirePurpose(Caller caller, ItemVersion visible, List<ItemVersion> versions, String purpose, AuditAction action) {
        if (!VisibilityGate.purposeNeeded(caller, visible, versions)) {
            return "";
        }
        if (purpose == null || purpose.isBlank()) {
            throw new PurposeRequired(visible.getItem().id());
        }
        VisibilityGate.ReadBasis basis = gate.basis(caller, visible.getItem(), versions);
        if (!basis.allows(purpose)) {
            // the reader's agency reads what the reader was told; the owner's auditors read the purpose given and the agreement
            audit.recordDeniedApart(caller, action, visible.getItem().getId(), visible.getItem().reference(),
                    "read of item " + visible.getItem().getId() + " refused: purpose not allowed", "read of item "
                            + visible.getItem().getId() + " refused: purpose \"" + purpose + "\" not among those " + basis.describe()
                            + " allows (" + basis.allowed() + ")");
            throw new PurposeNotAllowed(visible.getItem().id(), basis.allowed(), basis.describe());
        }
        return " under " + basis.describe();
    }

    /**
     * The purposes the caller may read the item for, when reading it needs one (another agency's TLP:AMBER or RED
     * edition): those the agreements it is read under allow. Empty when it needs none or the caller does not read it.
     * Nothing is recorded: the page asks with them before the read.
     */
    public Set<PurposeOfUse> purposesFor(Caller caller, ItemId id) {
        return gate.visible(caller, id).map(visible -> {
            List<ItemVersion> versions = gate.readableVersions(caller, visible);
            return VisibilityGate.purposeNeeded(caller, visible, versions)
                    ? gate.basis(caller, visible.getItem(), versions).purposes()
                    : Set.<PurposeOfUse>of();
        }).orElse(Set.of());
    }

    /**
     * The entries of the versions the caller reads, each judged by how its version was shared at that moment: inside
     * the owner agency, an entry made while its version was TLP:RED (its snapshot, or the snapshot before it) only for
     * that version's author, the people named then and the vetters — a version drafted RED and lowered later does not
     * show its RED past. Outside, the publications and what followed them (decisions, progress, action-item updates).
     * Links in snapshots to items the caller may not read are left out.
     */
    private List<ItemEvent> readableHistory(Caller caller, Item item, List<ItemVersion> readable) {
        Map<Integer, ItemVersion> versions = new HashMap<>();
        readable.forEach(v -> versions.put(v.getNumber(), v));
        boolean inside = caller.activeAgency().map(item::isOwnedBy).orElse(false);
        Map<Integer, ItemEvent.RecordedSharing> inForce = new HashMap<>();
        List<ItemEvent> entries = new ArrayList<>();
        for (ItemEvent event : item.getEvents()) {
            event.recordedSharing().ifPresent(sharing -> inForce.put(event.getVersionNumber(), sharing));
            ItemVersion version = versions.get(event.getVersionNumber());
            if (version == null) {
                continue;
            }
            boolean reads = inside
                    ? Optional.ofNullable(inForce.get(event.getVersionNumber())).map(then -> VisibilityGate.readsInside(caller,
                            then.isRed(), version.getAuthor(), caller.isAmong(then.people()))).orElse(true)
                    : event.getAction().isReadByAll();
            if (reads) {
                entries.add(event);
            }
        }
        return withReadableLinks(caller, entries);
    }

    /** The entries with their snapshots' links to items the caller does not read left out. */
    private List<ItemEvent> withReadableLinks(Caller caller, List<ItemEvent> entries) {
        Set<Long> linked = new TreeSet<>();
        entries.forEach(e -> linked.addAll(e.linkedItems()));
        if (linked.isEmpty()) {
            return entries;
        }
        Set<Long> readable = new HashSet<>();
        linked.forEach(id -> gate.visible(caller, new ItemId(id)).ifPresent(v -> readable.add(id)));
        return entries.stream().map(e -> e.linkingOnly(readable)).toList();
    }

    private void recordRead(Caller caller, ItemVersion version, String purpose) {
        audit.record(caller, AuditAction.VIEW, AuditOutcome.ALLOWED, version.getItem().reference(), purpose,
                "version " + version.getNumber());
    }

    /** Records the list or search as allowed or refused: refused for a caller acting for no agency or a view not theirs. */
    private boolean allowed(Caller caller, ItemQuery query, AuditAction action, String what) {
        boolean allowed = caller.activeAgency().isPresent() && mayUse(caller, query.view());
        audit.record(caller, action, allowed ? AuditOutcome.ALLOWED : AuditOutcome.DENIED, null, null, what);
        return allowed;
    }

    private static boolean mayUse(Caller caller, Listing view) {
        return view != Listing.VETTING_QUEUE || caller.hasRole(Role.VETTER);
    }

    private static AuditAction action(ItemQuery query) {
        return query.terms() == null ? AuditAction.LIST : AuditAction.SEARCH;
    }

    private static String describe(ItemQuery query) {
        return (query.terms() == null ? "" : "search '" + query.terms() + "' ")
                + "view " + query.view() + (query.kind() == null ? "" : " kind " + query.kind())
                + (query.owner() == null ? "" : " owner " + query.owner())
                + (query.state() == null ? "" : " state " + query.state())
                + (query.marking() == null ? "" : " marking " + query.marking())
                + (query.titleContains() == null ? "" : " title contains '" + query.titleContains() + "'")
                + (query.changedAfter() == null ? "" : " changed after " + query.changedAfter())
                + " order " + query.order() + (query.ascending() ? " asc" : " desc");
    }

    private static String order(ItemQuery query) {
        String direction = query.ascending() ? " asc" : " desc";
        return "order by " + query.order().path() + direction + ", v.id" + direction;
    }
}
