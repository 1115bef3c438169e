package org.interlink.sharing.control;

import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyStatus;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of {@link VisibilityGate} as JPQL: the condition on a version {@code v} and its item {@code i} under
 * which a caller reads it, with its parameters. Text only — the gate alone runs queries with it.
 */
final class Visibility {

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

    /*
     * Another agency's version reaches the caller through its sharing (until its last day, if it has one) AND, unless it is TLP:CLEAR, under an active data-sharing
     * agreement between the owner agency and the caller's that covers its kind or record type and its marking on this day
     * (AgreementCover: one primary-key lookup). Nothing is copied: a suspended or terminated agreement's rows are gone,
     * an expired one's days are past, so the next read of every path no longer finds the version.
     */
    private static final String OUTSIDE = """
            (i.owner <> :agency and v.state in :shared and i.owner.status = :activeOwner and (
                v.scope = :allMembers
                or (v.scope = :namedAgencies and exists (select a2 from AgencyGrant a2
                    where a2.versionId between v.id and v.id and a2.agencyId = :agencyId))
                or (v.scope = :communities and exists (select c3 from CommunityGrant c3, CommunityMembership m3
                    where c3.versionId between v.id and v.id and m3.communityId = c3.communityId and m3.agencyId = :agencyId))
                or (v.scope = :namedUsers and exists (select u4 from UserGrant u4
                    where u4.versionId between v.id and v.id and u4.personId = :person)))
            and (v.sharedUntil is null or v.sharedUntil >= :today)
            and (v.marking = :clear or exists (select k5 from AgreementCover k5 where k5.readerId = :agencyId
                and k5.ownerId = i.owner.id and k5.coverage = v.coverage and k5.marking = v.marking
                and k5.validFrom <= :today and k5.validUntil >= :today)))""";

    private Visibility() {
    }

    /**
     * The condition on {@code v} (version) and {@code i} (item) under which the caller reads a row of the view, with
     * the query's filters; {@code terms} turns search terms into their condition.
     */
    static Predicate of(Caller caller, ItemQuery query, LocalDate today, Function<String, Predicate> terms) {
        Predicate where = switch (query.view()) {
            case ALL -> inside(caller).or(outside(caller, WorkflowState.shared(), today));
            case MY_AGENCY -> inside(caller);
            case SHARED_WITH_MY_AGENCY -> outside(caller, WorkflowState.shared(), today);
            case VETTING_QUEUE -> inside(caller).and("v.state = :submitted and v.author <> :username",
                    Map.of("submitted", WorkflowState.SUBMITTED));
            case AWAITING_DECISION -> outside(caller, WorkflowState.shared(), today).and("i.kind = :recommendation and v.id in "
                    + "(select r.id from RecommendationVersion r where r.addressee.id = :agencyId and r.followUp = :considered)",
                    Map.of("recommendation", ItemKind.RECOMMENDATION, "considered", FollowUpStatus.UNDER_CONSIDERATION));
            case ACTIONS_DUE -> inside(caller).or(outside(caller, WorkflowState.shared(), today)).and("i.kind = :meeting and exists "
                    + "(select m.id from MeetingVersion m join m.actionItems a where m.item = i and m.state in :sharedStates"
                    + " and a.owner.id = :agencyId and a.status in :pending and a.dueOn <= :soon and "
                    + sharedVersionRead(caller, "m") + ")", actionsDue(today));
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
            where = where.and(terms.apply(query.terms()));
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
     * Uses the parameters of {@link #of}.
     */
    public static String sharedVersionRead(Caller caller, String alias) {
        return caller.hasRole(Role.VETTER)
                ? "1 = 1"
                : "(i.owner <> :agency or " + alias + ".marking <> :red or " + alias
                        + ".author = :username or exists (select u6 from UserGrant u6 where u6.versionId between " + alias + ".id and "
                        + alias + ".id and u6.personId = :person))";
    }

    /** The parameters of "an action item of the caller's agency pending and due within the next days, as of {@code today}". */
    static Map<String, Object> actionsDue(LocalDate today) {
        return Map.of("meeting", ItemKind.MEETING_OUTCOME, "sharedStates", List.copyOf(WorkflowState.shared()),
                "pending", List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS), "soon", today.plusDays(VisibilityGate.DUE_SOON_DAYS));
    }

    /** Vetters must read what they vet, TLP:RED included; other colleagues read RED only when named. */
    private static Predicate inside(Caller caller) {
        return new Predicate(caller.hasRole(Role.VETTER) ? INSIDE : INSIDE_NOT_RED, common(caller));
    }

    /** Another agency's versions in one of {@code states} whose sharing reaches the caller under an agreement valid on {@code today}. */
    static Predicate outside(Caller caller, Set<WorkflowState> states, LocalDate today) {
        Map<String, Object> parameters = common(caller);
        parameters.put("shared", List.copyOf(states));
        parameters.put("allMembers", Scope.ALL_MEMBERS);
        parameters.put("namedAgencies", Scope.NAMED_AGENCIES);
        parameters.put("communities", Scope.COMMUNITIES);
        parameters.put("namedUsers", Scope.NAMED_USERS);
        parameters.put("activeOwner", AgencyStatus.ACTIVE);
        parameters.put("clear", Marking.CLEAR);
        parameters.put("today", today);
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

        /** A named parameter of a query, {@code :name}. */
        private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

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

        /**
         * Sets the parameters {@code query} uses (JPA refuses the others), found in one pass over it (a pattern compiled
         * and run per parameter, about fifteen per query, showed in a flight recording of the API).
         */
        void bind(String query, BiConsumer<String, Object> setter) {
            Set<String> used = new HashSet<>();
            for (Matcher named = PARAMETER.matcher(query); named.find();) {
                used.add(named.group(1));
            }
            parameters.forEach((name, value) -> {
                if (used.contains(name)) {
                    setter.accept(name, value);
                }
            });
        }
    }

    /**
     * The rule of {@link #INSIDE_NOT_RED} for one version, or one state of it: inside the owner agency,
     * a RED version is read by its author, the people it names and the agency's vetters (who vet it).
     */
    static boolean readsInside(Caller caller, boolean red, Username author, boolean named) {
        return !red || caller.hasRole(Role.VETTER) || author.equals(caller.username()) || named;
    }
}
