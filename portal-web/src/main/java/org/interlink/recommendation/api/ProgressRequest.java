package org.interlink.recommendation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A progress report on an accepted recommendation, or (implemented) its closing note. */
@Schema(name = "ProgressRequest")
public record ProgressRequest(
        @Schema(description = "0 to 99; ignored when marking implemented (100)") Integer percent,
        @Schema(description = "What was done; required for a progress report") String note) {
}
