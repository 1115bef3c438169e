package org.interlink.sharing.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.interlink.agency.entity.Agency;
import org.interlink.agreement.entity.Agreement;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Username;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.entity.Attachment;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemReference;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.entity.PurposeNotAllowed;
import org.interlink.item.entity.PurposeRequired;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The one place that decides who reads which item: the condition every query over items carries, and the decision on
 * one item (with the record of a refusal). Only this class builds a query over items (an architecture test keeps it
 * so); the read use cases ({@code sharing.boundary.SharedItems}, the attention counts, the dashboard) ask it for their
 * queries, which always carry the condition. It also answers the one system question over items (the action items
 * newly overdue), which shows nobody anything.
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
 * is suspended. A caller who acts for no agency reads nothing. An item the caller may not read is
 * "not found", exactly like a missing one, and the attempt is recorded.
 */
@Stateless
public class VisibilityGate {

    /** The markings whose readers outside the owner agency say why they read. */
    public static final Set<Marking> PURPOSE_MARKINGS = EnumSet.of(Marking.AMBER, Marking.AMBER_STRICT, Marking.RED);

    /** An action item is "due" from this many days before its due date. */
    public static final int DUE_SOON_DAYS = 14;

    /**
     * Versions as the item page and the entity reads of lists (the edit forms' choices, exports) use them, in one
     * statement: each with its item, the item's owner and its kind's table ({@link ItemVersion.KindsOuterJoined}).
     * Fetched by the query's text and the descriptor, not by hints: a hint makes EclipseLink prepare the query (generate
     * its SQL) again on every call (those lists still add one, for their rows' translations: {@code SharedItems.rows}).
     * The list pages and the API read their rows as values instead ({@code ListedVersion}).
     */
    public static final String VERSIONS = "select v from ItemVersion v join fetch v.item i join fetch v.item.owner";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** Whether the database is PostgreSQL (H2 is told it is, for EclipseLink's SQL, in persistence.xml); asked once per instance. */
    private Boolean postgres;

    @Inject
    AuditGate audit;

    @Inject
    Clock clock;

    @Inject
    TextMatch textMatch;

    /**
     * A query over what the caller reads in the query's view, filtered as it asks:
     * {@code <selectFrom> where (<visible>) and (<condition>) <tail>}, with the asker's parameters and the gate's bound.
     * {@code selectFrom} names the versions {@code v} and their items {@code i} (and may join more; another root must be
     * tied to {@code v} or {@code i} by the condition); the condition is parenthesised whole; the tail is a grouping and
     * an order only. A parameter of the asker named like one of the gate's is refused, so the visibility condition
     * always means what the gate says; the asker sets no parameter on the query it is given. Only for a caller acting
     * for an agency.
     *
     * @param condition  more conditions of the asker (null: none)
     * @param tail       {@code group by …} and {@code order by …}, or empty
     * @param parameters the parameters of the condition
     */
    public <T> TypedQuery<T> query(Caller caller, ItemQuery query, String selectFrom, String condition, String tail,
            Map<String, ?> parameters, Class<T> type) {
        return run(Visibility.of(caller, query, LocalDate.now(clock), textMatch::condition), selectFrom, condition, tail, parameters,
                type);
    }

    private <T> TypedQuery<T> run(Visibility.Predicate where, String selectFrom, String condition, String tail, Map<String, ?> parameters,
            Class<T> type) {
        String jpql = QueryShape.compose(selectFrom, where.jpql(), condition, tail, parameters.keySet(), where.parameters().keySet());
        TypedQuery<T> typed = em.createQuery(jpql, type);
        parameters.forEach(typed::setParameter);
        where.bind(jpql, typed::setParameter);
        return typed;
    }

    /**
     * The rows of a list or search from {@code first}, at most {@code max}, in the query's order. A search in
     * newest-first order is first narrowed to its newest matches, whoever may read them: for a word in nearly every
     * item PostgreSQL would otherwise find every version holding it and sort them all (p95 2.1 s at 100,000 items,
     * where the caller reads about half). The window holds four times the rows asked for up to {@code first + max};
     * the query reads only versions changed since its oldest. When the caller reads too few of them it widens once,
     * eightfold, if at least an eighth of the rows asked for were there, and otherwise reads the whole search. The
     * rows are the same: every match outside the window is older than every match in it. The window's time stays
     * here and in the query it bounds.
     *
     * @param rows the asker's query ({@link #query}), given one more condition on {@code v} (null: none) and its parameters
     */
    public <T> List<T> newestFirst(ItemQuery query, int first, int max, BiFunction<String, Map<String, ?>, TypedQuery<T>> rows) {
        if (query.terms() != null && query.order() == ItemQuery.Order.UPDATED && !query.ascending()) {
            // planned so for these queries only (on an error the transaction ends, and the settings with it)
            Object[] before = planForNewestMatches();
            List<T> found = null;
            int window = 4 * (first + max);
            for (int tries = 0; tries < 2 && found == null; tries++, window *= 8) {
                Optional<Instant> since = newestMatchesSince(query.terms(), window);
                if (since.isEmpty()) {
                    break;
                }
                List<T> inWindow = rows.apply("v.updatedAt >= :windowStart", Map.of("windowStart", since.get()))
                        .setFirstResult(first).setMaxResults(max).getResultList();
                if (inWindow.size() == max) {
                    found = inWindow;
                } else if (inWindow.size() * 8 < max) {
                    break;
                }
            }
            planAsBefore(before);
            if (found != null) {
                return found;
            }
        }
        return rows.apply(null, Map.of()).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * The time of change of the {@code size}th newest version whose words match the search terms, whoever may read
     * it; empty when fewer match. A bound, not a read: it only narrows a query of this gate. One walk down the index of
     * change times that stops after {@code size} matches, for a common word; for a rare one PostgreSQL finds its few
     * versions in the words' index (planned for the words by {@link #planForNewestMatches}). How long a search takes has
     * always depended on how many versions hold its words, readable or not (the words' index finds them before the
     * gate's condition filters them); the window does not add to that (docs/security.md).
     */
    private Optional<Instant> newestMatchesSince(String terms, int size) {
        Visibility.Predicate match = textMatch.condition(terms);
        TypedQuery<Instant> times = em.createQuery("select v.updatedAt from ItemVersion v where " + match.jpql()
                + " order by v.updatedAt desc, v.id desc", Instant.class);
        match.parameters().forEach(times::setParameter);
        return times.setFirstResult(size - 1).setMaxResults(1).getResultList().stream().findFirst();
    }

    /**
     * The next queries of this transaction planned for a search narrowed to its newest matches (PostgreSQL; nothing on
     * H2), until {@link #planAsBefore}: each planned for its words and bound, never with a plan made once for any (one
     * walks the whole index of change times for a rare word: the benchmark's search for one item took p50 236 ms), and
     * joined row by row, never through a hash of a whole table (PostgreSQL costs the gate's condition on each version
     * as if every grant test ran, hashes all 100,000 items rather than probe the item of each of 4,000 versions, and
     * takes 70-110 ms where the probes take 18; EXPLAIN ANALYZE, 100,014 items).
     *
     * @return the settings before, for {@link #planAsBefore}
     */
    private Object[] planForNewestMatches() {
        if (!isPostgres()) {
            return null;
        }
        return (Object[]) em.createNativeQuery("select current_setting('plan_cache_mode'), current_setting('enable_hashjoin'),"
                + " set_config('plan_cache_mode', 'force_custom_plan', true), set_config('enable_hashjoin', 'off', true)")
                .getSingleResult();
    }

    /** The settings {@link #planForNewestMatches} found, back for the rest of the transaction. */
    private void planAsBefore(Object[] before) {
        if (before != null) {
            em.createNativeQuery("select set_config('plan_cache_mode', ?1, true), set_config('enable_hashjoin', ?2, true)")
                    .setParameter(1, before[0]).setParameter(2, before[1]).getSingleResult();
        }
    }

    /**
     * The rest of this transaction's queries planned for their parameters (PostgreSQL; nothing on H2). After five runs
     * of a prepared statement PostgreSQL may switch to a plan made once for any parameters; for the dashboard's counts
     * that plan took 72 ms (action items due) and 38 ms (awaiting decision) where one made for the caller takes 0.1 ms
     * (100,000 items). Not for every query: planning each costs ≈1.5 ms, which doubled the generated histories' time.
     */
    public void planForTheCaller() {
        if (isPostgres()) {
            em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = "postgresql".equals(SchemaMigration.vendor(dataSource));
        }
        return postgres;
    }

    /**
     * The version of the item the caller reads — their agency's current one, or the shared one — or empty when they
     * may not read it. Nothing is recorded: for the askers who record what they do with it.
     */
    public Optional<ItemVersion> visible(Caller caller, ItemId id) {
        if (caller.activeAgency().isEmpty()) {
            return Optional.empty();
        }
        return query(caller, ItemQuery.of(Listing.ALL), VERSIONS, "i.id = :id", "", Map.of("id", id.value()), ItemVersion.class)
                .getResultStream().findFirst();
    }

    /**
     * As {@link #visible(Caller, ItemId)}, for a read of {@code action}: a refusal is recorded, for the caller's agency
     * the same for a missing item and one the caller may not read; the owner agency of an existing item learns what
     * happened in its own chain. The asker records the read it allows, with what it shows.
     */
    public Optional<ItemVersion> read(Caller caller, ItemId id, AuditAction action) {
        Optional<ItemVersion> version = visible(caller, id);
        if (version.isEmpty()) {
            audit.recordDenied(caller, action, id.value(), existing(id), "item " + id + " not found",
                    "item " + id + " not visible to the caller");
        }
        return version;
    }

    /**
     * As {@link #read}, for a read whose refusal fails the transaction (a draft linked to an item the caller may not
     * read): the refusal is recorded in a transaction of its own.
     */
    public Optional<ItemVersion> readApart(Caller caller, ItemId id, AuditAction action, String why) {
        Optional<ItemVersion> version = visible(caller, id);
        if (version.isEmpty()) {
            audit.recordDeniedApart(caller, action, id.value(), existing(id), "item " + id + " not found",
                    "item " + id + " not visible to the caller, " + why);
        }
        return version;
    }

    /**
     * Whether reading these versions (those the caller reads of the item they read through {@code visible}) needs the
     * reader's purpose first: an AMBER, AMBER+STRICT or RED edition read from outside its owner agency.
     */
    public static boolean purposeNeeded(Caller caller, ItemVersion visible, List<ItemVersion> readable) {
        return !caller.activeAgency().map(visible.getItem()::isOwnedBy).orElse(false)
                && readable.stream().anyMatch(v -> PURPOSE_MARKINGS.contains(v.getMarking()));
    }

    /**
     * What a read of these versions (an item of another agency the caller reads) rests on: the agreements that cover
     * the editions that need a purpose (TLP:AMBER, AMBER+STRICT, RED) for the caller's agency today, and the purposes
     * every one of those editions may be read for. One statement per kind of edition (its coverage and marking).
     */
    public ReadBasis basis(Caller caller, Item item, Collection<ItemVersion> versions) {
        Set<PurposeOfUse> allowed = null;
        Set<String> references = new TreeSet<>();
        Set<List<Object>> asked = new HashSet<>();
        for (ItemVersion version : versions) {
            if (!PURPOSE_MARKINGS.contains(version.getMarking()) || !asked.add(List.of(version.getCoverage(), version.getMarking()))) {
                continue;
            }
            List<Agreement> covering = em.createQuery("select distinct a from Agreement a join fetch a.draftingAgency"
                    + " left join fetch a.purposes where a.id in"
                    + " (select k.agreementId from AgreementCover k where k.readerId = :reader and k.ownerId = :owner"
                    + " and k.coverage = :coverage and k.marking = :marking and k.validFrom <= :today and k.validUntil >= :today)",
                    Agreement.class)
                    .setParameter("reader", caller.activeAgency().orElseThrow().getId()).setParameter("owner", item.getOwner().getId())
                    .setParameter("coverage", version.getCoverage()).setParameter("marking", version.getMarking())
                    .setParameter("today", LocalDate.now(clock)).getResultList();
            Set<PurposeOfUse> these = EnumSet.noneOf(PurposeOfUse.class);
            covering.forEach(agreement -> {
                these.addAll(agreement.getPurposes());
                references.add(agreement.qualifiedReference());
            });
            if (allowed == null) {
                allowed = these;
            } else {
                allowed.retainAll(these);
            }
        }
        return new ReadBasis(allowed == null ? EnumSet.noneOf(PurposeOfUse.class) : allowed, List.copyOf(references));
    }

    /** The agreements a read rests on and the purposes they allow (see {@link #basis}). */
    public record ReadBasis(Set<PurposeOfUse> purposes, List<String> agreements) {

        /** Whether {@code purpose} (as the reader gave it) is one the agreements allow. */
        public boolean allows(String purpose) {
            return PurposeOfUse.of(purpose).filter(purposes::contains).isPresent();
        }

        /** The agreements in words, e.g. "agreement DSA-MOI-IOM-2026 of iq-moi"; "no agreement" when there is none. */
        public String describe() {
            return agreements.isEmpty()
                    ? "no agreement"
                    : (agreements.size() == 1 ? "agreement " : "agreements ") + String.join(", ", agreements);
        }

        /** The purposes allowed, as a reader gives them. */
        public String allowed() {
            return purposes.isEmpty() ? "none" : purposes.stream().map(PurposeOfUse::label).collect(Collectors.joining(", "));
        }
    }

    /**
     * Whether the caller reads this version of an item (see {@link #readableVersions}) — asked before someone is
     * told what it says (a notification quoting it): nothing is shown, so nothing is recorded.
     */
    public boolean readable(Caller caller, ItemVersion version) {
        return visible(caller, version.getItem().id()).map(visible -> readableVersions(caller, visible).stream()
                .anyMatch(v -> v.getId().equals(version.getId()))).orElse(false);
    }

    /**
     * The item, for a change by someone acting for its owner agency who reads its current version.
     * The item's own rules then decide whether this caller may make this change.
     */
    public Optional<Item> findForChange(Caller caller, ItemId id) {
        Optional<ItemVersion> visible = visible(caller, id);
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
        Optional<ItemVersion> visible = visible(caller, id);
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
        audit.recordDeniedApart(caller, AuditAction.UPDATE, id.value(), existing(id),
                readable ? "item " + id + " not changeable by the caller" : "item " + id + " not found",
                "item " + id + " not changeable by the caller");
    }

    /**
     * Each version judged on its own, by its own marking and grants: inside the owner agency, every
     * version but a TLP:RED one, which only its author, the people it names and the agency's vetters
     * read (a newer, lower-marked draft does not open an older RED version, nor the reverse); outside,
     * the published versions (current or superseded) whose sharing reached the caller's agency.
     */
    public List<ItemVersion> readableVersions(Caller caller, ItemVersion visible) {
        Item item = visible.getItem();
        if (caller.activeAgency().map(item::isOwnedBy).orElse(false)) {
            return item.getVersions().stream()
                    .filter(v -> Visibility.readsInside(caller, v.getMarking() == Marking.RED, v.getAuthor(), v.isSharedByNameWith(caller)))
                    .toList();
        }
        return run(Visibility.outside(caller, EnumSet.of(WorkflowState.PUBLISHED, WorkflowState.ARCHIVED, WorkflowState.SUPERSEDED),
                LocalDate.now(clock)),
                "select v from ItemVersion v join v.item i", "i.id = :id", "order by v.number", Map.of("id", item.getId()),
                ItemVersion.class).getResultList();
    }

    /**
     * Inside the owner agency, whether the caller reads one version (or one state of it): a RED version only its author,
     * the people it names and the agency's vetters (who vet it) read.
     */
    public static boolean readsInside(Caller caller, boolean red, Username author, boolean named) {
        return Visibility.readsInside(caller, red, author, named);
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
        return visible(caller, item).filter(visible -> readableVersions(caller, visible).stream()
                .anyMatch(v -> v.getId().equals(attachment.getVersion().getId()))).map(visible -> item);
    }

    /**
     * An attached file, recorded as a download with why the caller reads it (asked for TLP:AMBER and RED), if the caller
     * may read the version it is attached to (their agency's versions, or a shared version whose sharing reaches them),
     * asked for as one of {@code onItem}'s (null: any item's). A file the caller may not read is recorded for their
     * agency exactly as a file that does not exist; its name and checksum go to the owner agency's chain only. A file of
     * another agency's TLP:AMBER or RED edition needs a purpose ({@link PurposeRequired}) that the agreement it is read
     * under allows ({@link PurposeNotAllowed}, recorded); the download's event names the agreement.
     */
    public Optional<Attachment> attachment(Caller caller, ItemId onItem, long attachmentId, String purpose) {
        Attachment attachment = em.find(Attachment.class, attachmentId);
        String asked = "attachment " + attachmentId + (onItem == null ? "" : " of item " + onItem);
        if (attachment == null || onItem != null && !attachment.getVersion().getItem().getId().equals(onItem.value())) {
            audit.recordDenied(caller, AuditAction.DOWNLOAD, onItem == null ? null : onItem.value(), null, asked + " not found", null);
            return Optional.empty();
        }
        Item item = attachment.getVersion().getItem();
        boolean readable = visible(caller, item.id())
                .map(visible -> readableVersions(caller, visible).stream().anyMatch(v -> v.getId().equals(attachment.getVersion().getId())))
                .orElse(false);
        String file = "attachment " + attachmentId + " " + attachment.getFilename() + " sha256 " + attachment.getSha256();
        if (!readable) {
            audit.recordDenied(caller, AuditAction.DOWNLOAD, onItem == null ? null : onItem.value(), item.reference(), asked + " not found",
                    file + " of item " + item.getId() + " version " + attachment.getVersion().getNumber() + " not readable by the caller");
            return Optional.empty();
        }
        String basis = "";
        if (PURPOSE_MARKINGS.contains(attachment.getVersion().getMarking())
                && !caller.activeAgency().map(item::isOwnedBy).orElse(false)) {
            if (purpose == null || purpose.isBlank()) {
                throw new PurposeRequired(item.id());
            }
            ReadBasis read = basis(caller, item, List.of(attachment.getVersion()));
            if (!read.allows(purpose)) {
                audit.recordDeniedApart(caller, AuditAction.DOWNLOAD, onItem == null ? null : onItem.value(), item.reference(),
                        asked + " refused: purpose not allowed", file + " of item " + item.getId() + " refused: purpose \"" + purpose
                                + "\" not among those " + read.describe() + " allows (" + read.allowed() + ")");
                throw new PurposeNotAllowed(item.id(), read.allowed(), read.describe());
            }
            basis = " under " + read.describe();
        }
        audit.record(caller, AuditAction.DOWNLOAD, AuditOutcome.ALLOWED, item.reference(), purpose, file + basis);
        return Optional.of(attachment);
    }

    /** The item of this id as the audit trail names it, whether or not the caller reads it; null when there is none. */
    private ItemReference existing(ItemId id) {
        Item item = em.find(Item.class, id.value());
        return item == null ? null : item.reference();
    }

    /**
     * How many of {@code owner}'s shared items {@code partner} reads today only under agreement {@code agreement} (of
     * these coverages and markings) and no other agreement covers on {@code after}: what stops being shared with the
     * partner when the agreement ends. A system question for the owner's administrators (the dashboard): a count, no
     * item is shown.
     */
    public long sharedOnlyUnder(long agreement, Agency owner, Agency partner, Set<Coverage> coverage, Set<Marking> markings,
            LocalDate after) {
        if (coverage.isEmpty() || markings.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(v) from ItemVersion v join v.item i where i.owner = :owner and v.state in :shared"
                + " and v.coverage in :coverage and v.marking in :markings and (v.sharedUntil is null or v.sharedUntil >= :today)"
                + " and (v.scope = :allMembers"
                + " or (v.scope = :namedAgencies and exists (select a from AgencyGrant a where a.versionId = v.id and a.agencyId = :partner))"
                + " or (v.scope = :communities and exists (select c from CommunityGrant c, CommunityMembership m"
                + " where c.versionId = v.id and m.communityId = c.communityId and m.agencyId = :partner)))"
                + " and not exists (select k from AgreementCover k where k.readerId = :partner and k.ownerId = :ownerId"
                + " and k.coverage = v.coverage and k.marking = v.marking and k.agreementId <> :agreement"
                + " and k.validFrom <= :after and k.validUntil >= :after)", Long.class)
                .setParameter("owner", owner).setParameter("ownerId", owner.getId()).setParameter("partner", partner.getId())
                .setParameter("shared", List.copyOf(WorkflowState.shared())).setParameter("coverage", List.copyOf(coverage))
                .setParameter("markings", List.copyOf(markings)).setParameter("today", LocalDate.now(clock))
                .setParameter("allMembers", Scope.ALL_MEMBERS).setParameter("namedAgencies", Scope.NAMED_AGENCIES)
                .setParameter("communities", Scope.COMMUNITIES).setParameter("agreement", agreement).setParameter("after", after)
                .getSingleResult();
    }

    /**
     * Published meeting outcomes with an action item overdue on {@code today} whose owner agency was not told yet. A
     * system question (the overdue notifier asks it), not a read of anyone's: nobody is shown what it finds.
     */
    public List<MeetingVersion> newlyOverdue(LocalDate today) {
        return em.createQuery("select distinct m from MeetingVersion m join m.actionItems a where m.state in :shared"
                + " and a.status in :pending and a.dueOn < :today and a.overdueNotified = false", MeetingVersion.class)
                .setParameter("shared", List.copyOf(WorkflowState.shared()))
                .setParameter("pending", List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
                .setParameter("today", today)
                .getResultList();
    }

    /**
     * The condition that the caller reads {@code alias}, the shared (published or archived) version of an item they
     * read through {@code v}, for a condition of {@link #query} (see {@link Visibility#sharedVersionRead}).
     */
    public static String sharedVersionRead(Caller caller, String alias) {
        return Visibility.sharedVersionRead(caller, alias);
    }

    /** The parameters of "an action item of the caller's agency pending and due within {@value #DUE_SOON_DAYS} days". */
    public Map<String, Object> actionsDue() {
        return Visibility.actionsDue(LocalDate.now(clock));
    }
}
