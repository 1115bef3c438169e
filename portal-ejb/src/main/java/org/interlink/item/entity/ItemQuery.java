package org.interlink.item.entity;

import org.interlink.BusinessException;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A list or search request: which view, optional filters (kind, state, marking, owner agency, words
 * of the title, changed after an instant), optional search terms and the order. The gate adds what
 * the caller may see; filters and terms only narrow it.
 */
public record ItemQuery(Listing view, ItemKind kind, WorkflowState state, Marking marking, String titleContains,
        Order order, boolean ascending, Instant changedAfter, String terms, AgencyCode owner)
        implements
            Serializable {

    /**
     * Lists count their rows up to this many (and one more, to tell that there are more): a list offers the newest
     * so many and asks for filters beyond; counting every visible row would cost a scan of all of them on every page
     * (the list benchmark: ~500 ms at 100k items), where counting in list order stops early. Exports and facets stop
     * there too.
     */
    public static final int COUNT_LIMIT = 1000;

    /** Search terms longer than this are refused (a message, not a query). */
    public static final int MAX_TERMS = 200;

    /** The orders a list can have; each is an indexed column, never caller-supplied text. */
    public enum Order {
        UPDATED("v.updatedAt"), PUBLISHED("v.publishedAt"), TITLE("v.title"), MARKING("v.marking"), STATE("v.state");

        private final String path;

        Order(String path) {
            this.path = path;
        }

        /** The column, as the gate's queries name it. */
        public String path() {
            return path;
        }
    }

    public ItemQuery {
        Objects.requireNonNull(view);
        order = order == null ? Order.UPDATED : order;
        titleContains = titleContains == null || titleContains.isBlank() ? null : titleContains.trim();
        terms = terms == null || terms.isBlank() ? null : terms.trim();
        if (terms != null && terms.length() > MAX_TERMS) {
            throw new TermsTooLong();
        }
    }

    public ItemQuery(Listing view, ItemKind kind, WorkflowState state, Marking marking, String titleContains,
            Order order, boolean ascending, Instant changedAfter) {
        this(view, kind, state, marking, titleContains, order, ascending, changedAfter, null, null);
    }

    public ItemQuery(Listing view, ItemKind kind, WorkflowState state, Marking marking, String titleContains,
            Order order, boolean ascending) {
        this(view, kind, state, marking, titleContains, order, ascending, null);
    }

    public static ItemQuery of(Listing view) {
        return new ItemQuery(view, null, null, null, null, Order.UPDATED, false);
    }

    public ItemQuery ofKind(ItemKind kind) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, changedAfter, terms, owner);
    }

    public ItemQuery inState(WorkflowState state) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, changedAfter, terms, owner);
    }

    public ItemQuery marked(Marking marking) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, changedAfter, terms, owner);
    }

    public ItemQuery ownedBy(AgencyCode owner) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, changedAfter, terms, owner);
    }

    /** Only versions changed (edited, vetted, withdrawn …) after {@code instant}: what a system pulls since its last pull. */
    public ItemQuery changedAfter(Instant instant) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, instant, terms, owner);
    }

    /** Only versions whose title or summary hold these words (full text: all words, "a phrase", -not, or). */
    public ItemQuery matching(String terms) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, changedAfter, terms, owner);
    }

    public ItemQuery titled(String titleContains) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, changedAfter, terms, owner);
    }

    public ItemQuery ordered(Order order, boolean ascending) {
        return new ItemQuery(view, kind, state, marking, titleContains, order, ascending, changedAfter, terms, owner);
    }

    /** Search terms beyond {@link #MAX_TERMS} characters. */
    public static class TermsTooLong extends BusinessException {

        public TermsTooLong() {
            super("Search for at most " + MAX_TERMS + " characters.", "TermsTooLong", MAX_TERMS);
        }
    }
}
