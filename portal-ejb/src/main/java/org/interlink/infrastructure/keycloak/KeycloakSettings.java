package org.interlink.infrastructure.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's Keycloak realm and its confidential client, read from MicroProfile Config in this one place: the
 * pages sign in with them (the web's {@code OpenIdSettings}) and the admin client calls the realm with them, as
 * the client's service account ({@link KeycloakRealm}).
 */
@ApplicationScoped
public class KeycloakSettings {

    @Inject
    @ConfigProperty(name = "interlink.oidc.provider-uri", defaultValue = "http://localhost:8180/realms/interlink")
    String realmUrl;

    @Inject
    @ConfigProperty(name = "interlink.oidc.client-id", defaultValue = "interlink-web")
    String clientId;

    @Inject
    @ConfigProperty(name = "interlink.oidc.client-secret")
    String clientSecret;

    /** The realm's issuer URL without a trailing slash, e.g. {@code http://localhost:8180/realms/interlink}. */
    public String getRealmUrl() {
        return realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }
}
