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
 * list beyond the limit, the limit's pages and a note asking for a filter. Counting walks the newest 1,001 rows through
 * the gate: on the list benchmark most of the database's work for a list page, done again for every page opened or
 * paged to. A list under the limit is counted every time (its paginator and "no items" are exact). Kept for the person,
 * the agency they act for and their roles, and the query's view and filters (its order counts the same rows); the few
 * lists most recently counted.
 */
@SessionScoped
public class ListCounts implements Serializable {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    /** How many lists a session keeps. */
    static final int KEPT = 8;
    private static final long serialVersionUID = 1L;

    @Inject
    Clock clock;

    /** When each list was last found beyond the limit. */
    private final LinkedHashMap<Key, Instant> beyond = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Instant> eldest) {
            return size() > KEPT;
        }
    };

    /** Whether the caller's list of {@code query} was found beyond the limit less than {@link #FRESH_FOR} ago. */
    synchronized boolean beyondLimit(Caller caller, ItemQuery query) {
        Instant counted = beyond.get(new Key(caller.actingAs(), query));
        return counted != null && !counted.plus(FRESH_FOR).isBefore(clock.instant());
    }

    /** The caller's list of {@code query} was counted, {@code count} rows as of {@code countedAt}. */
    synchronized void counted(Caller caller, ItemQuery query, long count, Instant countedAt) {
        Key key = new Key(caller.actingAs(), query);
        if (count > ItemQuery.COUNT_LIMIT) {
            beyond.put(key, countedAt);
        } else {
            beyond.remove(key);
        }
    }

    Instant now() {
        return clock.instant();
    }

    private record Key(String caller, ItemQuery query) implements Serializable {
    }
}
