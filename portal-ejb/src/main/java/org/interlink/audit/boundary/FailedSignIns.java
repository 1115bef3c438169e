package org.interlink.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.ReportedSignInFailure;
import org.interlink.audit.entity.SignInFailure;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins, which happen at Keycloak and never reach the portal's pages, recorded in the
 * audit trail from Keycloak's events: each one once, with the mark that it was recorded in the same
 * transaction as the event.
 */
@Stateless
public class FailedSignIns {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditGate audit;

    /** The time of the newest failure recorded so far: the next import asks Keycloak from there on. */
    public Optional<Instant> recordedUntil() {
        return em.createQuery("select r from ReportedSignInFailure r order by r.at desc", ReportedSignInFailure.class)
                .setMaxResults(1).getResultStream().findFirst().map(ReportedSignInFailure::getAt);
    }

    /** Records {@code failure} unless it was recorded before; true if it was recorded now. */
    public boolean record(SignInFailure failure) {
        if (em.find(ReportedSignInFailure.class, failure.eventId()) != null) {
            return false;
        }
        em.persist(new ReportedSignInFailure(failure.eventId(), failure.at()));
        audit.record(failure.toAuditRecord());
        return true;
    }
}
