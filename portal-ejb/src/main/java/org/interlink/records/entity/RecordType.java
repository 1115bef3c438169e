package org.interlink.records.entity;

import java.util.EnumSet;
import java.util.Set;

/** The types of migration-management record and the structured fields each one requires. */
public enum RecordType {
    DISPLACEMENT_FIGURES("Displacement figures",
            EnumSet.of(RecordField.REFERENCE_DATE, RecordField.LOCATION, RecordField.QUANTITY)), BORDER_INCIDENT("Border incident",
                    EnumSet.of(RecordField.REFERENCE_DATE, RecordField.LOCATION, RecordField.CATEGORY)), TRAVEL_DOCUMENT_ALERT(
                            "Travel-document alert",
                            EnumSet.of(RecordField.DOCUMENT_NUMBER, RecordField.COUNTRY, RecordField.CATEGORY)), SOP(
                                    "Standard operating procedure",
                                    EnumSet.of(RecordField.LOCATION, RecordField.REFERENCE_DATE)), TRAINING_REPORT("Training report",
                                            EnumSet.of(RecordField.REFERENCE_DATE, RecordField.LOCATION, RecordField.QUANTITY)), EQUIPMENT(
                                                    "Equipment",
                                                    EnumSet.of(RecordField.LOCATION, RecordField.CATEGORY, RecordField.QUANTITY));

    private final String label;
    private final Set<RecordField> required;

    RecordType(String label, Set<RecordField> required) {
        this.label = label;
        this.required = required;
    }

    public String label() {
        return label;
    }

    /** The structured fields a record of this type must have (others are optional). */
    public Set<RecordField> required() {
        return EnumSet.copyOf(required);
    }

    /** The name of a field for this type, e.g. the reference date of a border incident is its date. */
    public String labelOf(RecordField field) {
        return switch (field) {
            case REFERENCE_DATE -> switch (this) {
                case BORDER_INCIDENT -> "date of the incident";
                case SOP -> "effective date";
                case TRAINING_REPORT -> "date of the training";
                default -> "reference date";
            };
            case LOCATION -> switch (this) {
                case BORDER_INCIDENT -> "place";
                case SOP -> "border point or site it applies to";
                default -> "location";
            };
            case QUANTITY -> switch (this) {
                case DISPLACEMENT_FIGURES -> "number of people";
                case TRAINING_REPORT -> "number of participants";
                default -> "quantity";
            };
            case CATEGORY -> switch (this) {
                case TRAVEL_DOCUMENT_ALERT -> "document type";
                case EQUIPMENT -> "equipment type";
                default -> "category";
            };
            case DOCUMENT_NUMBER -> "document number";
            case COUNTRY -> "issuing country";
        };
    }
}
