package org.interlink.caller.control;

import org.interlink.caller.entity.Username;

import java.util.Set;

/**
 * What the identity provider says about the caller: username, display name, the {@code roles}
 * claim and the {@code organization} claim (agency codes). The web tier reads it from the token.
 */
public record TokenIdentity(Username username, String displayName, Set<String> roles, Set<String> organizations) {

    public TokenIdentity {
        roles = Set.copyOf(roles);
        organizations = Set.copyOf(organizations);
    }
}
