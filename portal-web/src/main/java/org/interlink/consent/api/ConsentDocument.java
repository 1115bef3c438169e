package org.interlink.consent.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.consent.entity.ConsentRequest;
import org.interlink.consent.entity.ConsentStatus;

import java.time.Instant;

/** A request to pass an item on to a third agency, and the owner's decision. */
@Schema(name = "ConsentRequest")
public record ConsentDocument(long id, long item, int version, String owner, String requester, String requestedBy, Instant requestedAt,
        String agency, String reason, ConsentStatus status, String decidedBy, Instant decidedAt, String decisionReason) {

    static ConsentDocument of(ConsentRequest request) {
        return new ConsentDocument(request.getId(), request.getItemId(), request.getVersionNumber(), request.getOwner().getCode().value(),
                request.getRequester().getCode().value(), request.getRequestedBy(), request.getRequestedAt(),
                request.getTarget().getCode().value(), request.getReason(), request.getStatus(), request.getDecidedBy(),
                request.getDecidedAt(), request.getDecisionReason());
    }
}
