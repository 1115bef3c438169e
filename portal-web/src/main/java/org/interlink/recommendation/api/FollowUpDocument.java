package org.interlink.recommendation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.item.api.HistoryEntry;
import org.interlink.item.api.ItemApi;
import org.interlink.item.api.ItemDocument;
import org.interlink.item.entity.ItemEvent;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.recommendation.entity.RecommendationVersion;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What became of a published recommendation: the addressee's decision, progress and the timeline of both. */
@Schema(name = "FollowUp", description = "The addressee's follow-up; timeline: its decisions and progress reports, oldest first")
public record FollowUpDocument(
        long id,
        ItemDocument.AgencyRef addressee,
        FollowUpStatus status,
        @Schema(description = "Implementation progress in percent") int progress,
        String rationale,
        String decidedBy,
        Instant decidedAt,
        Instant followedUpAt,
        List<HistoryEntry> timeline) {

    /** @param history the history entries the caller reads; the follow-through ones make the timeline */
    static FollowUpDocument of(RecommendationVersion version, List<ItemEvent> history) {
        return new FollowUpDocument(version.getItem().getId(), ItemApi.agency(version.getAddressee()), version.getFollowUp(),
                version.getProgress(), version.getRationale().orElse(null), version.getDecidedBy().map(Object::toString).orElse(null),
                version.getDecidedAt().orElse(null), version.getFollowedUpAt().orElse(null),
                history.stream().filter(e -> e.getAction().isFollowThrough()).sorted(Comparator.comparing(ItemEvent::getAt))
                        .map(HistoryEntry::of).toList());
    }
}
