package org.interlink.demo;

/** The demo items by title, so tests and people can find them. */
public enum DemoItem {
    LYON_VISIT("Study visit to INTERPOL in Lyon"),
    BMIS_RECOMMENDATION("Enhance the border-management information-sharing mechanism"),
    DTM_FIGURES("DTM: 3.18 million Iraqis displaced since January 2014"),
    BASRA_SOP("SOP draft: Basra International Airport"),
    SAFWAN_INCIDENT("Incident summary: Safwan border point"),
    PASSPORT_ALERT("Alert: stolen blank passports"),
    DRAFT_TRAINING("Document-examination training report"),
    SUBMITTED_EQUIPMENT("Document readers for Zurbatiyah"),
    RETURNED_RECOMMENDATION("Risk analysis training for border officers"),
    WITHDRAWN_INCIDENT("Incident report: Trebil document fraud"),
    ARCHIVED_FIGURES("DTM round 2025"),
    REVISED_SOP("SOP: referral of vulnerable travellers"),
    REVISION_IN_DRAFT("Border working group risk-analysis workshop");

    private final String title;

    DemoItem(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
