package org.interlink.recommendation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.recommendation.entity.FollowUpStatus;

/** The addressee's answer to a recommendation under consideration. */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @Schema(description = "ACCEPTED, PARTIALLY_ACCEPTED or REJECTED", required = true) FollowUpStatus decision,
        @Schema(description = "Why; the submitting agency reads it", required = true) String rationale) {
}
