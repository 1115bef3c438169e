package org.interlink.agency.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.Community;

import java.util.List;
import java.util.Optional;

/** The communities of agencies, to choose from when sharing. */
@Stateless
public class Communities {

    @PersistenceContext
    EntityManager em;

    /** All communities by name (a handful: they are programmes and working groups). */
    public List<Community> all() {
        return em.createQuery("select c from Community c order by c.name", Community.class).getResultList();
    }

    public Optional<Community> find(AgencyCode code) {
        return em.createQuery("select c from Community c where c.code = :code", Community.class)
                .setParameter("code", code).getResultStream().findFirst();
    }
}
