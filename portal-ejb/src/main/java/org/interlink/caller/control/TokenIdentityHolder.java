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

    public void set(TokenIdentity identity) {
        this.identity = identity;
    }

    public Optional<TokenIdentity> get() {
        return Optional.ofNullable(identity);
    }
}
