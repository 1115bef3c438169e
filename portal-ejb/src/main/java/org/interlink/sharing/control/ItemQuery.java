package org.interlink.sharing.control;

import org.interlink.item.entity.ItemKind;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Instant;
import java.util.Objects;

/**
 * A list request: which view, optional filters (kind, state, marking, words of the title, changed
 * after an instant) and the order. The gate adds what the caller may see; filters only narrow it.
 */
public record ItemQuery(Listing view, ItemKind kind, WorkflowState state, Marking marking, String titleContains,
                        Order order, boolean ascending, Instant changedAfter) {

    /** The orders a list can have; each is an indexed column, never caller-supplied text. */
    public enum Order {
        UPDATED("v.updatedAt"),
        PUBLISHED("v.publishedAt"),
        TITLE("v.title"),
        MARKING("v.marking"),
        STATE("v.state");

        private final String path;

        Order(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    public ItemQuery {
        Objects.requireNonNull(view);
        order = order == null ? Order.UPDATED : order;
        titleContains = titleContains == null || titleContains.isBlank() ? null : titleContains.trim();
    }

    public ItemQuery(Listing view, ItemKind kind, WorkflowState state, Marking marking, String titleContains,
                     Order order, boolean ascending) {
        this(view, kind, state, marking, titleContains, order, ascending, null);
    }

    public static ItemQuery of(Listing view) {
        return new ItemQuery(view, null, null, null, null, Order.UPDATED, false);
    }

    public ItemQuery ofKind(ItemKind kind) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, changedAfter);
    }

    /** Only versions changed (edited, vetted, withdrawn …) after {@code instant}: what a system pulls since its last pull. */
    public ItemQuery changedAfter(Instant instant) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, instant);
    }
}
