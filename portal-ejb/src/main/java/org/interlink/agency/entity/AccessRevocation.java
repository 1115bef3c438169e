package org.interlink.agency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * The moment an administrator last ended someone's access to the portal (disabled them, changed
 * their roles): what they signed in with before it no longer counts.
 */
@Entity
@Table(name = "access_revocation")
public class AccessRevocation {

    @Id
    @Column(length = 100)
    private String username;

    @Column(name = "revoked_at", nullable = false)
    private Instant revokedAt;

    protected AccessRevocation() {
    }

    public AccessRevocation(String username, Instant revokedAt) {
        this.username = Objects.requireNonNull(username);
        this.revokedAt = Objects.requireNonNull(revokedAt);
    }

    /** A later revocation replaces an earlier one. */
    public void revokeAgain(Instant at) {
        if (at.isAfter(revokedAt)) {
            revokedAt = at;
        }
    }

    /** Whether a sign-in (a token) issued at {@code issuedAt} came before the revocation. */
    public boolean ends(Instant issuedAt) {
        return issuedAt.isBefore(revokedAt);
    }

    public String getUsername() {
        return username;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
