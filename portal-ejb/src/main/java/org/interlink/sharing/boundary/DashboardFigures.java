package org.interlink.sharing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.Listing;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's charts, counted in the database through the gate: what other agencies shared with
 * the caller's agency per month and kind (the last {@value #MONTHS} months, by publication), the
 * published recommendations the caller reads by decision and implementation, and the action items of
 * the caller's agency in published meetings the caller reads, by status. Recorded as one list event.
 */
@Stateless
public class DashboardFigures {

    /** How many months, this one included, the "shared with my agency" chart shows. */
    public static final int MONTHS = 12;

    @Inject
    VisibilityGate gate;

    @Inject
    AuditGate audit;

    @Inject
    Clock clock;

    public Figures of(Caller caller) {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Map<YearMonth, Map<ItemKind, Long>> shared = new LinkedHashMap<>();
        for (int back = MONTHS - 1; back >= 0; back--) {
            shared.put(now.minusMonths(back), new EnumMap<>(ItemKind.class));
        }
        if (caller.activeAgency().isEmpty()) {
            return new Figures(shared, new EnumMap<>(FollowUpStatus.class), new EnumMap<>(ActionStatus.class));
        }
        audit.record(caller, AuditAction.LIST, AuditOutcome.ALLOWED, null, null, "dashboard charts: counts");
        // planned for this caller and month, as the attention counts are: in a flight recording under the benchmark's
        // 50 users the month chart's query now and then took 335-632 ms, while the whole dashboard alone takes 50-110 ms
        gate.planForTheCaller();

        TypedQuery<Object[]> byMonth = gate.query(caller, ItemQuery.of(Listing.SHARED_WITH_MY_AGENCY), "select i.kind,"
                + " extract(year from v.publishedAt), extract(month from v.publishedAt), count(v.id) from ItemVersion v join v.item i",
                "v.publishedAt >= :since", "group by i.kind, extract(year from v.publishedAt), extract(month from v.publishedAt)",
                Map.of("since", now.minusMonths(MONTHS - 1L).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)), Object[].class);
        for (Object[] row : byMonth.getResultList()) {
            YearMonth month = YearMonth.of(((Number) row[1]).intValue(), ((Number) row[2]).intValue());
            shared.computeIfPresent(month, (m, kinds) -> {
                kinds.put((ItemKind) row[0], ((Number) row[3]).longValue());
                return kinds;
            });
        }

        Map<FollowUpStatus, Long> recommendations = new EnumMap<>(FollowUpStatus.class);
        gate.query(caller, ItemQuery.of(Listing.ALL), "select v.followUp, count(v.id) from RecommendationVersion v join v.item i",
                "v.state in :published", "group by v.followUp", Map.of("published", List.copyOf(WorkflowState.shared())),
                Object[].class).getResultList()
                .forEach(row -> recommendations.put((FollowUpStatus) row[0], ((Number) row[1]).longValue()));

        Map<ActionStatus, Long> actions = new EnumMap<>(ActionStatus.class);
        gate.query(caller, ItemQuery.of(Listing.ALL),
                "select a.status, count(v.id) from MeetingVersion v join v.item i join v.actionItems a",
                "v.state in :published and a.owner.id = :agencyId", "group by a.status",
                Map.of("published", List.copyOf(WorkflowState.shared())), Object[].class).getResultList()
                .forEach(row -> actions.put((ActionStatus) row[0], ((Number) row[1]).longValue()));
        return new Figures(shared, recommendations, actions);
    }

    /** The three charts' counts. */
    public record Figures(Map<YearMonth, Map<ItemKind, Long>> sharedByMonth, Map<FollowUpStatus, Long> recommendations,
            Map<ActionStatus, Long> actionItems) implements Serializable {
    }
}
