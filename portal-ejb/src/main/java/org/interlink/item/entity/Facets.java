package org.interlink.item.entity;

import org.interlink.agency.entity.AgencyCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A search's facets: how many matches each value of kind, marking, state, owner and change time has; beyond
 * {@link ItemQuery#COUNT_LIMIT} matches ({@code beyondLimit}) none are counted and {@code total} is one more than
 * the limit.
 */
public record Facets(Map<ItemKind, Long> kinds, Map<Marking, Long> markings, Map<WorkflowState, Long> states,
        List<Owner> owners, Map<Integer, Long> changedWithin, long total, boolean beyondLimit)
        implements
            Serializable {

    /** The "changed within" choices, in days. */
    public static final List<Integer> CHANGED_WITHIN_DAYS = List.of(7, 30, 365);

    /** For a caller who may not search this view: nothing. */
    public static Facets none() {
        return new Facets(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), 0, false);
    }

    /** More matches than are counted: the search asks to narrow it. */
    public static Facets beyond(long matches) {
        return new Facets(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), matches, true);
    }

    /** An owner agency with its number of matches. */
    public record Owner(AgencyCode code, String name, long count) implements Serializable {
    }

    /** What the facets count of one match: its kind, marking, state, owner agency and time of the last change. */
    public record Match(ItemKind kind, Marking marking, WorkflowState state, AgencyCode owner, String ownerName, Instant updatedAt) {
    }

    /** The facets a filter of the query is left out of: each counts with every filter of the query but its own. */
    private enum Filter {
        KIND, MARKING, STATE, OWNER, CHANGED, NONE
    }

    /**
     * The facets of a query counted from all its matches without the filters the facets choose (kind, marking, state,
     * owner, changed after), as the database counts them one by one: each facet with every filter of the query but
     * its own, the changes of the last days up to {@code now}.
     *
     * @param unfiltered the matches of {@code query} with none of those filters, at most {@link ItemQuery#COUNT_LIMIT}
     */
    public static Facets counted(List<Match> unfiltered, ItemQuery query, Instant now) {
        if (unfiltered.size() > ItemQuery.COUNT_LIMIT) {
            throw new IllegalArgumentException("more matches than facets count: " + unfiltered.size());
        }
        Map<ItemKind, Long> kinds = counts(unfiltered, query, Filter.KIND, Match::kind, new EnumMap<>(ItemKind.class));
        Map<Marking, Long> markings = counts(unfiltered, query, Filter.MARKING, Match::marking, new EnumMap<>(Marking.class));
        Map<WorkflowState, Long> states = counts(unfiltered, query, Filter.STATE, Match::state, new EnumMap<>(WorkflowState.class));
        List<Owner> owners = new ArrayList<>();
        counts(unfiltered, query, Filter.OWNER, m -> new Owner(m.owner(), m.ownerName(), 0), new LinkedHashMap<>())
                .forEach((owner, count) -> owners.add(new Owner(owner.code(), owner.name(), count)));
        owners.sort(Comparator.comparing(Owner::name).thenComparing(owner -> owner.code().value()));
        Map<Integer, Long> changedWithin = new LinkedHashMap<>();
        for (int days : CHANGED_WITHIN_DAYS) {
            Instant after = now.minus(Duration.ofDays(days));
            changedWithin.put(days,
                    unfiltered.stream().filter(m -> passes(m, query, Filter.CHANGED) && m.updatedAt().isAfter(after)).count());
        }
        long total = unfiltered.stream().filter(m -> passes(m, query, Filter.NONE)).count();
        return new Facets(kinds, markings, states, List.copyOf(owners), changedWithin, total, false);
    }

    private static <K> Map<K, Long> counts(List<Match> matches, ItemQuery query, Filter own, Function<Match, K> value, Map<K, Long> into) {
        matches.stream().filter(m -> passes(m, query, own)).forEach(m -> into.merge(value.apply(m), 1L, Long::sum));
        return into;
    }

    private static boolean passes(Match match, ItemQuery query, Filter own) {
        return (own == Filter.KIND || query.kind() == null || query.kind() == match.kind())
                && (own == Filter.MARKING || query.marking() == null || query.marking() == match.marking())
                && (own == Filter.STATE || query.state() == null || query.state() == match.state())
                && (own == Filter.OWNER || query.owner() == null || query.owner().equals(match.owner()))
                && (own == Filter.CHANGED || query.changedAfter() == null || match.updatedAt().isAfter(query.changedAfter()));
    }
}
