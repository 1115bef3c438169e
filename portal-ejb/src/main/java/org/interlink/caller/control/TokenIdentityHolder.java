package org.interlink.caller.control;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * Carries the {@link TokenIdentity} of the current request from the web tier (which authenticated
 * it) to the caller resolution. Lives in this module so that it is visible in the EAR too.
 */
@RequestScoped
public class TokenIdentityHolder {

    private TokenIdentity identity;
    private boolean stateless;
    private String requestedAgency;

    /** A caller signed in to a session (the pages): their agency choice lives in the session. */
    public void set(TokenIdentity identity) {
        this.identity = identity;
    }

    /**
     * A caller of the API: each request stands alone (no session), and names the agency it acts for
     * when the caller has several.
     *
     * @param requestedAgency the agency code the request names, or null
     */
    public void setStateless(TokenIdentity identity, String requestedAgency) {
        this.identity = identity;
        this.stateless = true;
        this.requestedAgency = requestedAgency;
    }

    public boolean isStateless() {
        return stateless;
    }

    public Optional<String> requestedAgency() {
        return Optional.ofNullable(requestedAgency);
    }

    public Optional<TokenIdentity> get() {
        return Optional.ofNullable(identity);
    }
}
