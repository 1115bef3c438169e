package org.interlink.item.entity;

/** What happened to an item, as its history records it. */
public enum ItemAction {
    DRAFTED,
    EDITED,
    ATTACHED,
    DETACHED,
    SUBMITTED,
    RETURNED,
    PUBLISHED,
    WITHDRAWN,
    ARCHIVED,
    NEW_VERSION,
    SUPERSEDED
}
