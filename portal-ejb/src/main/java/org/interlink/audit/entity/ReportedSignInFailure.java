package org.interlink.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A failed sign-in that Keycloak reported (by its event id) and the audit trail has recorded. */
@Entity
@Table(name = "reported_sign_in_failure")
public class ReportedSignInFailure {

    @Id
    @Column(name = "event_id", length = 64)
    private String eventId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    protected ReportedSignInFailure() {
    }

    public ReportedSignInFailure(String eventId, Instant at) {
        this.eventId = eventId;
        this.at = at;
    }

    public String getEventId() {
        return eventId;
    }

    public Instant getAt() {
        return at;
    }
}
