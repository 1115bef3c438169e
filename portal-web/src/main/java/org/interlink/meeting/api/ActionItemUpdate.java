package org.interlink.meeting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.meeting.entity.ActionStatus;

/** A status update of an action item by its owner agency. */
@Schema(name = "ActionItemUpdate")
public record ActionItemUpdate(
        @Schema(required = true) ActionStatus status,
        @Schema(description = "What changed; the meeting's readers see it", required = true) String note) {
}
