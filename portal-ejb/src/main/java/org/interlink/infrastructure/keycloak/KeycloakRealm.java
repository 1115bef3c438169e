package org.interlink.infrastructure.keycloak;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The portal's way into Keycloak's admin API: the realm of the portal, as the web client's service
 * account (client credentials; the rights it needs are listed in docs/administration.md, "Production realm").
 * One admin client for the application (it keeps and renews its token); every call goes through
 * {@link #call}, which turns "Keycloak cannot be reached or answers with a server error" into
 * {@link KeycloakUnavailable}, a message for the user.
 */
@ApplicationScoped
public class KeycloakRealm {

    private static final Logger LOG = Logger.getLogger(KeycloakRealm.class.getName());
    private static final String REALMS = "/realms/";

    @Inject
    KeycloakSettings settings;

    private Keycloak keycloak;

    /** Runs {@code work} against the realm's admin API. */
    public <T> T call(Function<RealmResource, T> work) {
        try {
            return work.apply(client().realm(name()));
        } catch (ProcessingException | ServerErrorException | NotAuthorizedException e) {
            // not reachable, timed out, failing, or the service account's credentials refused
            LOG.warning(() -> "Keycloak admin API not available: " + e);
            throw new KeycloakUnavailable();
        }
    }

    /**
     * Tells Keycloak the person's language ({@code locale} attribute), so its sign-in pages speak it
     * too once it knows who signs in. Best effort: the portal's pages do not depend on it, so a
     * Keycloak that cannot be reached or refuses is logged, not shown.
     */
    public void rememberLocale(String username, String tag) {
        try {
            call(realm -> {
                realm.users().searchByUsername(username, true).stream().findFirst().ifPresent(user -> {
                    Map<String, List<String>> attributes = user.getAttributes() == null
                            ? new HashMap<>()
                            : new HashMap<>(user.getAttributes());
                    attributes.put("locale", List.of(tag));
                    user.setAttributes(attributes);
                    realm.users().get(user.getId()).update(user);
                });
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "Keycloak did not take the language of " + username + ": " + e);
        }
    }

    /** The realm's name, from the realm URL the portal signs in with. */
    public String name() {
        String realmUrl = settings.getRealmUrl();
        return realmUrl.substring(realmUrl.lastIndexOf(REALMS) + REALMS.length());
    }

    private synchronized Keycloak client() {
        if (keycloak == null) {
            String realmUrl = settings.getRealmUrl();
            keycloak = KeycloakBuilder.builder()
                    .serverUrl(realmUrl.substring(0, realmUrl.lastIndexOf(REALMS)))
                    .realm(name())
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientId(settings.getClientId())
                    .clientSecret(settings.getClientSecret())
                    .build();
        }
        return keycloak;
    }

    @PreDestroy
    synchronized void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
