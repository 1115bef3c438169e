package org.interlink.notification.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.caller.entity.Caller;
import org.interlink.notification.entity.Notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Marks the caller's own notifications read; nobody else's (someone else's is "not found"); lists those about agreements. */
@Stateless
public class ReadMarks {

    @PersistenceContext
    EntityManager em;

    /** The caller's notification, marked read, or empty when it is not theirs (or not for the agency they act for). */
    public Optional<Notification> read(Caller caller, long id, Instant now) {
        Notification notification = em.find(Notification.class, id);
        if (notification == null || !notification.isFor(caller.username())
                || !caller.activeAgency().map(notification.getAgency()::equals).orElse(false)) {
            return Optional.empty();
        }
        notification.read(now);
        return Optional.of(notification);
    }

    /** The caller's newest notifications about their agency's agreements, for the agency they act for. */
    public List<Notification> aboutAgreements(Caller caller, int max) {
        return em.createQuery("select n from Notification n where n.recipient = :username and n.agency = :agency"
                + " and n.agreement is not null order by n.createdAt desc, n.id desc", Notification.class)
                .setParameter("username", caller.username().value()).setParameter("agency", caller.activeAgency().orElseThrow())
                .setMaxResults(max).getResultList();
    }

    /** How many of the caller's notifications about agreements they have not read. */
    public long unreadAboutAgreements(Caller caller) {
        return em.createQuery("select count(n) from Notification n where n.recipient = :username and n.agency = :agency"
                + " and n.agreement is not null and n.readAt is null", Long.class)
                .setParameter("username", caller.username().value()).setParameter("agency", caller.activeAgency().orElseThrow())
                .getSingleResult();
    }

    /** Marks every notification of the caller, for the agency they act for, read. */
    public int allRead(Caller caller, Instant now) {
        return em.createQuery("update Notification n set n.readAt = :now where n.recipient = :username and n.agency = :agency"
                + " and n.readAt is null")
                .setParameter("now", now).setParameter("username", caller.username().value())
                .setParameter("agency", caller.activeAgency().orElseThrow()).executeUpdate();
    }
}
