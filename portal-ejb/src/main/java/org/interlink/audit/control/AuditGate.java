package org.interlink.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditHash;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.AuditRecord;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.Item;

import java.time.Clock;
import java.time.Instant;

/**
 * The one place that writes the audit trail. It runs only inside the transaction of the action it
 * records ({@code MANDATORY}): the event and the action are stored together or not at all, and if
 * the event cannot be stored the action fails with {@link AuditUnavailable} (fail closed).
 *
 * <p>Each event is appended to its chain (the owner agency of the item, else the actor's agency):
 * the chain's head row is locked, the event takes the next sequence number and the head's hash as
 * its previous hash. Writers of different agencies do not wait for each other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditGate {

    @PersistenceContext
    EntityManager em;

    @Inject
    Instance<RequestOrigin> origin;

    @Inject
    Clock clock;

    /** Records what {@code caller} did, about {@code item} when there is one. */
    public AuditEvent record(Caller caller, AuditAction action, AuditOutcome outcome, Item item, String purpose,
                             String details) {
        return record(new AuditRecord(Instant.now(clock), caller.username().value(),
                caller.activeAgency().map(a -> a.getCode().value()).orElse(null), action,
                item == null ? null : item.getId(), item == null ? null : item.getOwner().getCode().value(),
                outcome, clientAddress(), userAgent(), purpose, details));
    }

    /**
     * Records a refusal in a transaction of its own: the refused action's transaction rolls back,
     * and the record of the refusal must not go with it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEvent recordRefusal(Caller caller, AuditAction action, Item item, String details) {
        return record(caller, action, AuditOutcome.DENIED, item, null, details);
    }

    /** Records an event that has no caller of the portal's own (e.g. a failed sign-in reported by Keycloak). */
    public AuditEvent record(AuditRecord record) {
        try {
            AuditChainHead head = em.find(AuditChainHead.class, record.chain(), LockModeType.PESSIMISTIC_WRITE);
            if (head == null) {
                // a new chain: of two first writers one creates the head, the other waits for it, neither fails
                em.createNativeQuery("insert into audit_chain_head (chain, seq, hash) values (?1, 0, ?2) on conflict do nothing")
                        .setParameter(1, record.chain()).setParameter(2, AuditHash.GENESIS).executeUpdate();
                head = em.find(AuditChainHead.class, record.chain(), LockModeType.PESSIMISTIC_WRITE);
            }
            AuditEvent event = head.append(record);
            em.persist(event);
            em.flush();
            return event;
        } catch (PersistenceException e) {
            throw new AuditUnavailable(e);
        }
    }

    private String clientAddress() {
        try {
            return origin.get().clientAddress();
        } catch (ContextNotActiveException e) {
            return "internal";
        }
    }

    private String userAgent() {
        try {
            return origin.get().userAgent();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
