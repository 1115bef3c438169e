package org.interlink.workflow.entity;

import java.util.EnumSet;
import java.util.Set;

/** The vetting state of one version of an item. */
public enum WorkflowState {
    DRAFT, SUBMITTED, RETURNED, PUBLISHED, WITHDRAWN, ARCHIVED, SUPERSEDED;

    private static final Set<WorkflowState> EDITABLE = EnumSet.of(DRAFT, RETURNED);
    private static final Set<WorkflowState> SHARED = EnumSet.of(PUBLISHED, ARCHIVED);

    /** The author may still change the content. */
    public boolean isEditable() {
        return EDITABLE.contains(this);
    }

    /** Readers outside the owner agency may see the version (if its sharing reaches them). */
    public boolean isShared() {
        return SHARED.contains(this);
    }

    /** The states in which a version is visible outside its owner agency. */
    public static Set<WorkflowState> shared() {
        return EnumSet.copyOf(SHARED);
    }
}
