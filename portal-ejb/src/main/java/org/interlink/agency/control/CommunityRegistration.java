package org.interlink.agency.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.Community;

import java.util.Collection;

/** Adds a community of agencies. Internal for now (demo data, tests), like {@link AgencyRegistration}. */
@Stateless
public class CommunityRegistration {

    @PersistenceContext
    EntityManager em;

    public Community register(AgencyCode code, String name, Collection<Agency> members) {
        Community community = new Community(code, name, members);
        em.persist(community);
        return community;
    }
}
