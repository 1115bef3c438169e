package org.interlink.notification.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.caller.entity.Caller;
import org.interlink.notification.entity.Notification;

import java.time.Instant;
import java.util.Optional;

/** Marks the caller's own notifications read; nobody else's (someone else's is "not found"). */
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

    /** Marks every notification of the caller, for the agency they act for, read. */
    public int allRead(Caller caller, Instant now) {
        return em.createQuery("update Notification n set n.readAt = :now where n.recipient = :username and n.agency = :agency"
                + " and n.readAt is null")
                .setParameter("now", now).setParameter("username", caller.username().value())
                .setParameter("agency", caller.activeAgency().orElseThrow()).executeUpdate();
    }
}
