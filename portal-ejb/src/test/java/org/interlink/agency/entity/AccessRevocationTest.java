package org.interlink.agency.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRevocationTest {

    private static final Instant REVOKED = Instant.parse("2026-11-28T10:00:06Z");

    @Test
    void endsWhatWasSignedInBeforeAndNotWhatCameAfter() {
        AccessRevocation revocation = new AccessRevocation("moi.analyst", REVOKED);

        assertThat(revocation.ends(REVOKED.minusSeconds(3600))).isTrue();
        assertThat(revocation.ends(REVOKED.minusSeconds(1))).isTrue();
        assertThat(revocation.ends(REVOKED)).as("a sign-in from the moment on counts").isFalse();
        assertThat(revocation.ends(REVOKED.plusSeconds(1))).isFalse();
    }

    @Test
    void aLaterRevocationReplacesAnEarlierOneNeverTheOtherWayRound() {
        AccessRevocation revocation = new AccessRevocation("moi.analyst", REVOKED);

        revocation.revokeAgain(REVOKED.minusSeconds(60));
        assertThat(revocation.getRevokedAt()).isEqualTo(REVOKED);
        revocation.revokeAgain(REVOKED.plusSeconds(60));
        assertThat(revocation.ends(REVOKED.plusSeconds(30))).isTrue();
    }
}
