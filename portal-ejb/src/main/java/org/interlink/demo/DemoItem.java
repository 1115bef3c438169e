package org.interlink.demo;

/** The demo items by title, so tests and people can find them. */
public enum DemoItem {
    LYON_VISIT("Study visit to INTERPOL in Lyon", "MOI IOM interpol.liaison"), BMIS_RECOMMENDATION(
            "Enhance the border-management information-sharing mechanism",
            "IOM MOI"), REJECTED_RECOMMENDATION("Biometric registration of all travellers at land border points",
                    "IOM MOI"), DTM_FIGURES("DTM: 3.18 million Iraqis displaced since January 2014", "EVERY_AGENCY"), BASRA_SOP(
                            "SOP draft: Basra International Airport", "IOM MOI"), SAFWAN_INCIDENT(
                                    "Incident summary: Safwan border point", "MOI IOM"), PASSPORT_ALERT("Alert: stolen blank passports",
                                            "moi.official MOI_VETTERS interpol.liaison"), DRAFT_TRAINING(
                                                    "Document-examination training report",
                                                    "MOI"), SUBMITTED_EQUIPMENT("Document readers for Zurbatiyah",
                                                            "IOM"), RETURNED_RECOMMENDATION("Risk analysis training for border officers",
                                                                    "IOM"), WITHDRAWN_INCIDENT("Incident report: Trebil document fraud",
                                                                            "MOI"), ARCHIVED_FIGURES("DTM round 2025",
                                                                                    "EVERY_AGENCY"), REVISED_SOP(
                                                                                            "SOP: referral of vulnerable travellers",
                                                                                            "MOI IOM interpol.liaison"), REVISION_IN_DRAFT(
                                                                                                    "Border working group risk-analysis workshop",
                                                                                                    "IOM MOI");

    /** The file attached to {@link #SAFWAN_INCIDENT}. */
    public static final String SAFWAN_ATTACHMENT = "safwan-crossings.csv";

    private final String title;
    private final String readers;

    DemoItem(String title, String readers) {
        this.title = title;
        this.readers = readers;
    }

    public String title() {
        return title;
    }

    /**
     * Who the demo data means to read this item — the isolation matrices' table: usernames (with
     * {@code @agency} for someone acting for one of several agencies) and groups: {@code MOI} and
     * {@code IOM} (everyone acting for that agency), {@code MOI_VETTERS} (vetters of the Ministry,
     * who read its TLP:RED items), {@code EVERY_AGENCY} (everyone acting for any agency). Outside the owner agency only
     * TLP:CLEAR items reach an agency without an active agreement with the owner ({@link DemoAgreements}).
     */
    public String readers() {
        return readers;
    }
}
