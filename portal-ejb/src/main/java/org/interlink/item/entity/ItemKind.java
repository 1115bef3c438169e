package org.interlink.item.entity;

/** The three kinds of shared item. */
public enum ItemKind {
    RECORD, RECOMMENDATION, MEETING_OUTCOME;

    /** The kind in a sentence: "meeting outcome". */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
