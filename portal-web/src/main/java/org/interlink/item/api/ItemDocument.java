package org.interlink.item.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemStep;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An item as the API reads it: the version the caller reads, with its workflow facts, and its
 * {@code content} in the very shape the create and update endpoints of its kind take; the linked
 * items the caller may read (a recommendation's meeting, a meeting's recommendations) and the
 * steps the caller may take now.
 */
@Schema(name = "Item", description = "An item: content is a RecordForm, RecommendationForm or MeetingForm by kind")
public record ItemDocument(
        long id,
        ItemKind kind,
        AgencyRef owner,
        @Schema(description = "Number of the version the caller reads") int version,
        WorkflowState state,
        Marking marking,
        @Schema(description = "The version's tag, also sent as ETag: send it back in If-Match to change the item", example = "2.5") String tag,
        String author,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant publishedAt,
        String publishedBy,
        ItemForm content,
        List<AttachmentRef> attachments,
        List<Long> links,
        Set<ItemStep> steps) {

    /** An agency as items name it. */
    public record AgencyRef(String code, String name) {
    }

    /** A file attached to the version; {@code href} downloads it. */
    public record AttachmentRef(long id, String filename, String contentType, long size, String sha256, String href) {
    }
}
