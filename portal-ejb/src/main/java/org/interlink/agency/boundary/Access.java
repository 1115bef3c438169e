package org.interlink.agency.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.AccessRevocation;
import org.interlink.caller.entity.Username;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Ended access: when an administrator disables someone or changes their roles, the sign-ins they
 * made before are refused from their next request on (a portal session or an API token outlives
 * the Keycloak session it came from). Asked on every signed-in request: one primary-key read.
 */
@Stateless
public class Access {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Ends every sign-in of {@code username} made until now; returns the moment from which sign-ins
     * count again. Tokens tell their issue time in whole seconds, so that is the start of the next
     * second: a sign-in in the same second as the revocation is taken as made before it.
     */
    public Instant revoke(Username username) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        AccessRevocation revocation = em.find(AccessRevocation.class, username.value());
        if (revocation == null) {
            em.persist(new AccessRevocation(username.value(), now));
        } else {
            revocation.revokeAgain(now);
        }
        return now;
    }

    /** Whether a sign-in of {@code username} made (a token issued) at {@code issuedAt} was ended since. */
    public boolean revoked(Username username, Instant issuedAt) {
        AccessRevocation revocation = em.find(AccessRevocation.class, username.value());
        return revocation != null && revocation.ends(issuedAt);
    }
}
