package org.interlink.consent.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the owner's vetter approves or declines. */
@Schema(name = "ConsentDecision")
public record ConsentDecision(String reason) {
}
