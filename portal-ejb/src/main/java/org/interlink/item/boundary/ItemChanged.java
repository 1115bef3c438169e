package org.interlink.item.boundary;

import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemEvent;

/**
 * A change of an item, told (as a CDI event, inside the change's transaction) to whoever must act on
 * it, e.g. notifications.
 *
 * @param entry the history entry of the change
 */
public record ItemChanged(Item item, ItemEvent entry, Caller actor) {
}
