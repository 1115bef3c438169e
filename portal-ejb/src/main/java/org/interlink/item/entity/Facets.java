package org.interlink.item.entity;

import org.interlink.agency.entity.AgencyCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

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
}
