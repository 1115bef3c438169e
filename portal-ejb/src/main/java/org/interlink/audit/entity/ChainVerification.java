package org.interlink.audit.entity;

import java.io.Serializable;

/** The outcome for one chain: intact, or the first broken link and why. */
public record ChainVerification(String chain, long events, boolean intact, long brokenSeq, long brokenEventId, String reason)
        implements
            Serializable {

    public static ChainVerification intact(String chain, long events) {
        return new ChainVerification(chain, events, true, 0, 0, null);
    }

    public static ChainVerification broken(String chain, long events, long seq, long id, String reason) {
        return new ChainVerification(chain, events, false, seq, id, reason);
    }

    @Override
    public String toString() {
        return intact
                ? "chain " + chain + ": " + events + " events, intact"
                : "chain " + chain + ": broken at event " + brokenSeq + (brokenEventId > 0 ? " (id " + brokenEventId + ")" : "")
                        + ": " + reason + " — " + events + " events verified before it";
    }
}
