package org.interlink.caller.security;

import jakarta.servlet.http.HttpSession;
import org.interlink.audit.boundary.Sessions;
import org.interlink.caller.entity.Username;
import org.interlink.infrastructure.persistence.KeycloakLogouts;
import org.interlink.infrastructure.persistence.KeycloakLogouts.Logout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which sessions end, and how they are recorded: at the absolute lifetime, and when Keycloak ends them. */
class SignedInSessionsTest {

    private static final Instant SIGN_IN = Instant.parse("2026-12-02T08:00:00Z");

    private final List<String> recorded = new ArrayList<>();
    private final SignedInSessions sessions = new SignedInSessions();
    /** The table of logouts every node of a cluster reads (KeycloakLogoutsTest: the same on the databases). */
    private final SharedLogouts logouts = new SharedLogouts();

    @BeforeEach
    void portal() {
        sessions.absoluteHours = 10;
        sessions.idleMinutes = 30;
        sessions.secondFactorMaxAgeSeconds = 900;
        sessions.audit = new Sessions() {
            @Override
            public void sessionEnded(Username username, String actorAgency, String details) {
                recorded.add(username.value() + "@" + actorAgency + ": " + details);
            }
        };
        sessions.logouts = logouts;
        at(SIGN_IN);
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverBusyAndSaysSo() {
        FakeSession session = new FakeSession();
        sessions.signedIn(session.proxy, "kc-1", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"), SIGN_IN, true);

        at(SIGN_IN.plus(Duration.ofHours(10)).minusSeconds(1));
        assertThat(sessions.endIfOutlived(session.proxy)).isFalse();
        assertThat(session.invalidated).isFalse();

        at(SIGN_IN.plus(Duration.ofHours(10)));
        assertThat(sessions.endIfOutlived(session.proxy)).isTrue();
        assertThat(session.invalidated).isTrue();
        assertThat(recorded).singleElement().asString().startsWith("moi.vetter@iq-moi: session ended")
                .contains("absolute lifetime of 10 h");
    }

    @Test
    void publishingAndAdministrationTakeASecondFactorOfTheLast15MinutesAndNeverAPasswordOnlySignIn() {
        FakeSession withCode = new FakeSession();
        FakeSession passwordOnly = new FakeSession();
        sessions.signedIn(withCode.proxy, "kc-1", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"), SIGN_IN, true);
        sessions.signedIn(passwordOnly.proxy, "kc-2", "person-2", new Username("moi.official"), "iq-moi", Set.of("iq-moi"), SIGN_IN, false);

        at(SIGN_IN.plus(Duration.ofMinutes(15)).minusSeconds(1));
        assertThat(sessions.hasRecentSecondFactor(withCode.proxy)).isTrue();
        assertThat(sessions.hasRecentSecondFactor(passwordOnly.proxy)).isFalse();

        at(SIGN_IN.plus(Duration.ofMinutes(15)));
        assertThat(sessions.hasRecentSecondFactor(withCode.proxy)).isFalse();
        assertThat(sessions.hasRecentSecondFactor(new FakeSession().proxy)).as("no sign-in known").isFalse();
    }

    @Test
    void keycloakEndsTheSessionsOfItsSessionOrAllOfAPersonsAndNoOthers() {
        FakeSession first = new FakeSession();
        FakeSession second = new FakeSession();
        FakeSession colleague = new FakeSession();
        sessions.signedIn(first.proxy, "kc-1", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"), SIGN_IN, true);
        sessions.signedIn(second.proxy, "kc-2", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"), SIGN_IN, true);
        sessions.signedIn(colleague.proxy, "kc-3", "person-2", new Username("moi.official"), "iq-moi", Set.of("iq-moi"), SIGN_IN, true);

        assertThat(sessions.endByKeycloak(logout("kc-1", "person-1", SIGN_IN), "signed out")).isEqualTo(1);
        assertThat(first.invalidated).isTrue();
        assertThat(second.invalidated).as("another Keycloak session of the same person").isFalse();

        assertThat(sessions.endByKeycloak(logout(null, "person-1", SIGN_IN), "all sessions ended")).isEqualTo(1);
        assertThat(second.invalidated).isTrue();
        assertThat(colleague.invalidated).isFalse();
        assertThat(sessions.endByKeycloak(logout("kc-unknown", null, SIGN_IN), "nothing")).isZero();
        assertThat(sessions.wasEndedByKeycloak(first.proxy.getId())).as("its next request is told why, once").isTrue();
        assertThat(sessions.wasEndedByKeycloak(first.proxy.getId())).isFalse();
        assertThat(sessions.wasEndedByKeycloak(colleague.proxy.getId())).isFalse();
        assertThat(recorded).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("moi.vetter@iq-moi: session ended by Keycloak"));
    }

    @Test
    void aLogoutThatReachedAnotherNodeEndsTheSessionsHereAtTheirNextRequest() {
        SignedInSessions otherNode = new SignedInSessions();
        otherNode.absoluteHours = 10;
        otherNode.audit = sessions.audit;
        otherNode.logouts = logouts;
        otherNode.clock = Clock.fixed(SIGN_IN, ZoneOffset.UTC);
        FakeSession here = new FakeSession();
        FakeSession sameKeycloakSession = new FakeSession();
        FakeSession otherKeycloakSession = new FakeSession();
        FakeSession laterSignIn = new FakeSession();
        sessions.signedIn(here.proxy, "kc-1", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"), SIGN_IN, true);
        sessions.signedIn(sameKeycloakSession.proxy, "kc-1", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"),
                SIGN_IN, true);
        sessions.signedIn(otherKeycloakSession.proxy, "kc-2", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"),
                SIGN_IN, true);
        assertThat(sessions.endIfLoggedOut(here.proxy)).as("nothing logged out yet").isFalse();

        at(SIGN_IN.plusSeconds(60));
        assertThat(otherNode.endByKeycloak(logout("kc-1", "person-1", SIGN_IN.plusSeconds(60)), "signed out"))
                .as("the other node holds none of them").isZero();
        at(SIGN_IN.plusSeconds(61));
        assertThat(sessions.endIfLoggedOut(here.proxy)).as("read within 2 s of the last read").isTrue();
        assertThat(here.invalidated).isTrue();
        assertThat(sessions.endIfLoggedOut(sameKeycloakSession.proxy)).isTrue();
        assertThat(sessions.endIfLoggedOut(otherKeycloakSession.proxy)).as("another Keycloak session of the person").isFalse();
        FakeSession signedInAgain = new FakeSession();
        sessions.signedIn(signedInAgain.proxy, "kc-1", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"),
                SIGN_IN.plusSeconds(90), true);
        assertThat(sessions.endIfLoggedOut(signedInAgain.proxy)).as("the same Keycloak session signed in again after the logout")
                .isFalse();
        assertThat(recorded).hasSize(2).allSatisfy(line -> assertThat(line).isEqualTo(
                "moi.vetter@iq-moi: session ended by Keycloak: back-channel logout of Keycloak session kc-1, ended at the session's next request"));

        // a logout of all of the person's sessions ends those signed in before it (Keycloak's times), not a sign-in after it
        otherNode.endByKeycloak(logout(null, "person-1", SIGN_IN.plusSeconds(120)), "all sessions ended");
        at(SIGN_IN.plusSeconds(130));
        sessions.signedIn(laterSignIn.proxy, "kc-3", "person-1", new Username("moi.vetter"), "iq-moi", Set.of("iq-moi"),
                SIGN_IN.plusSeconds(130), true);
        assertThat(sessions.endIfLoggedOut(otherKeycloakSession.proxy)).isTrue();
        assertThat(sessions.endIfLoggedOut(laterSignIn.proxy)).as("signed in after the logout").isFalse();
        assertThat(recorded).last().asString().contains("logout of all of the person's sessions");
        assertThat(logouts.reads).as("read at most every 2 s: at 0, 61 and 130 s").isEqualTo(3);
    }

    @Test
    void aSessionEndsWhenKeycloakNoLongerCountsThePersonAMemberOfAnAgencyOfTheSignIn() {
        FakeSession session = new FakeSession();
        sessions.signedIn(session.proxy, "kc-1", "person-1", new Username("multi.liaison"), "iom-iq", Set.of("iom-iq", "iq-bpc"), SIGN_IN,
                false);

        assertThat(sessions.endIfRemovedFromAgency(session.proxy, Set.of("iom-iq", "iq-bpc", "interpol"))).as("added").isFalse();
        assertThat(session.invalidated).isFalse();
        assertThat(sessions.endIfRemovedFromAgency(session.proxy, Set.of("iom-iq"))).isTrue();
        assertThat(session.invalidated).isTrue();
        assertThat(recorded).singleElement().asString().isEqualTo(
                "multi.liaison@iom-iq: session ended: removed in Keycloak from [iq-bpc] since the sign-in");
    }

    @Test
    void everyNewSessionIdlesOutAfterTheConfiguredMinutes() {
        FakeSession session = new FakeSession();
        sessions.created(session.proxy);
        assertThat(session.maxInactive).isEqualTo(30 * 60);
    }

    private void at(Instant now) {
        sessions.clock = Clock.fixed(now, ZoneOffset.UTC);
        sessions.ticks = () -> Duration.between(SIGN_IN, now).toNanos();
    }

    private static Logout logout(String keycloakSession, String subject, Instant issuedAt) {
        return new Logout(keycloakSession, subject, "jti-" + keycloakSession + "-" + issuedAt, issuedAt);
    }

    /** The logouts' table as an in-memory list, read and written by the test's nodes (read in full every time). */
    private static final class SharedLogouts extends KeycloakLogouts {
        final List<Logout> recorded = new ArrayList<>();
        int reads;

        @Override
        public void record(Logout logout) {
            recorded.add(logout);
        }

        @Override
        public Read since(Instant since, Duration kept) {
            reads++;
            return new Read(List.copyOf(recorded), Instant.EPOCH);
        }
    }

    /** Just enough of a servlet session: attributes, idle timeout, invalidation (then attributes refuse). */
    private static final class FakeSession {
        final Map<String, Object> attributes = new HashMap<>();
        boolean invalidated;
        int maxInactive;
        final HttpSession proxy = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpSession.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> {
                        if (invalidated) {
                            throw new IllegalStateException("invalidated");
                        }
                        yield attributes.get((String) args[0]);
                    }
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "invalidate" -> {
                        invalidated = true;
                        yield null;
                    }
                    case "setMaxInactiveInterval" -> {
                        maxInactive = (Integer) args[0];
                        yield null;
                    }
                    case "getCreationTime" -> {
                        if (invalidated) {
                            throw new IllegalStateException("invalidated");
                        }
                        yield 0L;
                    }
                    case "getId" -> "session-" + System.identityHashCode(self);
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
