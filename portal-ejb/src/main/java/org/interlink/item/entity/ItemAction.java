package org.interlink.item.entity;

import java.util.EnumSet;
import java.util.Set;

/** What happened to an item, as its history records it. */
public enum ItemAction {
    DRAFTED, EDITED, ATTACHED, DETACHED, SUBMITTED, RETURNED, PUBLISHED, WITHDRAWN, ARCHIVED, NEW_VERSION, SUPERSEDED,
    /** The addressee accepted, partly accepted or rejected a recommendation. */
    DECIDED,
    /** The addressee reported how far the implementation of a recommendation has come. */
    PROGRESS_REPORTED,
    /** The addressee implemented a recommendation. */
    IMPLEMENTED,
    /** The owner agency of a meeting's action item changed its status. */
    ACTION_UPDATED;

    private static final Set<ItemAction> READ_BY_ALL = EnumSet.of(PUBLISHED, DECIDED, PROGRESS_REPORTED, IMPLEMENTED, ACTION_UPDATED);

    /**
     * Entries everyone who reads the version sees in its history: its publication and what became
     * of it afterwards. The rest (drafting, vetting) stays inside the owner agency.
     */
    public boolean isReadByAll() {
        return READ_BY_ALL.contains(this);
    }

    /** The follow-through after publication: decisions, progress, action-item updates. */
    public boolean isFollowThrough() {
        return this != PUBLISHED && isReadByAll();
    }
}
