package org.interlink.item.entity;

import java.util.List;

/**
 * One page of a list and how many rows the list has, counted up to {@link ItemQuery#COUNT_LIMIT} + 1: what a list page
 * shows, read together.
 *
 * @param count the rows of the whole list, at most {@link ItemQuery#COUNT_LIMIT} + 1 (more than the limit: there are
 *              more than a list offers)
 * @param rows  the page's rows, in the list's order, with their translations
 */
public record CountedPage(long count, List<ListedVersion> rows) {

    public CountedPage {
        rows = List.copyOf(rows);
    }

    /** Nothing: a list the caller may not use. */
    public static CountedPage none() {
        return new CountedPage(0, List.of());
    }
}
