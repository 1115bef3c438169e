package org.interlink.agency.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyAlreadyRegistered;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.Community;

import java.util.Collection;

/** Adds a community of agencies: for the platform administration, the demo data and tests. */
@Stateless
public class CommunityRegistration {

    @PersistenceContext
    EntityManager em;

    public Community register(AgencyCode code, String name, Collection<Agency> members) {
        boolean taken = !em.createQuery("select c from Community c where c.code = :code", Community.class)
                .setParameter("code", code).getResultList().isEmpty();
        if (taken) {
            throw AgencyAlreadyRegistered.community(code);
        }
        Community community = new Community(code, name, members);
        em.persist(community);
        return community;
    }
}
