package org.interlink.infrastructure.keycloak;

import org.interlink.BusinessException;

/** Keycloak, where people and agencies are managed, cannot be reached now: nothing was changed. */
public class KeycloakUnavailable extends BusinessException {

    public KeycloakUnavailable() {
        super("Keycloak, where people and agencies are managed, cannot be reached just now. Nothing was changed; "
                + "try again later. The rest of the portal works as usual.", "KeycloakUnavailable");
    }
}
