package org.interlink.caller.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.OpenIdProviderMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.infrastructure.keycloak.KeycloakSettings;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * Sign-in through Keycloak (OpenID Connect, authorization code flow) for every page. The realm,
 * client and secret come from MicroProfile Config, read by portal-ejb's {@link KeycloakSettings}
 * (the admin client uses them too); the container's roles are the flat {@code roles} claim, the
 * caller name is {@code preferred_username}. After the callback the browser
 * is sent back to the page it asked for, so the callback itself never renders a page. Signing out
 * ends the Keycloak session too and lands on the public signed-out page.
 *
 * <p>The scope {@code organization:*} asks Keycloak for every agency (Organization) of the user in
 * the {@code organization} claim, without Keycloak asking the user to pick one: the portal lets
 * them choose and switch. Soteria refuses scopes the discovery document does not list, and
 * Keycloak lists only {@code organization}; so the endpoints are given here (Keycloak's fixed
 * layout under the realm URL) and the discovery document is not read.
 */
@OpenIdAuthenticationMechanismDefinition(providerURI = "", providerMetadata = @OpenIdProviderMetadata(issuer = "${openIdSettings.realmUrl}", authorizationEndpoint = "${openIdSettings.authorizationEndpoint}", tokenEndpoint = "${openIdSettings.tokenEndpoint}", userinfoEndpoint = "${openIdSettings.userinfoEndpoint}", endSessionEndpoint = "${openIdSettings.endSessionEndpoint}", jwksURI = "${openIdSettings.jwksUri}"), clientId = "${openIdSettings.clientId}", clientSecret = "${openIdSettings.clientSecret}", redirectURI = "${baseURL}/callback", redirectToOriginalResource = true,
        // Keycloak is asked again whenever less than the minimum validity remains of the tokens: a refused refresh
        // (session ended, account disabled or deleted) signs the person out; a granted one brings their current roles
        // and agencies
        tokenAutoRefresh = true, tokenMinValidityExpression = "${openIdSettings.tokenMinValidityMillis}", scope = {"openid", "profile",
                "email", "organization:*"},
        // the level of a second factor (the realm's flow asks it of privileged roles only); checked, not trusted: the
        // sign-in's acr decides (PageSessionFilter), since a browser may drop the parameter on its way to Keycloak. (Soteria
        // 3.0.3 reads only this fixed list: extraParametersExpression is never evaluated.)
        extraParameters = "acr_values="
                + OpenIdSettings.SECOND_FACTOR_ACR, claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "roles"), logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/signed-out.xhtml"))
@ApplicationScoped
@Named
public class OpenIdSettings {

    /**
     * The {@code acr} of a sign-in that proved a second factor: the realm's level 2 ({@code acr.loa.map}), which the
     * sign-in asks for ({@code acr_values}) and the realm's flow grants only after a one-time code or a security key.
     */
    public static final String SECOND_FACTOR_ACR = "second-factor";

    @Inject
    KeycloakSettings keycloak;

    @Inject
    @ConfigProperty(name = "interlink.session.token-min-validity-seconds", defaultValue = "270")
    int tokenMinValiditySeconds;

    /** The realm's tokens live 5 minutes (realm file); with a minute's clock skew. */
    static final Duration KEYS_KEPT_IN_OUTAGE = Duration.ofMinutes(6);

    private volatile JWKSource<SecurityContext> realmKeys;

    /** The realm's issuer URL, e.g. {@code http://localhost:8180/realms/interlink}. */
    public String getRealmUrl() {
        return keycloak.getRealmUrl();
    }

    public String getAuthorizationEndpoint() {
        return endpoint("auth");
    }

    public String getTokenEndpoint() {
        return endpoint("token");
    }

    public String getUserinfoEndpoint() {
        return endpoint("userinfo");
    }

    public String getEndSessionEndpoint() {
        return endpoint("logout");
    }

    public String getJwksUri() {
        return endpoint("certs");
    }

    /** Soteria evaluates only whole {@code ${...}} expressions, so every endpoint has its own property. */
    private String endpoint(String name) {
        return getRealmUrl() + "/protocol/openid-connect/" + name;
    }

    public String getClientId() {
        return keycloak.getClientId();
    }

    public String getClientSecret() {
        return keycloak.getClientSecret();
    }

    /**
     * How much validity the tokens of a page session must have left, in milliseconds; with less, the next request
     * refreshes them. With the realm's 5-minute tokens and the default 270 s, a session is checked with Keycloak at
     * most every 30 s.
     */
    public int getTokenMinValidityMillis() {
        return tokenMinValiditySeconds * 1000;
    }

    /** The realm's signing keys (its JWKS, cached, fetched again for an unknown key id, kept while Keycloak is down). */
    public JWKSource<SecurityContext> realmKeys() {
        if (realmKeys == null) {
            try {
                // outage tolerant: while Keycloak does not answer, tokens are checked against the keys fetched before, for
                // as long as a token it issued before can live (not longer: a key it removed meanwhile must not stay good)
                // not rate limited: under load, nimbus' limiter refused the fetch when the cached keys expired
                // (RateLimitReachedException: valid tokens answered 401, seen in the fault drills); an unknown key id
                // costs one fetch of Keycloak's public key set, which anyone can fetch from Keycloak directly
                realmKeys = JWKSourceBuilder.create(URI.create(getJwksUri()).toURL()).retrying(true).rateLimited(false)
                        .outageTolerant(KEYS_KEPT_IN_OUTAGE.toMillis()).build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("invalid JWKS URI " + getJwksUri(), e);
            }
        }
        return realmKeys;
    }
}
