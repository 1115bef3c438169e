package org.interlink.item.entity;

/** Which items a list shows, all of them through the gate. */
public enum Listing {
    /** Everything the caller may read: their agency's items and what others share with it. */
    ALL,
    /** Items of the agency the caller acts for (the current version of each). */
    MY_AGENCY,
    /** Items other agencies published and shared with the caller's agency or with the caller. */
    SHARED_WITH_MY_AGENCY,
    /** Submitted versions of the caller's agency that the caller may vet (not their own). */
    VETTING_QUEUE,
    /** Published recommendations addressed to the caller's agency that it has not decided on yet. */
    AWAITING_DECISION,
    /** Published meeting outcomes with an action item of the caller's agency still pending and due within two weeks, or overdue. */
    ACTIONS_DUE
}
