package org.interlink.sharing.histories;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.Community;
import org.interlink.item.entity.Attachment;
import org.interlink.item.entity.Item;

import java.util.List;

/**
 * What the platform administration (portal-web) does to agencies and communities, for the histories'
 * own agencies: suspend and reactivate an agency, add an agency to a community or take it out — through
 * the entities' intent methods, as the administration does; and the files a step made, without reading them.
 */
@Stateless
public class HistoryFixture {

    @PersistenceContext
    EntityManager em;

    public void suspend(String code, boolean suspended) {
        Agency agency = agency(code);
        if (suspended) {
            agency.suspend();
        } else {
            agency.reactivate();
        }
    }

    public void member(String community, String agency, boolean member) {
        Community found = em.createQuery("select c from Community c where c.code = :code", Community.class)
                .setParameter("code", AgencyCode.of(community)).getSingleResult();
        if (member) {
            found.add(agency(agency));
        } else {
            found.remove(agency(agency));
        }
    }

    /** The ids of the files of the item's current version, looked up without a read (which the audit trail would record). */
    public List<Long> currentFiles(long item) {
        return em.find(Item.class, item).current().getAttachments().stream().map(Attachment::getId).toList();
    }

    private Agency agency(String code) {
        return em.createNamedQuery(Agency.BY_CODE, Agency.class).setParameter("code", AgencyCode.of(code)).getSingleResult();
    }
}
