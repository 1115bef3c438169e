package org.interlink.caller.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.interlink.caller.control.TokenIdentity;
import org.interlink.caller.entity.Username;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's token check, against tokens signed here with keys of a test realm. */
class BearerTokensTest {

    private static final String ISSUER = "http://localhost:8180/realms/interlink";
    private static final String AUDIENCE = "interlink-api";

    private static RSAKey realmKey;
    private static RSAKey otherKey;
    private static DefaultJWTProcessor<SecurityContext> processor;

    @BeforeAll
    static void realm() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        processor = BearerTokens.processor(new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())), ISSUER, AUDIENCE, 30);
    }

    @Test
    void aValidAccessTokenNamesTheCallerTheirRolesAndAgencies() throws Exception {
        TokenIdentity identity = BearerTokens.identify(processor, sign(realmKey, claims(b -> b)));

        assertThat(identity.username()).isEqualTo(new Username("service-account-moi-border-system"));
        assertThat(identity.roles()).containsExactly("official");
        assertThat(identity.organizations()).containsExactly("iq-moi");
    }

    @Test
    void aPersonsTokenProvesASecondFactorOnlyWithTheSecondFactorAcr() throws Exception {
        UnaryOperator<JWTClaimsSet.Builder> person = b -> b.claim("preferred_username", "moi.vetter").claim("azp", "interlink-cli")
                .claim("sid", "kc-session").claim("roles", List.of("official", "vetter"));

        assertThat(BearerTokens.identify(processor, sign(realmKey, claims(b -> person.apply(b).claim("acr", "second-factor"))))
                .secondFactor()).isTrue();
        assertThat(BearerTokens.identify(processor, sign(realmKey, claims(b -> person.apply(b).claim("acr", "password"))))
                .secondFactor()).as("a password-only sign-in").isFalse();
        assertThat(BearerTokens.identify(processor, sign(realmKey, claims(person))).secondFactor()).as("no acr at all").isFalse();
        assertThat(BearerTokens.identify(processor, sign(realmKey, claims(b -> person.apply(b).claim("acr", "1"))))
                .secondFactor()).as("Keycloak's plain level").isFalse();
    }

    @Test
    void aSystemsServiceAccountCountsAsProvedButAPersonNamedLikeOneDoesNot() throws Exception {
        assertThat(BearerTokens.identify(processor, sign(realmKey, claims(b -> b.claim("azp", "moi-border-system"))))
                .secondFactor()).as("client credentials: service-account-<azp>, no session").isTrue();
        assertThat(BearerTokens
                .identify(processor, sign(realmKey, claims(b -> b.claim("azp", "moi-border-system").claim("sid", "kc-session"))))
                .secondFactor()).as("a sign-in's token").isFalse();
        assertThat(BearerTokens.identify(processor, sign(realmKey, claims(b -> b.claim("azp", "interlink-cli"))))
                .secondFactor()).as("a person's token by another client").isFalse();
        assertThat(BearerTokens.identify(processor, sign(realmKey, claims(b -> b))).secondFactor()).as("no azp").isFalse();
    }

    @Test
    void aCheckedTokenIsCheckedAgainOnlyWhenItExpiredOrWasKeptAMinute() throws Exception {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-04T10:00:00Z"));
        BearerTokens.CheckedTokens checked = new BearerTokens.CheckedTokens(clock, Duration.ofMinutes(1), Duration.ofSeconds(30));
        String token = sign(realmKey, claims(b -> b));
        TokenIdentity identity = BearerTokens.identify(processor, token);
        List<Instant> checks = new ArrayList<>();
        Duration[] lifetime = {Duration.ofSeconds(20)};
        Function<String, BearerTokens.Checked> check = t -> {
            checks.add(clock.instant());
            return new BearerTokens.Checked(identity, clock.instant().plus(lifetime[0]));
        };

        assertThat(checked.identify(token, check)).isSameAs(identity);
        // expires 20 s after its check: taken from the cache up to the clock skew (30 s) after that, not beyond
        clock.move(Duration.ofSeconds(20 + 29));
        assertThat(checked.identify(token, check)).isSameAs(identity);
        assertThat(checks).as("checked once while it lasts").hasSize(1);
        // checked again now, it lasts 5 minutes more: kept a minute after this check, not longer
        lifetime[0] = Duration.ofMinutes(5);
        clock.move(Duration.ofSeconds(1));
        checked.identify(token, check);
        assertThat(checks).as("expired (with the skew): checked again").hasSize(2);
        clock.move(Duration.ofSeconds(59));
        checked.identify(token, check);
        assertThat(checks).hasSize(2);
        clock.move(Duration.ofSeconds(1));
        checked.identify(token, check);
        assertThat(checks).as("kept a minute at most").hasSize(3);
    }

    @Test
    void aRefusedTokenIsNeverKept() throws Exception {
        BearerTokens.CheckedTokens checked = new BearerTokens.CheckedTokens(Clock.systemUTC(), Duration.ofMinutes(1),
                Duration.ofSeconds(30));
        String forged = sign(otherKey, claims(b -> b));
        List<String> checks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> checked.identify(forged, t -> {
                checks.add(t);
                return BearerTokens.check(processor, t);
            })).isInstanceOf(BearerTokens.InvalidToken.class);
        }
        assertThat(checks).as("checked, and refused, each time").hasSize(2);
        String token = sign(realmKey, claims(b -> b));
        checked.identify(token, t -> BearerTokens.check(processor, t));
        assertThat(checked.identify(token, t -> {
            throw new AssertionError("a token checked a moment ago is not checked again");
        }).username()).isEqualTo(new Username("service-account-moi-border-system"));
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aTokenWithTheApiAmongSeveralAudiencesIsAccepted() throws Exception {
        String token = sign(realmKey, claims(b -> b.audience(List.of("account", AUDIENCE))));

        assertThat(BearerTokens.identify(processor, token).username().value()).isEqualTo("service-account-moi-border-system");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        assertRefused(sign(otherKey, claims(b -> b)), "signature", RefusalReason.SIGNATURE);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertRefused(sign(realmKey, claims(b -> b.issuer("http://localhost:8180/realms/other"))), "iss", RefusalReason.ISSUER);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertRefused(sign(realmKey, claims(b -> b.audience("interlink-web"))), "aud", RefusalReason.AUDIENCE);
    }

    @Test
    void anExpiredTokenIsRefusedButClockSkewIsTolerated() throws Exception {
        assertRefused(sign(realmKey, claims(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(31))))), "Expired",
                RefusalReason.EXPIRED);

        String justExpired = sign(realmKey, claims(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(5)))));
        assertThat(BearerTokens.identify(processor, justExpired).username()).isNotNull();
    }

    @Test
    void anIdTokenOrRefreshTokenIsNoAccessToken() throws Exception {
        assertRefused(sign(realmKey, claims(b -> b.claim("typ", "ID"))), "typ", RefusalReason.TOKEN_TYPE);
        assertRefused(sign(realmKey, claims(b -> b.claim("typ", "Refresh"))), "typ", RefusalReason.TOKEN_TYPE);
    }

    @Test
    void aTokenWithoutUsernameIsRefused() throws Exception {
        assertRefused(sign(realmKey, claims(b -> b.claim("preferred_username", null))), "preferred_username", RefusalReason.CLAIMS);
    }

    @Test
    void unsignedAndSymmetricallySignedTokensAreRefused() throws Exception {
        assertRefused(new PlainJWT(claims(b -> b)).serialize(), "", RefusalReason.OTHER);
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(b -> b));
        hmac.sign(new MACSigner(new byte[32]));
        assertRefused(hmac.serialize(), "", RefusalReason.SIGNATURE);
    }

    @Test
    void garbageIsNoJwt() {
        assertThatThrownBy(() -> BearerTokens.identify(processor, "not-a-token"))
                .isInstanceOf(BearerTokens.InvalidToken.class).hasMessageContaining("not a JWT")
                .extracting(refused -> ((BearerTokens.InvalidToken) refused).reason()).isEqualTo(RefusalReason.NOT_A_JWT);
    }

    @Test
    void aTokenOfAnotherTypeInItsHeaderIsNoAccessToken() throws Exception {
        SignedJWT logout = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(realmKey.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims(b -> b));
        logout.sign(new RSASSASigner(realmKey));
        assertRefused(logout.serialize(), "typ", RefusalReason.TOKEN_TYPE);
    }

    /** Refused with a message naming {@code why}, counted in the audit trail as {@code reason}. */
    private static void assertRefused(String token, String why, RefusalReason reason) {
        assertThatThrownBy(() -> BearerTokens.identify(processor, token))
                .isInstanceOf(BearerTokens.InvalidToken.class).hasMessageContaining(why)
                .extracting(refused -> ((BearerTokens.InvalidToken) refused).reason()).isEqualTo(reason);
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("0f6c1c2e-5b0e-4a53-9d35-2b7c7d5a9c11")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("typ", "Bearer")
                .claim("preferred_username", "service-account-moi-border-system")
                .claim("roles", List.of("official"))
                .claim("organization", List.of("iq-moi"));
        return change.apply(builder).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
