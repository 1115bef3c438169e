package org.interlink.agreement.entity;

/** Why someone reads an item of another agency: the purposes an agreement allows, and a reader states. */
public enum PurposeOfUse {
    BORDER_MANAGEMENT("Border management operations"), CRIMINAL_INVESTIGATION("Criminal investigation"), HUMANITARIAN_RESPONSE(
            "Humanitarian response"), POLICY_AND_ANALYSIS("Policy and analysis"), REPORTING_TO_MANAGEMENT(
                    "Reporting to management"), OTHER("Other");

    private final String label;

    PurposeOfUse(String label) {
        this.label = label;
    }

    /** The purpose as the audit trail records it, e.g. "Criminal investigation". */
    public String label() {
        return label;
    }
}
