package org.interlink.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/**
 * One event of the audit trail, a link of its agency's hash chain: it carries the hash of the
 * previous event of the chain and its own hash over its canonical form ({@link AuditHash}).
 * Written once, never changed (the portal's database role may only insert and read it).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 40)
    private String chain;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(name = "actor_agency", updatable = false, length = 32)
    private String actorAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private AuditAction action;

    @Column(name = "item_id", updatable = false)
    private Long itemId;

    @Column(name = "item_owner", updatable = false, length = 32)
    private String itemOwner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private AuditOutcome outcome;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    @Column(name = "user_agent", updatable = false, length = 300)
    private String userAgent;

    @Column(updatable = false, length = 300)
    private String purpose;

    @Column(updatable = false, length = 2000)
    private String details;

    @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    protected AuditEvent() {
    }

    AuditEvent(String chain, long seq, AuditRecord record, String previousHash) {
        this.chain = chain;
        this.seq = seq;
        this.at = record.at();
        this.actor = record.actor();
        this.actorAgency = record.actorAgency();
        this.action = record.action();
        this.itemId = record.itemId();
        this.itemOwner = record.itemOwner();
        this.outcome = record.outcome();
        this.clientAddress = record.clientAddress();
        this.userAgent = record.userAgent();
        this.purpose = record.purpose();
        this.details = record.details();
        this.previousHash = previousHash;
        this.hash = AuditHash.of(chain, seq, record, previousHash);
    }

    /** The event as a record again, e.g. to recompute its hash. */
    public AuditRecord record() {
        return new AuditRecord(at, actor, actorAgency, action, itemId, itemOwner, outcome, clientAddress, userAgent,
                purpose, details);
    }

    public Long getId() {
        return id;
    }

    public String getChain() {
        return chain;
    }

    public long getSeq() {
        return seq;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getActorAgency() {
        return actorAgency;
    }

    public AuditAction getAction() {
        return action;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getItemOwner() {
        return itemOwner;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getDetails() {
        return details;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }
}
