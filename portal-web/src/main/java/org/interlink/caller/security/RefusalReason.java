package org.interlink.caller.security;

/**
 * Why a request was refused before the portal could name its caller: what the audit trail counts per
 * client address ({@link RefusalWindow}). A closed set, so that counting can never grow with what a
 * client sends.
 */
public enum RefusalReason {
    NO_TOKEN("no token"), NOT_A_JWT("not a JWT"), SIGNATURE("signature or key not the realm's"), EXPIRED(
            "expired or not yet valid"), ISSUER("another issuer"), AUDIENCE("another audience"), TOKEN_TYPE(
                    "not an access token (type)"), CLAIMS("claims missing or malformed"), ACCESS_ENDED(
                            "access ended by an administrator"), ODD_PATH("API or metrics path not in its plain form"), LOGOUT_TOKEN(
                                    "back-channel logout token refused"), THROTTLED(
                                            "a limit of the caller's calls (too many requests or refusals)"), NO_ROLE(
                                                    "a valid token without the role the path needs"), OTHER("token refused");

    private final String label;

    RefusalReason(String label) {
        this.label = label;
    }

    /** How the audit trail names it. */
    public String label() {
        return label;
    }
}
