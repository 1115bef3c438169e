package org.interlink.agency.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyAlreadyRegistered;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;

import java.time.Clock;
import java.time.Instant;

/** Adds an agency to the platform: for the platform administration (which guards it), the demo data and tests. */
@Stateless
public class AgencyRegistration {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public Agency register(AgencyCode code, String name, AgencyKind kind, String country) {
        boolean taken = !em.createNamedQuery(Agency.BY_CODE, Agency.class).setParameter("code", code)
                .getResultList().isEmpty();
        if (taken) {
            throw new AgencyAlreadyRegistered(code);
        }
        Agency agency = new Agency(code, name, kind, country, Instant.now(clock));
        em.persist(agency);
        // now, not at commit: a refusal of the database is the registration's, seen before anything else is done
        em.flush();
        return agency;
    }
}
