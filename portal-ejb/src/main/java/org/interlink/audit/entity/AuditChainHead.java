package org.interlink.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last link of one chain: its sequence number and hash. Appending locks this row, so the events
 * of one chain are written one after the other, while the chains of different agencies are written
 * in parallel.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    /** The chain of events that concern no agency (e.g. a platform administrator's sign-in). */
    public static final String PLATFORM = "platform";

    @Id
    @Column(length = 32)
    private String chain;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditChainHead() {
    }

    public AuditChainHead(String chain) {
        this.chain = chain;
        this.seq = 0;
        this.hash = AuditHash.GENESIS;
    }

    /** The next event of this chain, which this head now points at. */
    public AuditEvent append(AuditRecord record) {
        AuditEvent event = new AuditEvent(chain, seq + 1, record, hash);
        seq = event.getSeq();
        hash = event.getHash();
        return event;
    }

    public String getChain() {
        return chain;
    }

    public long getSeq() {
        return seq;
    }

    public String getHash() {
        return hash;
    }
}
