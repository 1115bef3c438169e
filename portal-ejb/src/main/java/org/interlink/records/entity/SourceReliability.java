package org.interlink.records.entity;

/** How reliable the source of a record is (the 4x4 of police information exchange). */
public enum SourceReliability {
    A("Reliable"), B("Usually reliable"), C("Not usually reliable"), X("Cannot be judged");

    private final String label;

    SourceReliability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
