package org.interlink.dashboard.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import org.interlink.caller.entity.Caller;
import org.interlink.sharing.boundary.DashboardFigures;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The dashboard charts' counts of this session, counted again after {@link #FRESH_FOR} or when the
 * person or the agency they act for changes. Counting goes over every item the caller reads (the
 * list benchmark: about 1 s of database work at 100,000 items), while the dashboard is the page
 * people come back to most: charts of trends may be a minute old, the attention counts never are.
 */
@SessionScoped
public class ChartFigures implements Serializable {

    static final Duration FRESH_FOR = Duration.ofSeconds(60);
    private static final long serialVersionUID = 1L;

    @Inject
    DashboardFigures dashboardFigures;

    @Inject
    Clock clock;

    private String countedFor;
    private Instant countedAt;
    private DashboardFigures.Figures figures;

    DashboardFigures.Figures of(Caller caller) {
        String who = caller.username().value() + "@" + caller.activeAgency().map(a -> a.getCode().value()).orElse("-");
        Instant now = clock.instant();
        if (figures == null || !Objects.equals(who, countedFor) || countedAt.plus(FRESH_FOR).isBefore(now)) {
            figures = dashboardFigures.of(caller);
            countedFor = who;
            countedAt = now;
        }
        return figures;
    }
}
