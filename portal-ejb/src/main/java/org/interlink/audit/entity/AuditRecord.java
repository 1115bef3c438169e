package org.interlink.audit.entity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What one audit event says, before it takes its place in a chain: when (UTC, microseconds), who,
 * acting for which agency, did what to which item of which owner agency, with which outcome, from
 * where, with which browser or client, for which purpose, and details. Text is made safe here.
 */
public record AuditRecord(Instant at, String actor, String actorAgency, AuditAction action, Long itemId,
        String itemOwner, AuditOutcome outcome, String clientAddress, String userAgent,
        String purpose, String details) {

    public AuditRecord {
        Objects.requireNonNull(at);
        Objects.requireNonNull(action);
        Objects.requireNonNull(outcome);
        at = at.truncatedTo(ChronoUnit.MICROS);
        actor = AuditText.clean(actor == null ? "anonymous" : actor, 100);
        actorAgency = AuditText.clean(actorAgency, 32);
        itemOwner = AuditText.clean(itemOwner, 32);
        clientAddress = AuditText.clean(clientAddress, 64);
        userAgent = AuditText.clean(userAgent, 300);
        purpose = AuditText.clean(purpose, 300);
        details = AuditText.clean(details, 2000);
    }

    /**
     * Whose chains the event belongs to: the agency that owns the item it is about, else the agency
     * the actor acts for, else the platform's (each has {@link AuditChainHead#LANES} chains).
     */
    public String chainOwner() {
        return itemOwner != null ? itemOwner : actorAgency != null ? actorAgency : AuditChainHead.PLATFORM;
    }
}
