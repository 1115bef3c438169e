package org.interlink.item.api;

import org.interlink.item.entity.ItemAction;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Instant;

/** One entry of an item's history as far as the caller may read it. */
public record HistoryEntry(Instant at, String actor, String actorAgency, ItemAction action, int version,
                           WorkflowState state, String comment) {
}
