package org.interlink.agreement.entity;

import java.util.Optional;

/** Why someone reads an item of another agency: the purposes an agreement allows, and a reader states. */
public enum PurposeOfUse {
    BORDER_MANAGEMENT("Border management operations"), CRIMINAL_INVESTIGATION("Criminal investigation"), HUMANITARIAN_RESPONSE(
            "Humanitarian response"), POLICY_AND_ANALYSIS("Policy and analysis"), REPORTING_TO_MANAGEMENT(
                    "Reporting to management"), OTHER("Other");

    private final String label;

    PurposeOfUse(String label) {
        this.label = label;
    }

    /**
     * The purpose a reader gave: its label or its name (any case), alone or followed by a colon and their own words,
     * e.g. "Criminal investigation: case 2026/114"; empty when it names none.
     */
    public static Optional<PurposeOfUse> of(String given) {
        if (given == null) {
            return Optional.empty();
        }
        String head = given.split(":", 2)[0].trim();
        for (PurposeOfUse purpose : values()) {
            if (purpose.label.equalsIgnoreCase(head) || purpose.name().equalsIgnoreCase(head)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }

    /** The purpose as the audit trail records it, e.g. "Criminal investigation". */
    public String label() {
        return label;
    }
}
