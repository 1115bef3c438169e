package org.interlink.sharing.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.persistence.config.QueryHints;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyStatus;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;
import org.interlink.item.entity.Attachment;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The one place that decides who reads which item. Every read path — lists, counts, a single item,
 * its history, the vetting queue, and whatever comes later (API, search, export) — asks here; no
 * other class builds a query over items (an architecture test keeps it so).
 *
 * <p>A caller reads, for the agency they act for:
 * <ul>
 *     <li>the current version of every item their agency owns, except TLP:RED ones, which only the
 *     author, the named people and the agency's vetters read;</li>
 *     <li>the published (or archived) version of another agency's item when its sharing reaches
 *     them: all members, their agency named, a community of their agency named, or they themselves
 *     named (TLP:RED).</li>
 * </ul>
 * Nothing is visible outside the owner agency before it is published, nor while the owner agency
 * is suspended. A caller who acts for no
 * agency reads nothing. An item the caller may not read is "not found", exactly like a missing one,
 * and the attempt is recorded.
 */
@Stateless
public class VisibilityGate {

    private static final String INSIDE = "(i.owner = :agency and v.current = :current)";

    /*
     * The grant tests match a grant's version with "between v.id and v.id", not "= v.id". Same rows;
     * but PostgreSQL turns an EXISTS with an equality to the outer row, under an OR, into a hashed
     * subplan: before the first row it builds a hash of EVERY version granted to the agency (on the
     * list benchmark: 5,000 named-agency and 25,000 community grants, 10-40 ms), even though the
     * newest-first page stops after 21 rows. With the range it probes the grant's index per row it
     * looks at: the first page of "shared with my agency" went from 39 ms to 0.7 ms
     * (EXPLAIN ANALYZE, 100,013 items).
     */
    private static final String INSIDE_NOT_RED = """
            (i.owner = :agency and v.current = :current and (v.marking <> :red or v.author = :username
                or exists (select u1 from UserGrant u1 where u1.versionId between v.id and v.id and u1.personId = :person)))""";

    private static final String OUTSIDE = """
            (i.owner <> :agency and v.state in :shared and i.owner.status = :activeOwner and (
                v.scope = :allMembers
                or (v.scope = :namedAgencies and exists (select a2 from AgencyGrant a2
                    where a2.versionId between v.id and v.id and a2.agencyId = :agencyId))
                or (v.scope = :communities and exists (select c3 from CommunityGrant c3, CommunityMembership m3
                    where c3.versionId between v.id and v.id and m3.communityId = c3.communityId and m3.agencyId = :agencyId))
                or (v.scope = :namedUsers and exists (select u4 from UserGrant u4
                    where u4.versionId between v.id and v.id and u4.personId = :person))))""";

    /** The markings whose readers outside the owner agency say why they read. */
    public static final Set<Marking> PURPOSE_MARKINGS = EnumSet.of(Marking.AMBER, Marking.AMBER_STRICT, Marking.RED);

    /** An action item is "due" from this many days before its due date. */
    public static final int DUE_SOON_DAYS = 14;

    /** Lists count their rows up to this many (and one more, to tell that there are more). */
    public static final int COUNT_LIMIT = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditGate audit;

    @Inject
    Clock clock;

    @Inject
    TextMatch textMatch;

    /** One page of the versions the caller reads in this view, filtered and ordered as asked. */
    public List<ItemVersion> list(Caller caller, ItemQuery query, int first, int max) {
        if (caller.activeAgency().isEmpty() || !mayUse(caller, query.view())) {
            audit.record(caller, action(query), AuditOutcome.DENIED, null, null, describe(query) + " rows " + first + "+" + max);
            return List.of();
        }
        audit.record(caller, action(query), AuditOutcome.ALLOWED, null, null, describe(query) + " rows " + first + "+" + max);
        return rows(visible(caller, query), query).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * The versions matching {@code where}, in the query's order, with what a list shows of them: one
     * query for the rows (the kinds' tables outer-joined, the item and its owner fetched with them) and
     * one more for the titles in other languages of all of them.
     */
    private TypedQuery<ItemVersion> rows(Predicate where, ItemQuery query) {
        TypedQuery<ItemVersion> jpql = em.createQuery("select v from ItemVersion v join v.item i where " + where.jpql
                + order(query), ItemVersion.class);
        where.bind(jpql::setParameter);
        jpql.setHint(QueryHints.INHERITANCE_OUTER_JOIN, "true");
        jpql.setHint(QueryHints.FETCH, "v.item");
        jpql.setHint(QueryHints.FETCH, "v.item.owner");
        jpql.setHint(QueryHints.BATCH, "v.translations");
        jpql.setHint(QueryHints.BATCH_TYPE, "IN");
        return jpql;
    }

    /**
     * How many versions {@link #list} would page through, counted up to {@link #COUNT_LIMIT} + 1: a
     * list offers the newest {@value #COUNT_LIMIT} and asks for filters beyond. Counting every
     * visible row would cost a scan of all of them on every page (the list benchmark: ~500 ms at
     * 100k items), where counting in list order stops early.
     */
    public long count(Caller caller, ItemQuery query) {
        if (caller.activeAgency().isEmpty() || !mayUse(caller, query.view())) {
            audit.record(caller, action(query), AuditOutcome.DENIED, null, null, describe(query) + " count");
            return 0;
        }
        audit.record(caller, action(query), AuditOutcome.ALLOWED, null, null, describe(query) + " count");
        return firstRows(visible(caller, query), query);
    }

    /** How many rows match, counted in list order up to {@link #COUNT_LIMIT} + 1 (so the count stops early). */
    private long firstRows(Predicate where, ItemQuery query) {
        TypedQuery<Long> jpql = em.createQuery("select v.id from ItemVersion v join v.item i where " + where.jpql
                + order(query), Long.class);
        where.bind(jpql::setParameter);
        return jpql.setMaxResults(COUNT_LIMIT + 1).getResultList().size();
    }

    /**
     * The rows of a list or search for an export (CSV, PDF): as {@link #list}, from the first row and
     * at most {@link #COUNT_LIMIT}, but never a TLP:RED version — RED is read one item at a time, with
     * its purpose, never in bulk. Recorded as one export: the format, the query, how many rows and
     * which items.
     */
    public List<ItemVersion> export(Caller caller, ItemQuery query, String format) {
        String what = format + " export of " + describe(query);
        if (caller.activeAgency().isEmpty() || !mayUse(caller, query.view())) {
            audit.record(caller, AuditAction.EXPORT, AuditOutcome.DENIED, null, null, what);
            return List.of();
        }
        List<ItemVersion> rows = rows(visible(caller, query).and("v.marking <> :red", Map.of()), query)
                .setMaxResults(COUNT_LIMIT).getResultList();
        audit.record(caller, AuditAction.EXPORT, AuditOutcome.ALLOWED, null, null, what + ": " + rows.size()
                + " rows (TLP:RED never exported), items " + rows.stream().map(v -> v.getItem().getId()).toList());
        return rows;
    }

    /**
     * How the versions a search (or list) would page through spread over kind, marking, state, owner
     * agency and time of the last change — the search page's facets. Each facet is counted with every
     * filter of the query but its own, so it shows what choosing another value would find. Counted in
     * the database through the gate, recorded as one search with the number of matches.
     */
    public Facets facets(Caller caller, ItemQuery query) {
        if (caller.activeAgency().isEmpty() || !mayUse(caller, query.view())) {
            audit.record(caller, action(query), AuditOutcome.DENIED, null, null, describe(query) + " facets");
            return Facets.NONE;
        }
        long matches = firstRows(visible(caller, query), query);
        if (matches > COUNT_LIMIT) {
            // counting every value over so many rows would cost seconds (7 passes): ask to narrow instead
            audit.record(caller, action(query), AuditOutcome.ALLOWED, null, null, describe(query) + " facets: more than "
                    + COUNT_LIMIT + " matches");
            return Facets.beyond(matches);
        }
        Map<ItemKind, Long> kinds = group(caller, query.ofKind(null), "i.kind", ItemKind.class);
        Map<Marking, Long> markings = group(caller, query.marked(null), "v.marking", Marking.class);
        Map<WorkflowState, Long> states = group(caller, query.inState(null), "v.state", WorkflowState.class);
        Predicate where = visible(caller, query.ownedBy(null));
        TypedQuery<Object[]> byOwner = em.createQuery("select o.code, o.name, count(v.id) from ItemVersion v join v.item i join i.owner o where "
                + where.jpql + " group by o.code, o.name order by o.name", Object[].class);
        where.bind(byOwner::setParameter);
        List<Facets.Owner> owners = byOwner.getResultList().stream()
                .map(row -> new Facets.Owner((AgencyCode) row[0], (String) row[1], (Long) row[2])).toList();
        Map<Integer, Long> changedWithin = changedWithin(caller, query.changedAfter(null));
        Facets facets = new Facets(kinds, markings, states, owners, changedWithin, matches, false);
        audit.record(caller, action(query), AuditOutcome.ALLOWED, null, null, describe(query) + " facets: " + facets.total() + " matches");
        return facets;
    }

    private <K extends Enum<K>> Map<K, Long> group(Caller caller, ItemQuery query, String path, Class<K> type) {
        Predicate where = visible(caller, query);
        TypedQuery<Object[]> jpql = em.createQuery("select " + path + ", count(v.id) from ItemVersion v join v.item i where "
                + where.jpql + " group by " + path, Object[].class);
        where.bind(jpql::setParameter);
        Map<K, Long> counts = new java.util.EnumMap<>(type);
        jpql.getResultList().forEach(row -> counts.put(type.cast(row[0]), (Long) row[1]));
        return counts;
    }

    /**
     * For each of {@link Facets#CHANGED_WITHIN_DAYS}: how many versions changed within so many days (a
     * count each: H2 cannot sum a CASE whose values EclipseLink binds as parameters).
     */
    private Map<Integer, Long> changedWithin(Caller caller, ItemQuery query) {
        Map<Integer, Long> counts = new java.util.LinkedHashMap<>();
        for (int days : Facets.CHANGED_WITHIN_DAYS) {
            Predicate where = visible(caller, query.changedAfter(clock.instant().minus(java.time.Duration.ofDays(days))));
            TypedQuery<Long> jpql = em.createQuery("select count(v.id) from ItemVersion v join v.item i where " + where.jpql, Long.class);
            where.bind(jpql::setParameter);
            counts.put(days, jpql.getSingleResult());
        }
        return counts;
    }

    /**
     * A search's facets: how many matches each value of kind, marking, state, owner and change time has;
     * beyond {@link #COUNT_LIMIT} matches ({@code beyondLimit}) none are counted and {@code total} is
     * {@value #COUNT_LIMIT} + 1.
     */
    public record Facets(Map<ItemKind, Long> kinds, Map<Marking, Long> markings, Map<WorkflowState, Long> states,
                         List<Owner> owners, Map<Integer, Long> changedWithin, long total, boolean beyondLimit)
            implements java.io.Serializable {

        /** The "changed within" choices, in days. */
        public static final List<Integer> CHANGED_WITHIN_DAYS = List.of(7, 30, 365);

        static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), 0, false);

        static Facets beyond(long matches) {
            return new Facets(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), matches, true);
        }

        /** An owner agency with its number of matches. */
        public record Owner(AgencyCode code, String name, long count) implements java.io.Serializable {
        }
    }

    /** The version of the item the caller reads: their agency's current one, or the shared one. */
    public Optional<ItemVersion> find(Caller caller, ItemId id) {
        return find(caller, id, null);
    }

    /** As {@link #find(Caller, ItemId)}, recording why the caller reads it (asked for TLP:AMBER and RED). */
    public Optional<ItemVersion> find(Caller caller, ItemId id, String purpose) {
        Optional<ItemVersion> version = findVisible(caller, id);
        if (version.isEmpty()) {
            recordDenial(caller, id, AuditAction.VIEW);
        } else {
            audit.record(caller, AuditAction.VIEW, AuditOutcome.ALLOWED, version.get().getItem(), purpose,
                    "version " + version.get().getNumber());
        }
        return version;
    }

    /**
     * As {@link #find(Caller, ItemId, String)}, for an item the caller links a draft to: a refusal fails the draft,
     * whose transaction rolls back, so the refusal is recorded in a transaction of its own.
     */
    public Optional<ItemVersion> findToLink(Caller caller, ItemId id, String purpose) {
        Optional<ItemVersion> version = findVisible(caller, id);
        if (version.isEmpty()) {
            audit.recordDeniedApart(caller, AuditAction.VIEW, id.value(), em.find(Item.class, id.value()), notFound(id),
                    "item " + id + " not visible to the caller, who linked a draft to it");
        } else {
            audit.record(caller, AuditAction.VIEW, AuditOutcome.ALLOWED, version.get().getItem(), purpose,
                    "version " + version.get().getNumber());
        }
        return version;
    }

    /**
     * Whether a read of the item by this caller must state its purpose first: an AMBER,
     * AMBER+STRICT or RED item read from outside its owner agency. Nothing is read or recorded here;
     * the read that follows goes through {@link #find} or {@link #dossier} with the purpose.
     */
    public boolean purposeNeeded(Caller caller, ItemId id) {
        return findVisible(caller, id)
                .filter(v -> !caller.activeAgency().map(v.getItem()::isOwnedBy).orElse(false))
                .map(v -> readableVersions(caller, v).stream().anyMatch(r -> PURPOSE_MARKINGS.contains(r.getMarking())))
                .orElse(false);
    }

    /**
     * The item whose purpose the caller must give before they download this file: its version is marked AMBER,
     * AMBER+STRICT or RED by another agency (and they may read it). Empty when none is needed, or the file is not
     * theirs to read (the download then says "not found"). Nothing is read or recorded here.
     */
    public Optional<ItemId> purposeNeededForFile(Caller caller, long attachmentId) {
        Attachment attachment = em.find(Attachment.class, attachmentId);
        if (attachment == null || !PURPOSE_MARKINGS.contains(attachment.getVersion().getMarking())
                || caller.activeAgency().map(attachment.getVersion().getItem()::isOwnedBy).orElse(true)) {
            return Optional.empty();
        }
        ItemId item = attachment.getVersion().getItem().id();
        return findVisible(caller, item).filter(visible -> readableVersions(caller, visible).stream()
                .anyMatch(v -> v.getId().equals(attachment.getVersion().getId()))).map(visible -> item);
    }

    /**
     * Whether the caller reads the item — asked before someone is told of it (a notification): nothing
     * is shown, so nothing is recorded.
     */
    public boolean readable(Caller caller, ItemId id) {
        return findVisible(caller, id).isPresent();
    }

    /**
     * Whether the caller reads this version of an item (see {@link #readableVersions}) — asked before someone is
     * told what it says (a notification quoting it): nothing is shown, so nothing is recorded.
     */
    public boolean readable(Caller caller, ItemVersion version) {
        return findVisible(caller, version.getItem().id()).map(visible -> readableVersions(caller, visible).stream()
                .anyMatch(v -> v.getId().equals(version.getId()))).orElse(false);
    }

    /**
     * The item, for a change by someone acting for its owner agency who reads its current version.
     * The item's own rules then decide whether this caller may make this change.
     */
    public Optional<Item> findForChange(Caller caller, ItemId id) {
        Optional<ItemVersion> visible = findVisible(caller, id);
        Optional<Item> item = visible.filter(v -> caller.activeAgency().map(v.getItem()::isOwnedBy).orElse(false))
                .map(ItemVersion::getItem);
        if (item.isEmpty()) {
            recordRefusedChange(caller, id, visible.isPresent());
        }
        return item;
    }

    /**
     * The item, for a follow-through step (a decision on a recommendation, an action item's status)
     * by someone who reads its shared version (the step changes that version, so they must read that
     * one, not only a newer draft of it). The kind's rules then decide whether this caller may take the step.
     */
    public Optional<Item> findForFollowThrough(Caller caller, ItemId id) {
        Optional<ItemVersion> visible = findVisible(caller, id);
        Optional<Item> item = visible.filter(v -> v.getItem().published()
                        .map(shared -> readableVersions(caller, v).contains(shared)).orElse(true))
                .map(ItemVersion::getItem);
        if (item.isEmpty()) {
            recordRefusedChange(caller, id, visible.isPresent());
        }
        return item;
    }

    /**
     * The change fails with "not found" and rolls back; the refusal is recorded in a transaction of its
     * own, telling the caller's agency no more than the caller learnt.
     */
    private void recordRefusedChange(Caller caller, ItemId id, boolean readable) {
        Item existing = em.find(Item.class, id.value());
        audit.recordDeniedApart(caller, AuditAction.UPDATE, id.value(), existing,
                readable ? "item " + id + " not changeable by the caller" : notFound(id),
                "item " + id + " not changeable by the caller");
    }

    /**
     * The versions of the item the caller may read, oldest first (see {@link #readableVersions}).
     */
    public List<ItemVersion> versions(Caller caller, ItemId id) {
        Optional<ItemVersion> visible = findVisible(caller, id);
        if (visible.isEmpty()) {
            recordDenial(caller, id, AuditAction.HISTORY);
            return List.of();
        }
        audit.record(caller, AuditAction.HISTORY, AuditOutcome.ALLOWED, visible.get().getItem(), null, "versions");
        return readableVersions(caller, visible.get());
    }

    /**
     * Each version judged on its own, by its own marking and grants: inside the owner agency, every
     * version but a TLP:RED one, which only its author, the people it names and the agency's vetters
     * read (a newer, lower-marked draft does not open an older RED version, nor the reverse); outside,
     * the published versions (current or superseded) whose sharing reached the caller's agency.
     */
    private List<ItemVersion> readableVersions(Caller caller, ItemVersion visible) {
        Item item = visible.getItem();
        if (caller.activeAgency().map(item::isOwnedBy).orElse(false)) {
            return item.getVersions().stream()
                    .filter(v -> readsInside(caller, v.getMarking() == Marking.RED, v.getAuthor(), v.isSharedByNameWith(caller)))
                    .toList();
        }
        Predicate outside = outside(caller, EnumSet.of(WorkflowState.PUBLISHED, WorkflowState.ARCHIVED, WorkflowState.SUPERSEDED));
        TypedQuery<ItemVersion> jpql = em.createQuery("select v from ItemVersion v join v.item i where i.id = :id and "
                + outside.jpql + " order by v.number", ItemVersion.class);
        outside.bind(jpql::setParameter);
        return jpql.setParameter("id", item.getId()).getResultList();
    }

    /**
     * The rule of {@link #INSIDE_NOT_RED} for one version, or one state of it: inside the owner agency,
     * a RED version is read by its author, the people it names and the agency's vetters (who vet it).
     */
    private static boolean readsInside(Caller caller, boolean red, Username author, boolean named) {
        return !red || caller.hasRole(Role.VETTER) || author.equals(caller.username()) || named;
    }

    /**
     * The history entries of the item the caller may read (see {@link #readableHistory}).
     */
    public List<ItemEvent> history(Caller caller, ItemId id) {
        return history(caller, id, null);
    }

    /** As {@link #history(Caller, ItemId)}, recording why the caller reads it (asked for TLP:AMBER and RED). */
    public List<ItemEvent> history(Caller caller, ItemId id, String purpose) {
        Optional<ItemVersion> visible = findVisible(caller, id);
        if (visible.isEmpty()) {
            recordDenial(caller, id, AuditAction.HISTORY);
            return List.of();
        }
        audit.record(caller, AuditAction.HISTORY, AuditOutcome.ALLOWED, visible.get().getItem(), purpose, "history");
        return readableHistory(caller, visible.get().getItem(), readableVersions(caller, visible.get()));
    }

    /**
     * The history entries the caller reads after a change they made (the answer to a follow-up step): the
     * change was recorded, so nothing more is. The same entries {@link #history} gives them.
     */
    public List<ItemEvent> historyAfterChange(Caller caller, Item item) {
        return findVisible(caller, item.id())
                .map(visible -> readableHistory(caller, item, readableVersions(caller, visible)))
                .orElse(List.of());
    }

    /**
     * The entries of the versions the caller reads, each judged by how its version was shared at that
     * moment: inside the owner agency, an entry made while its version was TLP:RED (its snapshot, or the
     * snapshot before it) only for that version's author, the people named then and the vetters — a
     * version drafted RED and lowered later does not show its RED past. Outside, the publications and
     * what followed them (decisions, progress, action-item updates). Links in snapshots to items the
     * caller may not read are left out.
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
                    ? Optional.ofNullable(inForce.get(event.getVersionNumber()))
                    .map(then -> readsInside(caller, then.isRed(), version.getAuthor(), caller.isAmong(then.people()))).orElse(true)
                    : event.getAction().isReadByAll();
            if (reads) {
                entries.add(event);
            }
        }
        return withReadableLinks(caller, entries);
    }

    /** The entries with their snapshots' links to items the caller does not read left out. */
    private List<ItemEvent> withReadableLinks(Caller caller, List<ItemEvent> entries) {
        Set<Long> linked = new java.util.TreeSet<>();
        entries.forEach(e -> linked.addAll(e.linkedItems()));
        if (linked.isEmpty()) {
            return entries;
        }
        Set<Long> readable = new java.util.HashSet<>();
        linked.forEach(id -> findVisible(caller, new ItemId(id)).ifPresent(v -> readable.add(id)));
        return entries.stream().map(e -> e.linkingOnly(readable)).toList();
    }

    /**
     * An attached file, if the caller may read the version it is attached to (their agency's
     * versions, or a shared version whose sharing reaches them).
     */
    public Optional<Attachment> attachment(Caller caller, long attachmentId) {
        return attachment(caller, null, attachmentId);
    }

    /**
     * As {@link #attachment(Caller, long)}, for a file asked for as one of {@code onItem}'s (null: any
     * item's). A file the caller may not read is recorded for their agency exactly as a file that does not
     * exist; its name and checksum go to the owner agency's chain only.
     */
    public Optional<Attachment> attachment(Caller caller, ItemId onItem, long attachmentId) {
        return attachment(caller, onItem, attachmentId, null);
    }

    /** As {@link #attachment(Caller, ItemId, long)}, recording why the caller reads it (asked for TLP:AMBER and RED). */
    public Optional<Attachment> attachment(Caller caller, ItemId onItem, long attachmentId, String purpose) {
        Attachment attachment = em.find(Attachment.class, attachmentId);
        String asked = "attachment " + attachmentId + (onItem == null ? "" : " of item " + onItem);
        if (attachment == null || onItem != null && !attachment.getVersion().getItem().getId().equals(onItem.value())) {
            audit.recordDenied(caller, AuditAction.DOWNLOAD, onItem == null ? null : onItem.value(), null, asked + " not found", null);
            return Optional.empty();
        }
        Item item = attachment.getVersion().getItem();
        boolean readable = findVisible(caller, item.id())
                .map(visible -> readableVersions(caller, visible).stream().anyMatch(v -> v.getId().equals(attachment.getVersion().getId())))
                .orElse(false);
        String file = "attachment " + attachmentId + " " + attachment.getFilename() + " sha256 " + attachment.getSha256();
        if (!readable) {
            audit.recordDenied(caller, AuditAction.DOWNLOAD, onItem == null ? null : onItem.value(), item, asked + " not found",
                    file + " of item " + item.getId() + " version " + attachment.getVersion().getNumber() + " not readable by the caller");
            return Optional.empty();
        }
        audit.record(caller, AuditAction.DOWNLOAD, AuditOutcome.ALLOWED, item, purpose, file);
        return Optional.of(attachment);
    }

    /**
     * The item as its page shows it, recorded as one read (with the purpose, when asked): the
     * version the caller reads, the versions and history entries they may read, the shared version
     * when they may read it (its follow-up and action items), and the linked items (meeting,
     * recommendations) they may read — others are left out, never hinted at.
     */
    public Optional<Dossier> dossier(Caller caller, ItemId id, String purpose) {
        Optional<ItemVersion> version = findVisible(caller, id);
        if (version.isEmpty()) {
            recordDenial(caller, id, AuditAction.VIEW);
            return Optional.empty();
        }
        ItemVersion visible = version.get();
        List<ItemVersion> links = new ArrayList<>(readableLinks(caller, visible));
        if (visible.getItem().getKind() == ItemKind.MEETING_OUTCOME) {
            recommendationsFrom(caller, visible.getItem()).stream()
                    .filter(r -> links.stream().noneMatch(l -> l.getItem().equals(r.getItem()))).forEach(links::add);
        }
        audit.record(caller, AuditAction.VIEW, AuditOutcome.ALLOWED, visible.getItem(), purpose, "version " + visible.getNumber()
                + (links.isEmpty() ? "" : " with links to " + links.stream().map(l -> l.getItem().getId().toString()).toList()));
        List<ItemVersion> versions = readableVersions(caller, visible);
        ItemVersion shared = visible.getItem().published().filter(versions::contains).orElse(null);
        return Optional.of(new Dossier(visible, versions, readableHistory(caller, visible.getItem(), versions), links, shared));
    }

    /** The items {@code version} links to that the caller reads (nothing is recorded: see {@link #dossier} for a read). */
    public List<ItemVersion> readableLinks(Caller caller, ItemVersion version) {
        return version.links().stream().map(link -> findVisible(caller, link.id())).flatMap(Optional::stream).toList();
    }

    /** The recommendations the caller reads that name {@code meeting} as the meeting they came from. */
    private List<ItemVersion> recommendationsFrom(Caller caller, Item meeting) {
        Predicate where = visible(caller, ItemQuery.of(Listing.ALL));
        TypedQuery<ItemVersion> jpql = em.createQuery("select v from ItemVersion v join v.item i where i.kind = :recommendation and "
                + where.jpql + " and v.id in (select r.id from RecommendationVersion r where r.meeting.id = :meeting)"
                + " order by v.title", ItemVersion.class);
        where.bind(jpql::setParameter);
        return jpql.setParameter("recommendation", ItemKind.RECOMMENDATION).setParameter("meeting", meeting.getId())
                .setMaxResults(200).getResultList();
    }

    /**
     * An item as one page shows it (see {@link #dossier}).
     *
     * @param shared the published (or archived) version, which carries the follow-up and the action items'
     *               updates, when the caller may read it (null otherwise, or before publication)
     */
    public record Dossier(ItemVersion version, List<ItemVersion> versions, List<ItemEvent> history, List<ItemVersion> links,
                          ItemVersion shared) implements java.io.Serializable {

        public Optional<ItemVersion> sharedVersion() {
            return Optional.ofNullable(shared);
        }
    }

    private Optional<ItemVersion> findVisible(Caller caller, ItemId id) {
        if (caller.activeAgency().isEmpty()) {
            return Optional.empty();
        }
        Predicate where = visible(caller, ItemQuery.of(Listing.ALL));
        TypedQuery<ItemVersion> jpql = em.createQuery("select v from ItemVersion v join v.item i where i.id = :id and "
                + where.jpql, ItemVersion.class);
        where.bind(jpql::setParameter);
        return jpql.setParameter("id", id.value()).getResultStream().findFirst();
    }

    /**
     * Records a refused read: for the caller's agency, the same for a missing item and one the caller
     * may not read; the owner agency of an existing item learns what happened in its own chain.
     */
    private void recordDenial(Caller caller, ItemId id, AuditAction action) {
        audit.recordDenied(caller, action, id.value(), em.find(Item.class, id.value()), notFound(id),
                "item " + id + " not visible to the caller");
    }

    private static String notFound(ItemId id) {
        return "item " + id + " not found";
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
        return " order by " + query.order().path() + direction + ", v.id" + direction;
    }

    private static boolean mayUse(Caller caller, Listing view) {
        return view != Listing.VETTING_QUEUE || caller.hasRole(Role.VETTER);
    }

    /**
     * The condition on {@code v} (version) and {@code i} (item) under which the caller reads a row
     * of the view: for the other queries of this package (the attention counts, the inbox), which
     * add their own conditions to it. Only classes of this package can run a query with it.
     */
    public Predicate visible(Caller caller, ItemQuery query) {
        Predicate where = switch (query.view()) {
            case ALL -> inside(caller).or(outside(caller, WorkflowState.shared()));
            case MY_AGENCY -> inside(caller);
            case SHARED_WITH_MY_AGENCY -> outside(caller, WorkflowState.shared());
            case VETTING_QUEUE -> inside(caller).and("v.state = :submitted and v.author <> :username",
                    Map.of("submitted", WorkflowState.SUBMITTED));
            case AWAITING_DECISION -> outside(caller, WorkflowState.shared()).and("i.kind = :recommendation and v.id in "
                    + "(select r.id from RecommendationVersion r where r.addressee.id = :agencyId and r.followUp = :considered)",
                    Map.of("recommendation", ItemKind.RECOMMENDATION, "considered", FollowUpStatus.UNDER_CONSIDERATION));
            case ACTIONS_DUE -> inside(caller).or(outside(caller, WorkflowState.shared())).and("i.kind = :meeting and exists "
                    + "(select m.id from MeetingVersion m join m.actionItems a where m.item = i and m.state in :sharedStates"
                    + " and a.owner.id = :agencyId and a.status in :pending and a.dueOn <= :soon and "
                    + sharedVersionRead(caller, "m") + ")", actionsDue());
        };
        if (query.kind() != null) {
            where = where.and("i.kind = :kind", Map.of("kind", query.kind()));
        }
        if (query.state() != null) {
            where = where.and("v.state = :state", Map.of("state", query.state()));
        }
        if (query.marking() != null) {
            where = where.and("v.marking = :marking", Map.of("marking", query.marking()));
        }
        if (query.changedAfter() != null) {
            where = where.and("v.updatedAt > :changedAfter", Map.of("changedAfter", query.changedAfter()));
        }
        if (query.owner() != null) {
            where = where.and("i.owner.code = :owner", Map.of("owner", query.owner()));
        }
        if (query.terms() != null) {
            where = where.and(textMatch.condition(query.terms()));
        }
        if (query.titleContains() != null) {
            where = where.and("lower(v.title) like :title escape '\\'",
                    Map.of("title", "%" + escapeLike(query.titleContains().toLowerCase()) + "%"));
        }
        return where;
    }

    /**
     * The condition that the caller reads {@code alias}, the shared (published or archived) version of an item they
     * read through {@code v}: for another agency's item it is {@code v}; inside the owner agency it may be an older
     * TLP:RED edition of the draft they read, which only its author, the people it names and the vetters read.
     * Uses the parameters of {@link #visible}.
     */
    public static String sharedVersionRead(Caller caller, String alias) {
        return caller.hasRole(Role.VETTER) ? "1 = 1" : "(i.owner <> :agency or " + alias + ".marking <> :red or " + alias
                + ".author = :username or exists (select u6 from UserGrant u6 where u6.versionId between " + alias + ".id and "
                + alias + ".id and u6.personId = :person))";
    }

    /** The parameters of "an action item of the caller's agency pending and due within {@value #DUE_SOON_DAYS} days". */
    public Map<String, Object> actionsDue() {
        return Map.of("meeting", ItemKind.MEETING_OUTCOME, "sharedStates", List.copyOf(WorkflowState.shared()),
                "pending", List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS), "soon", LocalDate.now(clock).plusDays(DUE_SOON_DAYS));
    }

    /** Vetters must read what they vet, TLP:RED included; other colleagues read RED only when named. */
    private static Predicate inside(Caller caller) {
        return new Predicate(caller.hasRole(Role.VETTER) ? INSIDE : INSIDE_NOT_RED, common(caller));
    }

    private static Predicate outside(Caller caller, Set<WorkflowState> states) {
        Map<String, Object> parameters = common(caller);
        parameters.put("shared", List.copyOf(states));
        parameters.put("allMembers", Scope.ALL_MEMBERS);
        parameters.put("namedAgencies", Scope.NAMED_AGENCIES);
        parameters.put("communities", Scope.COMMUNITIES);
        parameters.put("namedUsers", Scope.NAMED_USERS);
        parameters.put("activeOwner", AgencyStatus.ACTIVE);
        return new Predicate(OUTSIDE, parameters);
    }

    private static Map<String, Object> common(Caller caller) {
        Agency agency = caller.activeAgency().orElseThrow();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("agency", agency);
        parameters.put("agencyId", agency.getId());
        parameters.put("username", caller.username().value());
        // a caller known by name only is named in no grant (no grant has an empty id)
        parameters.put("person", caller.person().map(PersonId::value).orElse(""));
        parameters.put("red", Marking.RED);
        // a parameter, not the literal true: EclipseLink writes the literal as 1, which H2 refuses for a boolean
        parameters.put("current", Boolean.TRUE);
        return parameters;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A JPQL condition and its parameters; conditions combine without ever pasting caller text into JPQL. */
    public record Predicate(String jpql, Map<String, Object> parameters) {

        Predicate or(Predicate other) {
            return combine("or", other.jpql, other.parameters);
        }

        Predicate and(String condition, Map<String, Object> more) {
            return combine("and", condition, more);
        }

        Predicate and(Predicate other) {
            return combine("and", other.jpql, other.parameters);
        }

        private Predicate combine(String operator, String condition, Map<String, Object> more) {
            Map<String, Object> all = new HashMap<>(parameters);
            all.putAll(more);
            return new Predicate("(" + jpql + " " + operator + " " + condition + ")", all);
        }

        /** Sets the parameters the condition uses (JPA refuses the others). */
        void bind(BiConsumer<String, Object> setter) {
            parameters.forEach((name, value) -> {
                if (Pattern.compile(":" + name + "\\b").matcher(jpql).find()) {
                    setter.accept(name, value);
                }
            });
        }
    }

}
