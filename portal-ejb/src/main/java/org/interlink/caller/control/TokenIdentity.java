package org.interlink.caller.control;

import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the identity provider says about the caller: their id ({@code sub}), username, display name, the {@code roles}
 * claim, the {@code organization} claim (agency codes), when the token was issued (the sign-in, for a portal
 * session) and whether the sign-in proved a second factor (Keycloak's {@code acr} said so at the sign-in; a
 * system's service account counts as proved: its credential is its client's). The web tier reads it from the
 * token. Without a second factor the caller acts without their privileged roles ({@code Role#privileged}).
 */
public record TokenIdentity(PersonId subject, Username username, String displayName, Set<String> roles,
        Set<String> organizations, Instant issuedAt, boolean secondFactor) {

    public TokenIdentity {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(issuedAt);
        roles = Set.copyOf(roles);
        organizations = Set.copyOf(organizations);
    }
}
