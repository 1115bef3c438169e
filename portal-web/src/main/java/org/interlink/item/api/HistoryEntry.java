package org.interlink.item.api;

import org.interlink.item.entity.ItemAction;
import org.interlink.item.entity.ItemEvent;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Instant;

/** One entry of an item's history as far as the caller may read it. */
public record HistoryEntry(Instant at, String actor, String actorAgency, ItemAction action, int version,
        WorkflowState state, String comment) {

    public static HistoryEntry of(ItemEvent event) {
        return new HistoryEntry(event.getAt(), event.getActor().value(), event.getActorAgency(), event.getAction(),
                event.getVersionNumber(), event.getToState(), event.getComment().orElse(null));
    }
}
