package org.interlink.caller.entity;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of Interlink, as they appear in the flat {@code roles} claim. */
public enum Role {
    OFFICIAL("official"), LIAISON("liaison"), VETTER("vetter"), AUDITOR("auditor"), AGENCY_ADMIN("agency-admin"), PLATFORM_ADMIN(
            "platform-admin");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /**
     * Whether the role is held only by a caller whose sign-in proved a second factor (a one-time code or a security
     * key): vetting, the audit trail and administration.
     */
    public boolean privileged() {
        return this == VETTER || this == AUDITOR || this == AGENCY_ADMIN || this == PLATFORM_ADMIN;
    }

    /** The role name in tokens and in {@code @RolesAllowed}. */
    public String claim() {
        return claim;
    }

    /** The role for a claim value; other values (Keycloak's default roles) are not Interlink roles. */
    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
