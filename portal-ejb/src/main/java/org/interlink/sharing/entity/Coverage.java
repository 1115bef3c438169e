package org.interlink.sharing.entity;

/**
 * What a data-sharing agreement covers, and what each version of an item is for the agreements: a kind of item, and
 * for a record its type. The record types carry their {@code RecordType} names.
 */
public enum Coverage {
    DISPLACEMENT_FIGURES, BORDER_INCIDENT, TRAVEL_DOCUMENT_ALERT, SOP, TRAINING_REPORT, EQUIPMENT, RECOMMENDATION, MEETING_OUTCOME
}
