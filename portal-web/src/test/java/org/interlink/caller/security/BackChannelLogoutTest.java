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
import org.interlink.infrastructure.persistence.KeycloakLogouts.Logout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which logout tokens end sessions: only the realm's, for the portal's client, with the back-channel logout event. */
class BackChannelLogoutTest {

    private static final String ISSUER = "http://localhost:8180/realms/interlink";
    private static final String CLIENT = "interlink-web";
    /** When the tokens were issued (whole seconds, as a token says it). */
    private static final Instant ISSUED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static RSAKey realmKey;
    private static RSAKey otherKey;
    private static DefaultJWTProcessor<SecurityContext> processor;

    @BeforeAll
    static void realm() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        processor = BackChannelLogout.processor(new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())), ISSUER, CLIENT, 30);
    }

    @Test
    void keycloaksLogoutTokenNamesTheSessionAndThePerson() throws Exception {
        Logout logout = read(sign(realmKey, claims(b -> b)));

        assertThat(logout).isEqualTo(new Logout("kc-session-1", "person-1", "logout-1", ISSUED));
        assertThat(read(sign(realmKey, claims(b -> b.claim("sid", null)))))
                .as("a token naming only the person ends all of theirs").isEqualTo(new Logout(null, "person-1", "logout-1", ISSUED));
    }

    @Test
    void aTokenIssuedLongerAgoThanTwoMinutesOrInTheFutureIsRefused() throws Exception {
        Duration skew = Duration.ofSeconds(30);
        String token = sign(realmKey, claims(b -> b));
        assertThat(BackChannelLogout.read(processor, token, ISSUED.plus(BackChannelLogout.MAX_AGE).plus(skew), skew)).isNotNull();
        assertThatThrownBy(() -> BackChannelLogout.read(processor, token, ISSUED.plus(BackChannelLogout.MAX_AGE).plus(skew).plusSeconds(1),
                skew)).as("replayed later").isInstanceOf(BackChannelLogout.InvalidLogoutToken.class).hasMessageContaining("issued at");
        assertThatThrownBy(() -> BackChannelLogout.read(processor, token, ISSUED.minus(skew).minusSeconds(1), skew))
                .isInstanceOf(BackChannelLogout.InvalidLogoutToken.class).hasMessageContaining("issued at");
    }

    @Test
    void aTokenOfAnotherKeyIssuerOrClientIsRefused() throws Exception {
        assertRefused(sign(otherKey, claims(b -> b)), "signature");
        assertRefused(sign(realmKey, claims(b -> b.issuer("http://localhost:8180/realms/other"))), "iss");
        assertRefused(sign(realmKey, claims(b -> b.audience("interlink-cli"))), "aud");
    }

    @Test
    void aTokenWithoutTheLogoutEventWithANonceOrNamingNobodyIsRefused() throws Exception {
        assertRefused(sign(realmKey, claims(b -> b.claim("events", null))), "events");
        assertRefused(sign(realmKey, claims(b -> b.claim("events", Map.of("http://schemas.openid.net/event/other", Map.of())))),
                "back-channel logout event");
        assertRefused(sign(realmKey, claims(b -> b.claim("nonce", "n-0S6_WzA2Mj"))), "nonce");
        assertRefused(sign(realmKey, claims(b -> b.jwtID(null))), "jti");
        assertRefused(sign(realmKey, claims(b -> b.claim("sid", null).subject(null))), "neither");
        assertRefused(sign(realmKey, claims(b -> b.jwtID(" "))), "id");
        assertRefused(sign(realmKey, claims(b -> b.claim("sid", "s".repeat(256)))), "over 255 characters");
    }

    @Test
    void anUnsignedOrSymmetricallySignedTokenOrNoneAtAllIsRefused() throws Exception {
        assertRefused(new PlainJWT(claims(b -> b)).serialize(), "");
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(b -> b));
        hmac.sign(new MACSigner(new byte[32]));
        assertRefused(hmac.serialize(), "");
        assertRefused(null, "no logout_token");
        assertRefused("not-a-token", "");
    }

    private static void assertRefused(String token, String why) {
        assertThatThrownBy(() -> read(token))
                .isInstanceOf(BackChannelLogout.InvalidLogoutToken.class).hasMessageContaining(why);
    }

    private static Logout read(String token) {
        return BackChannelLogout.read(processor, token, ISSUED.plusSeconds(1), Duration.ofSeconds(30));
    }

    /** A logout token as Keycloak sends one, changed by {@code change}. */
    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT)
                .subject("person-1")
                .issueTime(Date.from(ISSUED))
                .expirationTime(Date.from(Instant.now().plusSeconds(120)))
                .jwtID("logout-1")
                .claim("sid", "kc-session-1")
                .claim("typ", "Logout")
                .claim("events", Map.of(BackChannelLogout.EVENT, Map.of()))).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
