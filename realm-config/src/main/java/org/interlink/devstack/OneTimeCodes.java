package org.interlink.devstack;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Instant;

/**
 * One-time codes (TOTP: HMAC-SHA1, 6 digits, 30 s, the realm's OTP policy) as an authenticator app shows them:
 * for the demo users' dev-only key ({@link RealmDefinition#DEMO_TOTP_SECRET}) or for a key Keycloak hands out when
 * a person enrols. Keycloak keys a TOTP credential by the bytes of its secret's text; an app gets them in Base32.
 */
public final class OneTimeCodes {

    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

    private OneTimeCodes() {
    }

    /** The demo users' code now. */
    public static String demo() {
        return now(RealmDefinition.DEMO_TOTP_SECRET);
    }

    /**
     * The demo users' code of the next 30 s, which Keycloak takes now too (the realm's look-ahead window): a second sign-in
     * within the same 30 s cannot use the first one's code (codes are not reusable).
     */
    public static String demoNext() {
        return at(RealmDefinition.DEMO_TOTP_SECRET, Instant.now().plusSeconds(30));
    }

    /** The code now of the TOTP credential with this secret (as Keycloak stores it, and shows it on enrolment in {@code totpSecret}). */
    public static String now(String secret) {
        return at(secret, Instant.now());
    }

    private static String at(String secret, Instant time) {
        try {
            return TOTP.generateOneTimePasswordString(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                    TOTP.getAlgorithm()), time);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
