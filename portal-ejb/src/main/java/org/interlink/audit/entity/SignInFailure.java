package org.interlink.audit.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A failed sign-in as the identity provider reports it: its event id, when, the name that was
 * typed (which may be no user at all), from which address, with which error, through which client.
 */
public record SignInFailure(String eventId, Instant at, String username, String clientAddress, String error,
        String client) {

    public SignInFailure {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(at);
    }

    /** What the audit trail records: no item, no agency (the name typed proves none), outcome FAILED. */
    public AuditRecord toAuditRecord() {
        return new AuditRecord(at, username == null || username.isBlank() ? "unknown" : username, null,
                AuditAction.SIGN_IN, null, null, AuditOutcome.FAILED, clientAddress, null, null,
                "Keycloak: " + (error == null ? "sign-in failed" : error) + (client == null ? "" : ", client " + client)
                        + ", event " + eventId);
    }
}
