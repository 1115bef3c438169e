package org.interlink.audit.entity;

/**
 * The last link of one chain as a writer read it: its sequence number and hash (sequence 0 and
 * {@link AuditHash#GENESIS} for a chain without events). The next event takes the following place.
 * The head is not stored apart from the events: it is the chain's event with the highest sequence
 * number, and the unique index on (chain, seq) lets only one event take each place.
 *
 * <p>Each agency (and the platform) has {@link #LANES} chains, {@code iq-moi/0} … {@code iq-moi/7}.
 * A writer appends to one lane at a time, holding it until its transaction commits; with a single
 * chain per agency, every writer of a busy agency would wait for the commit of the one before it.
 */
public final class AuditChainHead {

    /** The chain of events that concern no agency (e.g. a platform administrator's sign-in). */
    public static final String PLATFORM = "platform";

    /** Chains per agency. */
    public static final int LANES = 8;

    private static final char LANE = '/';

    private final String chain;
    private final long seq;
    private final String hash;

    private AuditChainHead(String chain, long seq, String hash) {
        this.chain = chain;
        this.seq = seq;
        this.hash = hash;
    }

    /** The chain {@code lane} of {@code owner} (an agency, or {@link #PLATFORM}). */
    public static String chainOf(String owner, int lane) {
        return owner + LANE + Math.floorMod(lane, LANES);
    }

    /** The lane an actor's events go to first: one person's events stay in one chain unless it is busy. */
    public static int laneOf(String actor) {
        return Math.floorMod(actor.hashCode(), LANES);
    }

    /** The agency (or {@link #PLATFORM}) a chain belongs to. */
    public static String ownerOf(String chain) {
        int lane = chain.lastIndexOf(LANE);
        return lane < 0 ? chain : chain.substring(0, lane);
    }

    /** The head of a chain without events. */
    public static AuditChainHead empty(String chain) {
        return new AuditChainHead(chain, 0, AuditHash.GENESIS);
    }

    /** The head at the chain's event {@code seq}, whose hash is {@code hash}. */
    public static AuditChainHead at(String chain, long seq, String hash) {
        return new AuditChainHead(chain, seq, hash);
    }

    /** The event that takes the next place in the chain after this head. */
    public AuditEvent append(AuditRecord record) {
        return new AuditEvent(chain, seq + 1, record, hash);
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
