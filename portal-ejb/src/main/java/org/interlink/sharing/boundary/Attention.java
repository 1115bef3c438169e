package org.interlink.sharing.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.ItemVersion;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.notification.entity.Notification;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What needs the caller's attention, counted and listed in the database through the visibility
 * gate: their vetting queue, recommendations awaiting their agency's decision, their agency's
 * action items due or overdue, and their notifications — a notification is a read path: the inbox
 * shows only those whose item the caller reads now, acting for the agency they were notified for.
 */
@Stateless
public class Attention {

    private static final String INBOX = "from Notification n, ItemVersion v join v.item i where n.item = i"
            + " and n.recipient = :username and n.agency = :agency and ";

    @PersistenceContext
    EntityManager em;

    @Inject
    VisibilityGate gate;

    @Inject
    AuditGate audit;

    /** The counts of the "needs my attention" dashboard, recorded as one list event. */
    public Counts counts(Caller caller) {
        if (caller.activeAgency().isEmpty()) {
            return new Counts(0, 0, 0, 0);
        }
        audit.record(caller, AuditAction.LIST, AuditOutcome.ALLOWED, null, null, "needs my attention: counts");
        long queue = caller.hasRole(Role.VETTER) ? count(caller, Listing.VETTING_QUEUE) : 0;
        return new Counts(queue, count(caller, Listing.AWAITING_DECISION), actionItemsDue(caller), unread(caller));
    }

    /** The number of notifications the caller has not read, of those they may read (not recorded: it is a number). */
    public long unread(Caller caller) {
        if (caller.activeAgency().isEmpty()) {
            return 0;
        }
        VisibilityGate.Predicate where = gate.visible(caller, ItemQuery.of(Listing.ALL));
        TypedQuery<Long> jpql = em.createQuery("select count(n) " + INBOX + "n.readAt is null and " + where.jpql(), Long.class);
        bind(jpql, caller, where);
        return jpql.getSingleResult();
    }

    /** One page of the caller's notifications, newest first, each with the version of its item they read; recorded as a list. */
    public List<Entry> inbox(Caller caller, int first, int max) {
        if (caller.activeAgency().isEmpty()) {
            return List.of();
        }
        audit.record(caller, AuditAction.LIST, AuditOutcome.ALLOWED, null, null, "notifications rows " + first + "+" + max);
        VisibilityGate.Predicate where = gate.visible(caller, ItemQuery.of(Listing.ALL));
        TypedQuery<Object[]> jpql = em.createQuery("select n, v " + INBOX + where.jpql() + " order by n.createdAt desc, n.id desc",
                Object[].class);
        bind(jpql, caller, where);
        return jpql.setFirstResult(first).setMaxResults(max).getResultList().stream()
                .map(row -> new Entry((Notification) row[0], (ItemVersion) row[1])).toList();
    }

    /** How many notifications {@link #inbox} pages through. */
    public long inboxSize(Caller caller) {
        if (caller.activeAgency().isEmpty()) {
            return 0;
        }
        VisibilityGate.Predicate where = gate.visible(caller, ItemQuery.of(Listing.ALL));
        TypedQuery<Long> jpql = em.createQuery("select count(n) " + INBOX + where.jpql(), Long.class);
        bind(jpql, caller, where);
        return jpql.getSingleResult();
    }

    /**
     * Published meeting outcomes with an action item overdue on {@code today} whose owner agency was
     * not told yet. A system question (the overdue notifier asks it), not a read of anyone's.
     */
    public List<MeetingVersion> newlyOverdue(LocalDate today) {
        return em.createQuery("select distinct m from MeetingVersion m join m.actionItems a where m.state in :shared"
                        + " and a.status in :pending and a.dueOn < :today and a.overdueNotified = false", MeetingVersion.class)
                .setParameter("shared", List.copyOf(WorkflowState.shared()))
                .setParameter("pending", List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
                .setParameter("today", today)
                .getResultList();
    }

    private long count(Caller caller, Listing view) {
        VisibilityGate.Predicate where = gate.visible(caller, ItemQuery.of(view));
        TypedQuery<Long> jpql = em.createQuery("select count(v) from ItemVersion v join v.item i where " + where.jpql(), Long.class);
        where.bind(jpql::setParameter);
        return jpql.getSingleResult();
    }

    /** Action items (not meetings) of the caller's agency due soon or overdue, on the meetings they read. */
    private long actionItemsDue(Caller caller) {
        VisibilityGate.Predicate where = gate.visible(caller, ItemQuery.of(Listing.ALL));
        Map<String, Object> parameters = new HashMap<>(where.parameters());
        parameters.putAll(gate.actionsDue());
        VisibilityGate.Predicate due = new VisibilityGate.Predicate(where.jpql() + " and i.kind = :meeting and m.item = i"
                + " and m.state in :sharedStates and a.owner.id = :agencyId and a.status in :pending and a.dueOn <= :soon and "
                + VisibilityGate.sharedVersionRead(caller, "m"), parameters);
        TypedQuery<Long> jpql = em.createQuery("select count(a) from ItemVersion v join v.item i, MeetingVersion m join m.actionItems a where "
                + due.jpql(), Long.class);
        due.bind(jpql::setParameter);
        return jpql.getSingleResult();
    }

    private static void bind(TypedQuery<?> jpql, Caller caller, VisibilityGate.Predicate where) {
        where.bind(jpql::setParameter);
        jpql.setParameter("username", caller.username().value());
        jpql.setParameter("agency", caller.activeAgency().orElseThrow());
    }

    /** The counts of the dashboard; each links to its list. */
    public record Counts(long vettingQueue, long awaitingDecision, long actionItemsDue, long unreadNotifications) implements Serializable {
    }

    /** A notification with the version of its item the caller reads now. */
    public record Entry(Notification notification, ItemVersion version) implements Serializable {
    }
}
