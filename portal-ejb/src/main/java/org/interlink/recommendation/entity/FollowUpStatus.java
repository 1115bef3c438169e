package org.interlink.recommendation.entity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What became of a published recommendation, on the addressee's side: considered, then accepted
 * (wholly or partly) or rejected, then implemented step by step.
 */
public enum FollowUpStatus {
    UNDER_CONSIDERATION, ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, IN_PROGRESS, IMPLEMENTED;

    private static final Set<FollowUpStatus> DECISIONS = EnumSet.of(ACCEPTED, PARTIALLY_ACCEPTED, REJECTED);
    private static final Set<FollowUpStatus> BEING_IMPLEMENTED = EnumSet.of(ACCEPTED, PARTIALLY_ACCEPTED, IN_PROGRESS);

    /** The answers to a recommendation under consideration. */
    public static List<FollowUpStatus> decisions() {
        return List.copyOf(DECISIONS);
    }

    /** One of the answers the addressee gives to a recommendation under consideration. */
    public boolean isDecision() {
        return DECISIONS.contains(this);
    }

    /** Accepted (wholly or partly) and still being carried out: progress is reported from here. */
    public boolean isBeingImplemented() {
        return BEING_IMPLEMENTED.contains(this);
    }

    /** The status in a sentence: "partially accepted". */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
