package org.interlink.audit.entity;

/** Whether the recorded action was done, refused by the rules of access, or failed. */
public enum AuditOutcome {
    ALLOWED, DENIED, FAILED
}
