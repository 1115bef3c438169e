package org.interlink.dashboard.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import org.interlink.caller.entity.Caller;
import org.interlink.item.boundary.ItemChanged;
import org.interlink.sharing.boundary.DashboardFigures;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The dashboard charts' counts of this session, counted again after {@link #FRESH_FOR}, when the person, the agency
 * they act for or their roles change, or after this session changed an item (its own change shows at once). Counting goes over every
 * item the caller reads: the month chart alone took 170-280 ms of the database at 100,000 items (the list benchmark's
 * statement log), and recounting every session's charts each minute was the heaviest work of the benchmark's 50 users.
 * Charts of trends over months may be five minutes old; the attention counts never are.
 */
@SessionScoped
public class ChartFigures implements Serializable {

    static final Duration FRESH_FOR = Duration.ofMinutes(5);
    private static final long serialVersionUID = 1L;

    @Inject
    DashboardFigures dashboardFigures;

    @Inject
    Clock clock;

    private Caller.Acting countedFor;
    private Instant countedAt;
    private DashboardFigures.Figures figures;
    /** Told of each change of this session: counts begun before a change are not kept. */
    private long changes;

    DashboardFigures.Figures of(Caller caller) {
        // the roles too: a vetter counts their agency's TLP:RED versions, and a token refreshed may bring other roles
        Caller.Acting who = caller.actingAs();
        Instant now = clock.instant();
        long changesBefore;
        synchronized (this) {
            if (figures != null && Objects.equals(who, countedFor) && !countedAt.plus(FRESH_FOR).isBefore(now)) {
                return figures;
            }
            changesBefore = changes;
        }
        // counted outside the lock: another request of the session is not held up for it
        DashboardFigures.Figures counted = dashboardFigures.of(caller);
        synchronized (this) {
            if (changesBefore == changes) {
                figures = counted;
                countedFor = who;
                countedAt = now;
            }
        }
        return counted;
    }

    /**
     * An item changed in this session's request (a change of the API, which has no session, creates none): its charts
     * are counted again at the next dashboard, and counts begun before it are not kept.
     */
    synchronized void changed(@Observes(notifyObserver = Reception.IF_EXISTS) ItemChanged change) {
        figures = null;
        changes++;
    }
}
