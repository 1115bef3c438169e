package org.interlink.sharing.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a data-sharing agreement covers, and what each version of an item is for the agreements: a kind of item, and
 * for a record its type. The record types carry their {@code RecordType} names.
 */
public enum Coverage {
    DISPLACEMENT_FIGURES(true), BORDER_INCIDENT(true), TRAVEL_DOCUMENT_ALERT(true), SOP(true), TRAINING_REPORT(true), EQUIPMENT(
            true), RECOMMENDATION(false), MEETING_OUTCOME(false);

    private final boolean record;

    Coverage(boolean record) {
        this.record = record;
    }

    /** Whether this is a type of record (else a kind of item). */
    public boolean isRecord() {
        return record;
    }

    /** Every type of record. */
    public static Set<Coverage> records() {
        Set<Coverage> records = EnumSet.noneOf(Coverage.class);
        for (Coverage coverage : values()) {
            if (coverage.record) {
                records.add(coverage);
            }
        }
        return records;
    }
}
