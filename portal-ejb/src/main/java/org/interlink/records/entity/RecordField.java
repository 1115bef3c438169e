package org.interlink.records.entity;

/** The structured fields a record may carry; {@link RecordType} says which a type requires. */
public enum RecordField {
    REFERENCE_DATE, LOCATION, QUANTITY, CATEGORY, DOCUMENT_NUMBER, COUNTRY
}
