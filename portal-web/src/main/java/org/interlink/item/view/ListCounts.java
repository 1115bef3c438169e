package org.interlink.item.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.ItemQuery;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lists of this session found to have more rows than a list offers ({@link ItemQuery#COUNT_LIMIT}), in the last
 * {@link #FRESH_FOR}: such a list is not counted again meanwhile. Its page shows the rows as they are now and, as any
 * list beyond the limit, the limit's pages and a note asking for a filter; a page that comes back short shows the list
 * has shrunk, and it is counted again at once ({@link ItemPages#load}). Counting walks the newest 1,001 rows through
 * the gate: on the list benchmark most of the database's work for a list page, done again for every page opened or
 * paged to. A list under the limit is counted every time. Kept for the person, the agency they act for and their roles
 * ({@link Caller#actingAs()}), and the query's view and filters (its order counts the same rows); the few lists most
 * recently counted.
 */
@SessionScoped
public class ListCounts implements Serializable {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    /** How many lists a session keeps. */
    static final int KEPT = 8;
    private static final long serialVersionUID = 1L;

    @Inject
    Clock clock;

    /** The last count of each list: when it began, and whether it was beyond the limit. */
    private final Latest counts = new Latest();

    /** Whether the caller's list of {@code query} was found beyond the limit by a count begun less than {@link #FRESH_FOR} ago. */
    synchronized boolean beyondLimit(Caller caller, ItemQuery query) {
        Counted counted = counts.get(new Key(caller.actingAs(), query));
        return counted != null && counted.beyond() && !counted.began().plus(FRESH_FOR).isBefore(clock.instant());
    }

    /**
     * The caller's list of {@code query} was counted, {@code count} rows, by a count begun at {@code began}; a count
     * begun before the last one kept (another request of the session, finishing later) is not kept.
     */
    synchronized void counted(Caller caller, ItemQuery query, long count, Instant began) {
        Key key = new Key(caller.actingAs(), query);
        Counted last = counts.get(key);
        if (last == null || !began.isBefore(last.began())) {
            counts.put(key, new Counted(began, count > ItemQuery.COUNT_LIMIT));
        }
    }

    /** The time a count begins at. */
    Instant now() {
        return clock.instant();
    }

    private record Key(Caller.Acting caller, ItemQuery query) implements Serializable {
    }

    private record Counted(Instant began, boolean beyond) implements Serializable {
    }

    /** The lists most recently counted, at most {@link #KEPT}. */
    private static final class Latest extends LinkedHashMap<Key, Counted> {

        private static final long serialVersionUID = 1L;

        Latest() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Counted> eldest) {
            return size() > KEPT;
        }
    }
}
