package org.interlink.agency.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.AccessRevocation;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.caller.entity.AccessEnded;
import org.interlink.caller.entity.Username;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * Ended access: when an administrator disables someone or changes their roles or agencies, the
 * sign-ins they made before are refused from their next request on (a portal session or an API
 * token outlives the Keycloak session it came from). Asked on every signed-in request, together
 * with the caller's agencies: one primary-key read more in a transaction the request has anyway.
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

    /**
     * The agencies with these codes (the caller's, from their token), if the sign-in (token) issued at
     * {@code issuedAt} still counts: one transaction for both, as every request asks.
     *
     * @throws AccessEnded when an administrator ended the access of {@code username} since
     */
    public List<Agency> agenciesOf(Username username, Instant issuedAt, Collection<AgencyCode> codes) {
        AccessRevocation revocation = em.find(AccessRevocation.class, username.value());
        if (revocation != null && revocation.ends(issuedAt)) {
            throw new AccessEnded(username);
        }
        return codes.isEmpty()
                ? List.of()
                : em.createNamedQuery(Agency.BY_CODES, Agency.class)
                        .setParameter("codes", List.copyOf(codes)).getResultList();
    }
}
