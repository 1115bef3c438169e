package org.interlink.item.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.item.entity.ItemKind;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Instant;

/** One row of a list: enough to choose what to read; {@code href} reads it (a recorded read). */
@Schema(name = "ItemSummary")
public record ItemSummary(long id, ItemKind kind, ItemDocument.AgencyRef owner, int version, WorkflowState state,
        String title, Marking marking, Scope scope, Instant updatedAt, Instant publishedAt, String href) {
}
