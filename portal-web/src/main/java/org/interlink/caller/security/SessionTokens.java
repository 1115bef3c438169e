package org.interlink.caller.security;

import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.security.enterprise.identitystore.openid.RefreshToken;
import jakarta.servlet.http.HttpSession;
import org.glassfish.soteria.mechanisms.openid.domain.AccessTokenImpl;
import org.glassfish.soteria.mechanisms.openid.domain.IdentityTokenImpl;
import org.glassfish.soteria.mechanisms.openid.domain.OpenIdContextImpl;
import org.glassfish.soteria.mechanisms.openid.domain.RefreshTokenImpl;

import java.io.Serializable;
import java.util.Objects;

/**
 * A page session's tokens from Keycloak, kept in the session as text, so that they reach every node of a cluster
 * (issue 22). Soteria keeps them in its OpenID Connect context, a session-scoped bean that cannot be serialized (its
 * tokens are not): a session that the data grid hands to another node arrives there signed in (the container's caller)
 * with an empty context, and Soteria would fail on it. {@link #restore} fills that context again from this copy: the
 * session goes on, its tokens are checked and refreshed with Keycloak as before, and the person is asked for nothing —
 * not even the second factor, which privileged roles are asked for at each sign-in.
 *
 * @param tokenType    as Keycloak gave it ({@code Bearer})
 * @param accessToken  the access token (a JWT)
 * @param identityToken the ID token (a JWT)
 * @param refreshToken the refresh token, or null when Keycloak gave none
 * @param expiresIn    the access token's lifetime in seconds as Keycloak gave it, or null
 * @param scope        the access token's scope, or null
 */
record SessionTokens(String tokenType, String accessToken, String identityToken, String refreshToken, Long expiresIn, String scope)
        implements
            Serializable {

    /** The session attribute holding them. */
    static final String ATTRIBUTE = SessionTokens.class.getName();

    /** The tokens of a context that has them; null when it has none (not signed in, or moved here). */
    static SessionTokens of(OpenIdContext context) {
        AccessToken access = context.getAccessToken();
        if (access == null || context.getIdentityToken() == null) {
            return null;
        }
        return new SessionTokens(context.getTokenType(), access.getToken(), context.getIdentityToken().getToken(),
                context.getRefreshToken().map(RefreshToken::getToken).orElse(null), context.getExpiresIn().orElse(null),
                access.getScope() == null ? null : String.join(" ", access.getScope()));
    }

    /**
     * Keeps a copy of the context's tokens in the session when they are new (signed in, refreshed): setting the attribute
     * marks the session changed, so the data grid stores it.
     */
    static void keep(HttpSession session, OpenIdContext context) {
        SessionTokens tokens = of(context);
        if (tokens != null && !(session.getAttribute(ATTRIBUTE) instanceof SessionTokens kept && kept.equals(tokens))) {
            session.setAttribute(ATTRIBUTE, tokens);
        }
    }

    /** The copy the session holds, or null. */
    static SessionTokens in(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof SessionTokens tokens ? tokens : null;
    }

    /** Fills Soteria's context of this session (empty: the session moved here) with these tokens. */
    void restore(OpenIdContext context, long tokenMinValidityMillis) {
        OpenIdContextImpl soteria = (OpenIdContextImpl) context;
        soteria.setTokenType(tokenType);
        soteria.setAccessToken(new AccessTokenImpl(tokenType, accessToken, expiresIn, scope, tokenMinValidityMillis));
        soteria.setIdentityToken(new IdentityTokenImpl(identityToken, tokenMinValidityMillis));
        soteria.setRefreshToken(refreshToken == null ? null : new RefreshTokenImpl(refreshToken));
        soteria.setExpiresIn(expiresIn);
    }

    @Override
    public String toString() {
        // never the tokens themselves: they sign the person in
        return "SessionTokens[" + Objects.requireNonNullElse(tokenType, "?") + ", refreshable=" + (refreshToken != null) + "]";
    }
}
