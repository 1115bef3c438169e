package org.interlink.meeting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.item.api.ItemApi;
import org.interlink.item.api.ItemDocument;
import org.interlink.meeting.entity.ActionItem;
import org.interlink.meeting.entity.ActionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** An action item of a published meeting outcome, with its owner agency's last status update. */
@Schema(name = "ActionItem")
public record ActionItemDocument(
        @Schema(description = "Its number on the meeting, from 1") int number,
        String description,
        ItemDocument.AgencyRef owner,
        LocalDate dueOn,
        ActionStatus status,
        @Schema(description = "Still open or in progress after its due date (UTC)") boolean overdue,
        String note,
        String updatedBy,
        Instant updatedAt) {

    static ActionItemDocument of(int number, ActionItem action) {
        return new ActionItemDocument(number, action.getDescription(), ItemApi.agency(action.getOwner()), action.getDueOn(),
                action.getStatus(), action.isOverdue(LocalDate.now(ZoneOffset.UTC)), action.getNote().orElse(null),
                action.getUpdatedBy().orElse(null), action.getUpdatedAt().orElse(null));
    }
}
