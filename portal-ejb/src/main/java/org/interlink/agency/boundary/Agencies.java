package org.interlink.agency.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The member agencies of the platform, read in pages or by code. */
@Stateless
public class Agencies {

    @PersistenceContext
    EntityManager em;

    /** One page of all agencies, by name. */
    public List<Agency> page(int first, int size) {
        return em.createNamedQuery(Agency.ALL, Agency.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    /** Every agency by name, for choosers; the directory holds tens of agencies, not thousands. */
    public List<Agency> all() {
        return em.createNamedQuery(Agency.ALL, Agency.class).getResultList();
    }

    public long count() {
        return em.createQuery("select count(a) from Agency a", Long.class).getSingleResult();
    }

    public Optional<Agency> find(AgencyCode code) {
        return em.createNamedQuery(Agency.BY_CODE, Agency.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /** The agencies with these codes (unknown codes are skipped), by name. */
    public List<Agency> withCodes(Collection<AgencyCode> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Agency.BY_CODES, Agency.class)
                .setParameter("codes", List.copyOf(codes))
                .getResultList();
    }
}
