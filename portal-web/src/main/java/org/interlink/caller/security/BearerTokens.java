package org.interlink.caller.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.caller.control.TokenIdentity;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the REST API's bearer access tokens: RS256 signature by a key of the realm (its JWKS,
 * cached, fetched again for an unknown key id), the realm as exact issuer, the API audience, a
 * Keycloak access token ({@code typ} Bearer), not expired (with a small clock skew). Nothing is
 * asked of Keycloak per request, and a token checked once is not checked again for a minute while it lasts
 * ({@link CheckedTokens}). What a valid token says becomes the caller's {@link TokenIdentity}:
 * {@code sub}, {@code preferred_username}, the flat {@code roles} claim and the {@code organization} claim (agency
 * codes: a user's organizations, or the one agency a system's service account is bound to).
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());

    @Inject
    OpenIdSettings openId;

    @Inject
    @ConfigProperty(name = "interlink.api.audience", defaultValue = "interlink-api")
    String audience;

    @Inject
    @ConfigProperty(name = "interlink.api.clock-skew-seconds", defaultValue = "30")
    int clockSkewSeconds;

    private DefaultJWTProcessor<SecurityContext> processor;

    private CheckedTokens checked;

    @PostConstruct
    void init() {
        processor = processor(openId.realmKeys(), openId.getRealmUrl(), audience, clockSkewSeconds);
        checked = new CheckedTokens(Clock.systemUTC(), CheckedTokens.KEPT, Duration.ofSeconds(clockSkewSeconds));
    }

    /** The processor for tokens of {@code issuer} for {@code audience}, signed by a key of {@code keys}. */
    static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, String issuer, String audience,
            int clockSkewSeconds) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(),
                Set.of("exp", "iat", "sub", "preferred_username"));
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    /**
     * @param token the compact JWT from the Authorization header
     * @return who the token speaks for
     * @throws InvalidToken when the token is not one the API accepts (the message says why)
     */
    public TokenIdentity identify(String token) {
        return checked.identify(token, t -> check(processor, t));
    }

    static TokenIdentity identify(DefaultJWTProcessor<SecurityContext> processor, String token) {
        return check(processor, token).identity();
    }

    /** Checks the token's signature and claims: who it speaks for and when it expires. */
    static Checked check(DefaultJWTProcessor<SecurityContext> processor, String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidToken(RefusalReason.NOT_A_JWT, "The bearer token is not a JWT.");
        } catch (BadJOSEException e) {
            throw new InvalidToken(reasonOf(e), "The bearer token was refused: " + e.getMessage());
        } catch (JOSEException e) {
            // the realm's keys could not be had, or the signature not be computed: a fault here, not the caller's
            LOG.log(Level.WARNING, "a bearer token could not be checked", e);
            throw new InvalidToken(RefusalReason.SIGNATURE, "The bearer token could not be checked: " + e.getMessage());
        }
        try {
            String username = claims.getStringClaim("preferred_username");
            String name = Optional.ofNullable(claims.getStringClaim("name")).orElse(username);
            return new Checked(new TokenIdentity(new PersonId(claims.getSubject()), new Username(username), name,
                    strings(claims.getStringListClaim("roles")),
                    strings(claims.getStringListClaim("organization")), claims.getIssueTime().toInstant(),
                    OpenIdSettings.SECOND_FACTOR_ACR.equals(claims.getStringClaim("acr")) || isServiceAccount(claims, username)),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidToken(RefusalReason.CLAIMS, "The bearer token's claims are malformed: " + e.getMessage());
        }
    }

    /**
     * Whether the token is a system's (client credentials): Keycloak names the service account of client {@code azp}
     * {@code service-account-<azp>}, and such a token belongs to no sign-in ({@code sid}). A person never gets that
     * name: the member administration refuses it.
     */
    static boolean isServiceAccount(JWTClaimsSet claims, String username) throws ParseException {
        String client = claims.getStringClaim("azp");
        return client != null && claims.getClaim("sid") == null && ("service-account-" + client).equals(username);
    }

    /**
     * What kind of refusal nimbus-jose-jwt's answer is, for counting (its exceptions tell claims apart
     * only by message). The signature is checked before the claims: a token refused for its expiry,
     * issuer, audience or type carries the realm's signature.
     */
    static RefusalReason reasonOf(BadJOSEException refused) {
        if (refused instanceof BadJWSException) {
            return RefusalReason.SIGNATURE;
        }
        String message = refused.getMessage() == null ? "" : refused.getMessage();
        if (message.startsWith("Expired JWT") || message.startsWith("JWT before use time")) {
            return RefusalReason.EXPIRED;
        }
        if (message.startsWith("JWT audience rejected")) {
            return RefusalReason.AUDIENCE;
        }
        if (message.startsWith("JWT iss claim")) {
            return RefusalReason.ISSUER;
        }
        if (message.startsWith("JWT typ claim") || message.contains("JOSE header typ")) {
            return RefusalReason.TOKEN_TYPE;
        }
        if (message.startsWith("JWT missing required claims")) {
            return RefusalReason.CLAIMS;
        }
        if (message.startsWith("Signed JWT rejected")) {
            return RefusalReason.SIGNATURE;
        }
        return RefusalReason.OTHER;
    }

    private static Set<String> strings(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }

    /** A token whose signature and claims were checked: who it speaks for, and its {@code exp}. */
    record Checked(TokenIdentity identity, Instant expires) {
    }

    /**
     * Tokens checked already, by their whole text: a system calls with the same token until it expires (Keycloak's
     * default: 5 minutes), and checking its RS256 signature and claims was a twelfth of an API call's time (a flight
     * recording of the benchmark's 50 clients). A token is taken from here only while it has not expired (its {@code exp}
     * with the same clock skew as the check) and for at most {@link #KEPT} after its check: a key the realm removes is
     * trusted up to a minute longer than the realm's cached key set keeps it (5 minutes). A refused token is never kept,
     * so it is checked, and refused, every time.
     */
    static final class CheckedTokens {

        static final Duration KEPT = Duration.ofMinutes(1);

        private static final long MOST = 10_000;

        private final Cache<String, Checked> cache;

        private final Clock clock;

        private final Duration skew;

        CheckedTokens(Clock clock, Duration kept, Duration skew) {
            this.clock = clock;
            this.skew = skew;
            this.cache = Caffeine.newBuilder().maximumSize(MOST).expireAfterWrite(kept)
                    .ticker(() -> clock.millis() * 1_000_000L).build();
        }

        /**
         * Who {@code token} speaks for: checked by {@code check} unless checked before and not expired since. Calls with
         * the same token wait for one check (a system's many connections start at once, and again each minute).
         */
        TokenIdentity identify(String token, Function<String, Checked> check) {
            Checked known = cache.get(token, check);
            if (!clock.instant().isBefore(known.expires().plus(skew))) {
                cache.invalidate(token);
                known = cache.get(token, check);
            }
            return known.identity();
        }
    }

    /** A token the API does not accept: 401 with the reason. */
    public static class InvalidToken extends RuntimeException {

        private final RefusalReason reason;

        public InvalidToken(RefusalReason reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** The kind of refusal, as the audit trail counts it. */
        public RefusalReason reason() {
            return reason;
        }
    }
}
