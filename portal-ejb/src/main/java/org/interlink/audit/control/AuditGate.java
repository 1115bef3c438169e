package org.interlink.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.AuditRecord;
import org.interlink.caller.entity.Caller;
import org.interlink.infrastructure.persistence.DatabaseOutage;
import org.interlink.item.entity.ItemReference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that writes the audit trail. It runs only inside the transaction of the action it
 * records ({@code MANDATORY}): the event and the action are stored together or not at all, and if
 * the event cannot be stored the action fails with {@link AuditUnavailable} (fail closed).
 *
 * <p>Each event is appended to a chain of the owner agency of the item, else of the actor's agency
 * (one of its {@link AuditChainHead#LANES} lanes): it takes the place after the chain's last event
 * and that event's hash as its previous hash. Writers hold a lane until they commit and pass by the
 * lanes others hold, so they rarely wait for each other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditGate {

    private static final String COLUMNS = "id, chain, seq, occurred_at, actor, actor_agency, action, item_id, item_owner, "
            + "outcome, client_address, user_agent, purpose, details, prev_hash, hash";

    /** The number of the item's id among the statements' parameters. */
    private static final int ITEM_ID = 7;

    /** An event in its place, if that place is free. */
    static final NumberedParameters INSERT = NumberedParameters
            .of("insert into audit_event (" + COLUMNS + ") values (nextval('audit_event_seq'), "
                    + "?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as bigint), ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) on conflict do nothing");

    /** An event after the last of its lane, if the lane is free and that event still its last. */
    static final NumberedParameters INSERT_AFTER_LAST = NumberedParameters
            .of("insert into audit_event (" + COLUMNS + ") select nextval('audit_event_seq'), "
                    + "c.chain, cast(?2 as bigint), cast(?3 as timestamp with time zone), ?4, ?5, ?6, cast(?7 as bigint), ?8, ?9, "
                    + "?10, ?11, ?12, ?13, ?14, ?15 from audit_chain c where c.chain = ?1 and exists (select 1 from audit_event p "
                    + "where p.chain = c.chain and p.seq = cast(?2 as bigint) - 1 and p.hash = ?14) for update skip locked "
                    + "on conflict do nothing");

    @PersistenceContext
    EntityManager em;

    @Inject
    Instance<RequestOrigin> origin;

    @Inject
    Clock clock;

    @Inject
    LaneHeads heads;

    @Inject
    AuditMetrics metrics;

    /** Records what {@code caller} did, about {@code item} when there is one. */
    public AuditEvent record(Caller caller, AuditAction action, AuditOutcome outcome, ItemReference item, String purpose,
            String details) {
        return record(record(caller, action, outcome, item == null ? null : item.id(),
                item == null ? null : item.owner().value(), purpose, details));
    }

    private AuditRecord record(Caller caller, AuditAction action, AuditOutcome outcome, Long itemId, String itemOwner,
            String purpose, String details) {
        return new AuditRecord(Instant.now(clock), caller.username().value(),
                caller.activeAgency().map(a -> a.getCode().value()).orElse(null), action, itemId, itemOwner,
                outcome, clientAddress(), userAgent(), purpose, details);
    }

    /**
     * Records what {@code caller} did in the chain of agency {@code chainOwner} too (e.g. another party's, for a step on
     * an agreement between them): no item is named, its auditors read the event.
     */
    public AuditEvent recordIn(Caller caller, AuditAction action, AuditOutcome outcome, String chainOwner, String details) {
        return record(record(caller, action, outcome, null, chainOwner, null, details));
    }

    /**
     * Records a refusal in a transaction of its own: the refused action's transaction rolls back,
     * and the record of the refusal must not go with it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEvent recordRefusal(Caller caller, AuditAction action, ItemReference item, String details) {
        return record(caller, action, AuditOutcome.DENIED, item, null, details);
    }

    /**
     * Records a refused reach for an item (or a file of one) where each agency's auditors read it, without
     * telling the caller's agency more than the caller was told. The caller's agency gets {@code told} with
     * the id the caller asked for and no owner: for an item they may not read, the same words as for one that
     * does not exist. The owner agency of an existing item of another agency also gets what happened
     * ({@code details}, with the item and its owner) in its own chain, for its auditors alone
     * ({@link org.interlink.audit.boundary.AuditTrail} shows another agency's refusals only to the owner).
     * An item of the caller's own agency is one event with the details: its auditors are the owner's.
     *
     * @param asked the item id the caller asked for (null when they asked for a file by its id alone)
     * @param item  the item as it exists, or null when there is none
     */
    public void recordDenied(Caller caller, AuditAction action, Long asked, ItemReference item, String told, String details) {
        if (item != null && caller.activeAgency().map(agency -> agency.getCode().equals(item.owner())).orElse(false)) {
            record(caller, action, AuditOutcome.DENIED, item, null, details);
            return;
        }
        record(record(caller, action, AuditOutcome.DENIED, asked, null, null, told));
        if (item != null) {
            record(caller, action, AuditOutcome.DENIED, item, null, details);
        }
    }

    /** As {@link #recordDenied}, in a transaction of its own (the refused change rolls back, its record stays). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordDeniedApart(Caller caller, AuditAction action, Long asked, ItemReference item, String told, String details) {
        recordDenied(caller, action, asked, item, told, details);
    }

    /** Records an event that has no caller of the portal's own (e.g. a failed sign-in reported by Keycloak). */
    public AuditEvent record(AuditRecord record) {
        long start = System.nanoTime();
        try {
            AuditEvent event = append(record.chainOwner(), AuditChainHead.LANES, record);
            metrics.appended(Duration.ofNanos(System.nanoTime() - start));
            return event;
        } catch (AuditUnavailable e) {
            metrics.failed();
            throw e;
        }
    }

    /**
     * Appends to one of the {@code lanes} chains of {@code owner} (the benchmark compares layouts
     * with fewer lanes), the actor's own lane first. A lane is held by locking its row in
     * {@code audit_chain} until the transaction ends; a lane another transaction holds is passed by
     * for the next one, and only when every lane is held does the writer queue for one.
     *
     * <p>First the lanes whose last event this server wrote ({@link LaneHeads}): one statement locks
     * the lane and inserts the event after that event, provided it is still the lane's last and the
     * lane is free; else nothing happens and the next lane is tried. Then, if none took it (all held,
     * new, or written by another server or rolled back since), the lanes are locked and their last
     * event read first. The database decides, not the memory: an event goes in only right after the
     * event it links to, and each place takes one event.
     */
    AuditEvent append(String owner, int lanes, AuditRecord record) {
        try {
            int first = AuditChainHead.laneOf(record.actor());
            // the lanes whose last event this server wrote: one statement each; a held one is passed by at once
            for (int attempt = 0; attempt < lanes; attempt++) {
                Optional<AuditChainHead> known = heads.last(AuditChainHead.chainOf(owner, (first + attempt) % lanes));
                if (known.isPresent()) {
                    AuditEvent event = known.get().append(record);
                    if (insertAfterLast(event) == 1) {
                        return heads.wrote(event);
                    }
                }
            }
            // else (all held, new, or written by another server since): lock a lane and read its last event
            for (int attempt = 0; attempt < 2 * lanes; attempt++) {
                String chain = AuditChainHead.chainOf(owner, (first + attempt) % lanes);
                Optional<AuditChainHead> head = lock(chain, attempt >= lanes);
                if (head.isPresent()) {
                    AuditEvent event = head.get().append(record);
                    if (insert(event) == 0) {
                        // the lane was released after the statement's snapshot was taken: read it again, now it is held
                        event = last(chain).append(record);
                        if (insert(event) == 0) {
                            throw new IllegalStateException("audit chain " + chain + " changed while locked");
                        }
                    }
                    return heads.wrote(event);
                }
            }
            throw new IllegalStateException("no lane of the audit chains of " + owner + " could be locked");
        } catch (PersistenceException | IllegalStateException e) {
            // the event's statement flushes the action's changes first: another transaction's change of the same row
            // fails here, and is the action's conflict, not an audit failure
            throw conflict(e).orElseGet(() -> new AuditUnavailable(e));
        }
    }

    /** The optimistic-lock conflict among the causes of {@code failure}, if it is one. */
    static Optional<RuntimeException> conflict(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException conflict) {
                return Optional.of(conflict);
            }
            if (cause instanceof org.eclipse.persistence.exceptions.OptimisticLockException conflict) {
                return Optional.of(new OptimisticLockException(conflict.getMessage(), failure));
            }
        }
        if (DatabaseOutage.concurrentChange(failure)) {
            // a deadlock or a lock wait given up (PostgreSQL, H2): the same conflict, found by the database
            return Optional.of(new OptimisticLockException("the database refused a change made at the same time as another", failure));
        }
        return Optional.empty();
    }

    /** Locks {@code chain} and reads its head; empty if another transaction holds it (and {@code queue} is false). */
    private Optional<AuditChainHead> lock(String chain, boolean queue) {
        List<?> rows = em.createNativeQuery("select "
                + "(select e.seq from audit_event e where e.chain = c.chain order by e.seq desc limit 1), "
                + "(select e.hash from audit_event e where e.chain = c.chain order by e.seq desc limit 1) "
                + "from audit_chain c where c.chain = ?1 for update" + (queue ? "" : " skip locked"))
                .setParameter(1, chain).getResultList();
        if (!rows.isEmpty()) {
            Object[] row = (Object[]) rows.get(0);
            return Optional.of(row[0] == null
                    ? AuditChainHead.empty(chain)
                    : AuditChainHead.at(chain, ((Number) row[0]).longValue(), (String) row[1]));
        }
        // not listed yet, or held: listing it makes it this transaction's; if it was held, it stays the other's
        if (em.createNativeQuery("insert into audit_chain (chain) values (?1) on conflict do nothing")
                .setParameter(1, chain).executeUpdate() == 0) {
            return Optional.empty();
        }
        return Optional.of(last(chain));
    }

    private AuditChainHead last(String chain) {
        List<?> last = em.createNativeQuery("select seq, hash from audit_event where chain = ?1 order by seq desc limit 1")
                .setParameter(1, chain).getResultList();
        if (last.isEmpty()) {
            return AuditChainHead.empty(chain);
        }
        Object[] row = (Object[]) last.get(0);
        return AuditChainHead.at(chain, ((Number) row[0]).longValue(), (String) row[1]);
    }

    /** Inserts the event in its place; 0 if that place is taken. (The benchmark's plain inserts use it too.) */
    int insert(AuditEvent e) {
        return execute(INSERT, e);
    }

    /**
     * Locks the event's lane and inserts the event in the same statement, if the lane is free, the
     * event it links to is there and is the lane's last (its place is free); else inserts nothing.
     */
    private int insertAfterLast(AuditEvent e) {
        return execute(INSERT_AFTER_LAST, e);
    }

    /**
     * Runs {@code sql} with the event's columns as its numbered parameters ({@code ?1} the chain … {@code ?15} the
     * hash) on the connection of the action's transaction, after the action's changes: they are flushed first, as
     * before any statement, so another transaction's change of the same rows fails here (an optimistic-lock conflict,
     * the action's, see {@link #append}). Straight through JDBC: a native query of EclipseLink parsed this statement's
     * text and matched its parameters anew on every call, a tenth of an API call's time (docs/benchmarks.md).
     */
    private int execute(NumberedParameters sql, AuditEvent e) {
        em.flush();
        try {
            return execute(em.unwrap(Connection.class), sql, e);
        } catch (SQLException failure) {
            throw new PersistenceException("the audit event could not be stored", failure);
        }
    }

    /** Runs {@code sql} with the event's columns on {@code connection}: how many rows it inserted (0 or 1). */
    static int execute(Connection connection, NumberedParameters sql, AuditEvent e) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbc())) {
            Object[] columns = {e.getChain(), e.getSeq(), e.getAt().atOffset(ZoneOffset.UTC), e.getActor(), e.getActorAgency(),
                    e.getAction().name(), e.getItemId(), e.getItemOwner(), e.getOutcome().name(), e.getClientAddress(),
                    e.getUserAgent(), e.getPurpose(), e.getDetails(), e.getPreviousHash(), e.getHash()};
            int position = 1;
            for (int number : sql.order()) {
                Object value = columns[number - 1];
                if (value == null) {
                    // the item's id is the one number among the event's columns (?7); the rest are texts
                    statement.setNull(position++, number == ITEM_ID ? Types.BIGINT : Types.VARCHAR);
                } else {
                    statement.setObject(position++, value);
                }
            }
            return statement.executeUpdate();
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
