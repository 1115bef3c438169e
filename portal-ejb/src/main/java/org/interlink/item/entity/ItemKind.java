package org.interlink.item.entity;

/** The three kinds of shared item. */
public enum ItemKind {
    RECORD,
    RECOMMENDATION,
    MEETING_OUTCOME
}
