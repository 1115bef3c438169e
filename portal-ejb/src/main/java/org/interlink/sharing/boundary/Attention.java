package org.interlink.sharing.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Listing;
import org.interlink.notification.boundary.Notifications;
import org.interlink.notification.entity.Notification;
import org.interlink.sharing.control.VisibilityGate;

import java.io.Serializable;
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

    private static final String INBOX = "from Notification n, ItemVersion v join v.item i";

    /** The caller's own notifications, for the agency they act for now (the gate adds that they read the item). */
    private static final String MINE = "n.item = i and n.recipient = :username and n.agency = :agency";

    @Inject
    VisibilityGate gate;

    @Inject
    AuditGate audit;

    @Inject
    Notifications notifications;

    /** The counts of the "needs my attention" dashboard, recorded as one list event. */
    public Counts counts(@NotNull Caller caller) {
        if (caller.activeAgency().isEmpty()) {
            return new Counts(0, 0, 0, 0);
        }
        audit.record(caller, AuditAction.LIST, AuditOutcome.ALLOWED, null, null, "needs my attention: counts");
        gate.planForTheCaller();
        long queue = caller.hasRole(Role.VETTER) ? count(caller, Listing.VETTING_QUEUE) : 0;
        return new Counts(queue, count(caller, Listing.AWAITING_DECISION), actionItemsDue(caller), unread(caller));
    }

    /**
     * The number of notifications the caller has not read, of those they may read, and an agency administrator's about
     * their agency's agreements (not recorded: it is a number).
     */
    public long unread(@NotNull Caller caller) {
        if (caller.activeAgency().isEmpty()) {
            return 0;
        }
        return gate.query(caller, ItemQuery.of(Listing.ALL), "select count(n) " + INBOX, MINE + " and n.readAt is null", "",
                Map.of(), Long.class).getSingleResult() + notifications.unreadAboutAgreements(caller);
    }

    /** One page of the caller's notifications, newest first, each with the version of its item they read; recorded as a list. */
    public List<Entry> inbox(@NotNull Caller caller, int first, int max) {
        if (caller.activeAgency().isEmpty()) {
            return List.of();
        }
        audit.record(caller, AuditAction.LIST, AuditOutcome.ALLOWED, null, null, "notifications rows " + first + "+" + max);
        return gate.query(caller, ItemQuery.of(Listing.ALL), "select n, v " + INBOX, MINE, "order by n.createdAt desc, n.id desc",
                Map.of(), Object[].class).setFirstResult(first).setMaxResults(max).getResultList().stream()
                .map(row -> new Entry((Notification) row[0], (ItemVersion) row[1])).toList();
    }

    /** How many notifications {@link #inbox} pages through. */
    public long inboxSize(@NotNull Caller caller) {
        if (caller.activeAgency().isEmpty()) {
            return 0;
        }
        return gate.query(caller, ItemQuery.of(Listing.ALL), "select count(n) " + INBOX, MINE, "", Map.of(), Long.class)
                .getSingleResult();
    }

    private long count(Caller caller, Listing view) {
        return gate.query(caller, ItemQuery.of(view), "select count(v) from ItemVersion v join v.item i", null, "", Map.of(),
                Long.class).getSingleResult();
    }

    /** Action items (not meetings) of the caller's agency due soon or overdue, on the meetings they read. */
    private long actionItemsDue(Caller caller) {
        return gate.query(caller, ItemQuery.of(Listing.ALL),
                "select count(a) from ItemVersion v join v.item i, MeetingVersion m join m.actionItems a",
                "i.kind = :meeting and m.item = i and m.state in :sharedStates and a.owner.id = :agencyId and a.status in :pending"
                        + " and a.dueOn <= :soon and " + VisibilityGate.sharedVersionRead(caller, "m"),
                "", gate.actionsDue(),
                Long.class).getSingleResult();
    }

    /** The counts of the dashboard; each links to its list. */
    public record Counts(long vettingQueue, long awaitingDecision, long actionItemsDue, long unreadNotifications) implements Serializable {
    }

    /** A notification with the version of its item the caller reads now. */
    public record Entry(Notification notification, ItemVersion version) implements Serializable {
    }
}
