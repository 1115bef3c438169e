package org.interlink.meeting.entity;

/** How far an action item agreed at a meeting has come. */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    /** Still to be done: open or in progress (such an item past its due date is overdue). */
    public boolean isPending() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
