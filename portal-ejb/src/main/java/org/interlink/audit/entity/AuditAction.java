package org.interlink.audit.entity;

/** What an audit event records. */
public enum AuditAction {
    SIGN_IN, SIGN_OUT, SIGN_IN_FAILED, VIEW, LIST, SEARCH, HISTORY, DOWNLOAD, EXPORT, CREATE, UPDATE, STATE_CHANGE, SHARING_CHANGE, ADMIN, VERIFY
}
