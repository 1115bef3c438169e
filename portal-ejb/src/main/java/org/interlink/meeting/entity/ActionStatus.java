package org.interlink.meeting.entity;

/** How far an action item agreed at a meeting has come. */
public enum ActionStatus {
    OPEN,
    IN_PROGRESS,
    DONE
}
