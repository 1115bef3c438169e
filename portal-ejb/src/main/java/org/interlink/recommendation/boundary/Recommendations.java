package org.interlink.recommendation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.interlink.audit.entity.AuditAction;
import org.interlink.caller.entity.Caller;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemAction;
import org.interlink.item.entity.ItemId;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingResolver;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Drafting and editing recommendations to another agency, and the addressee's follow-up of a
 * published one: decision, progress, implementation. Each follow-up step is audited with the change
 * (a refused one as denied) and written into the history its readers see.
 */
@Stateless
public class Recommendations {

    @Inject
    Items items;

    @Inject
    SharedItems sharedItems;

    @Inject
    SharingResolver sharing;

    @Inject
    Clock clock;

    /** An official of the addressee accepts (wholly or partly) or rejects the recommendation, with a rationale. */
    public RecommendationVersion decide(@NotNull Caller caller, @NotNull ItemId id, FollowUpStatus decision, String rationale) {
        return followUp(caller, id, ItemAction.DECIDED, (version, now) -> version.decide(caller, decision, rationale, now));
    }

    /** An official of the addressee reports the progress (0–99 %) of an accepted recommendation in a note. */
    public RecommendationVersion reportProgress(@NotNull Caller caller, @NotNull ItemId id, int percent, String note) {
        return followUp(caller, id, ItemAction.PROGRESS_REPORTED, (version, now) -> version.reportProgress(caller, percent, note, now));
    }

    /** An official of the addressee marks an accepted recommendation implemented. */
    public RecommendationVersion implemented(@NotNull Caller caller, @NotNull ItemId id, String note) {
        return followUp(caller, id, ItemAction.IMPLEMENTED, (version, now) -> version.implemented(caller, note, now));
    }

    private RecommendationVersion followUp(Caller caller, ItemId id, ItemAction action,
            BiFunction<RecommendationVersion, Instant, String> step) {
        Instant now = Instant.now(clock);
        Item item = items.followThrough(caller, id, AuditAction.STATE_CHANGE, recommendation -> {
            String what = recommendation.followThrough(caller, RecommendationVersion.class, action, now,
                    version -> step.apply(version, now));
            return new Items.Change(AuditAction.STATE_CHANGE, "recommendation " + action.name().toLowerCase() + " " + what);
        });
        return (RecommendationVersion) item.published().orElseThrow();
    }

}
