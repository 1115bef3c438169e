package org.interlink.sharing.control;

import java.util.Locale;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.persistence.config.QueryHints;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyStatus;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.item.entity.Attachment;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemReference;
import org.interlink.item.entity.Listing;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

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

    /** What a query's select-from names: the versions {@code v} (of a kind, or all) and their items {@code i}. */
    private static final Pattern SELECT_FROM = Pattern.compile(
            "select .+ from .*\\b(Item|Record|Recommendation|Meeting)Version v join v\\.item i\\b.*", Pattern.CASE_INSENSITIVE);

    /** Words that would add rows or conditions where only a grouping and an order belong. */
    private static final Pattern WIDENING = Pattern.compile("\\b(where|or|union|having|select|and|not)\\b", Pattern.CASE_INSENSITIVE);

    @PersistenceContext
    EntityManager em;

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
        return run(visible(caller, query), selectFrom, condition, tail, parameters, type);
    }

    private <T> TypedQuery<T> run(Predicate where, String selectFrom, String condition, String tail, Map<String, ?> parameters,
                                  Class<T> type) {
        if (!SELECT_FROM.matcher(selectFrom).matches() || selectFrom.toLowerCase(Locale.ROOT).contains(" where ")
                || WIDENING.matcher(tail).find() || condition != null && !balanced(condition)) {
            throw new IllegalArgumentException("not a query the gate composes: " + selectFrom + " … " + condition + " … " + tail);
        }
        parameters.keySet().stream().filter(where.parameters::containsKey).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("the gate's parameter :" + name + " is not the asker's to set");
        });
        String jpql = selectFrom + " where " + where.jpql + (condition == null ? "" : " and (" + condition + ")") + " " + tail;
        TypedQuery<T> typed = em.createQuery(jpql, type);
        parameters.forEach(typed::setParameter);
        where.bind(jpql, typed::setParameter);
        return typed;
    }

    /** Whether the condition's parentheses close in order, so that it cannot close the gate's and add an "or". */
    private static boolean balanced(String condition) {
        int depth = 0;
        for (char c : condition.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * The version of the item the caller reads — their agency's current one, or the shared one — or empty when they
     * may not read it. Nothing is recorded: for the askers who record what they do with it.
     */
    public Optional<ItemVersion> visible(Caller caller, ItemId id) {
        if (caller.activeAgency().isEmpty()) {
            return Optional.empty();
        }
        // one statement: the kind's table outer-joined, the item and its owner fetched with the version
        return query(caller, ItemQuery.of(Listing.ALL), "select v from ItemVersion v join v.item i", "i.id = :id", "",
                Map.of("id", id.value()), ItemVersion.class)
                .setHint(QueryHints.INHERITANCE_OUTER_JOIN, "true")
                .setHint(QueryHints.FETCH, "v.item")
                .setHint(QueryHints.FETCH, "v.item.owner")
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
                    .filter(v -> readsInside(caller, v.getMarking() == Marking.RED, v.getAuthor(), v.isSharedByNameWith(caller)))
                    .toList();
        }
        return run(outside(caller, EnumSet.of(WorkflowState.PUBLISHED, WorkflowState.ARCHIVED, WorkflowState.SUPERSEDED)),
                "select v from ItemVersion v join v.item i", "i.id = :id", "order by v.number", Map.of("id", item.getId()),
                ItemVersion.class).getResultList();
    }

    /**
     * The rule of {@link #INSIDE_NOT_RED} for one version, or one state of it: inside the owner agency,
     * a RED version is read by its author, the people it names and the agency's vetters (who vet it).
     */
    public static boolean readsInside(Caller caller, boolean red, Username author, boolean named) {
        return !red || caller.hasRole(Role.VETTER) || author.equals(caller.username()) || named;
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
     * agency exactly as a file that does not exist; its name and checksum go to the owner agency's chain only.
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
        audit.record(caller, AuditAction.DOWNLOAD, AuditOutcome.ALLOWED, item.reference(), purpose, file);
        return Optional.of(attachment);
    }

    /** The item of this id as the audit trail names it, whether or not the caller reads it; null when there is none. */
    private ItemReference existing(ItemId id) {
        Item item = em.find(Item.class, id.value());
        return item == null ? null : item.reference();
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

    /** The condition on {@code v} (version) and {@code i} (item) under which the caller reads a row of the view. */
    private Predicate visible(Caller caller, ItemQuery query) {
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
    record Predicate(String jpql, Map<String, Object> parameters) {

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

        /** Sets the parameters {@code query} uses (JPA refuses the others). */
        void bind(String query, BiConsumer<String, Object> setter) {
            parameters.forEach((name, value) -> {
                if (Pattern.compile(":" + name + "\\b").matcher(query).find()) {
                    setter.accept(name, value);
                }
            });
        }
    }

}
