package org.interlink.item.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a workflow step: the comment that goes into the item's history (required to vet). */
@Schema(name = "StepRequest")
public record StepRequest(@Schema(description = "Why; required to publish or return") String comment) {
}
