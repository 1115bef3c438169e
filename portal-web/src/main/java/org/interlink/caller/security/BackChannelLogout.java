package org.interlink.caller.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.infrastructure.persistence.KeycloakLogouts.Logout;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * OpenID Connect Back-Channel Logout: Keycloak posts a signed logout token here when a Keycloak session
 * ends (the person signed out in Keycloak, an administrator ended their sessions, the session expired
 * there), and the portal ends its page sessions of that Keycloak session ({@code sid}), or of that
 * person ({@code sub}) when the token names no session. The token must be the realm's (RS256, a key of
 * its JWKS), issued for the portal's client, with an id, the back-channel logout event and no nonce; anything
 * else is refused with 400 and counted in the audit trail like a refused API token.
 */
@WebServlet(BackChannelLogout.PATH)
public class BackChannelLogout extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String PATH = "/backchannel-logout";
    /** How old a logout token may be: Keycloak sends it as it is issued. */
    static final Duration MAX_AGE = Duration.ofMinutes(2);
    /** The longest id, session or subject taken (the columns of {@code keycloak_logout}). */
    static final int MAX_CLAIM_LENGTH = 255;
    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class.getName());
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    // transient: the container never serializes a filter or servlet (Serializable only through its base class)
    @Inject
    transient OpenIdSettings openId;

    @Inject
    transient SignedInSessions sessions;

    @Inject
    transient AnonymousRefusals refusals;

    @Inject
    transient ClientAddress clientAddress;

    @Inject
    @ConfigProperty(name = "interlink.api.clock-skew-seconds", defaultValue = "30")
    int clockSkewSeconds;

    private transient DefaultJWTProcessor<SecurityContext> processor;

    @Override
    public void init() {
        processor = processor(openId.realmKeys(), openId.getRealmUrl(), openId.getClientId(), clockSkewSeconds);
    }

    static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys,
            String issuer, String clientId, int clockSkewSeconds) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt"), JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Collections.singleton(clientId),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("iat", "jti", "events"), Set.of("nonce"));
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("logout_token");
        try {
            Logout logout = read(processor, token, Instant.now(), Duration.ofSeconds(clockSkewSeconds));
            int ended = sessions.endByKeycloak(logout,
                    "back-channel logout of Keycloak session " + logout.keycloakSession() + " (signed out in Keycloak, "
                            + "sessions ended by an administrator, or the Keycloak session expired)");
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/plain");
            response.getWriter().write(ended + " session(s) ended\n");
        } catch (IllegalStateException notPassedOn) {
            // this node's sessions ended; the other nodes could not be told (the database): Keycloak is told it failed
            LOG.severe(() -> "a back-channel logout was not passed on to the other nodes: " + notPassedOn);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType("text/plain");
            response.getWriter().write("the logout could not be passed on to every node of the portal\n");
        } catch (InvalidLogoutToken invalid) {
            refusals.refused(clientAddress.of(request), request.getHeader("User-Agent"), RefusalReason.LOGOUT_TOKEN,
                    "POST " + PATH + ": " + invalid.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"invalid_request\"}");
        }
    }

    /**
     * What a valid logout token asks: end a Keycloak session ({@code sid}), or all of a person's ({@code sub}); issued
     * no longer than {@link #MAX_AGE} ago (and the clock skew), so that a token seen on its way cannot be replayed later.
     */
    static Logout read(DefaultJWTProcessor<SecurityContext> processor, String token, Instant now, Duration clockSkew) {
        if (token == null || token.isBlank()) {
            throw new InvalidLogoutToken("no logout_token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidLogoutToken("logout token refused: " + e.getMessage());
        }
        try {
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            if (events == null || !events.containsKey(EVENT)) {
                throw new InvalidLogoutToken("logout token without the back-channel logout event");
            }
            String sid = claims.getStringClaim("sid");
            String sub = claims.getSubject();
            if (sid == null && sub == null) {
                throw new InvalidLogoutToken("logout token naming neither a session nor a person");
            }
            String id = claims.getJWTID();
            if (claims.getIssueTime() == null || id == null || id.isBlank()
                    || Stream.of(id, sid, sub).anyMatch(claim -> claim != null && claim.length() > MAX_CLAIM_LENGTH)) {
                throw new InvalidLogoutToken("logout token without an issue time or id, or with a claim over " + MAX_CLAIM_LENGTH
                        + " characters");
            }
            Instant issued = claims.getIssueTime().toInstant();
            if (issued.isBefore(now.minus(MAX_AGE).minus(clockSkew)) || issued.isAfter(now.plus(clockSkew))) {
                throw new InvalidLogoutToken("logout token issued at " + issued + ", not within the last " + MAX_AGE.toSeconds() + " s");
            }
            return new Logout(sid, sub, id, issued);
        } catch (ParseException e) {
            throw new InvalidLogoutToken("logout token with malformed claims: " + e.getMessage());
        }
    }

    /** A logout token the portal does not accept. */
    static class InvalidLogoutToken extends RuntimeException {
        InvalidLogoutToken(String message) {
            super(message);
        }
    }
}
