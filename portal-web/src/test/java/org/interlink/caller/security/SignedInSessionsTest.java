package org.interlink.caller.security;

import jakarta.servlet.http.HttpSession;
import org.interlink.audit.boundary.Sessions;
import org.interlink.caller.entity.Username;
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

        assertThat(sessions.endByKeycloak("kc-1", "person-1", "signed out")).isEqualTo(1);
        assertThat(first.invalidated).isTrue();
        assertThat(second.invalidated).as("another Keycloak session of the same person").isFalse();

        assertThat(sessions.endByKeycloak(null, "person-1", "all sessions ended")).isEqualTo(1);
        assertThat(second.invalidated).isTrue();
        assertThat(colleague.invalidated).isFalse();
        assertThat(sessions.endByKeycloak("kc-unknown", null, "nothing")).isZero();
        assertThat(sessions.wasEndedByKeycloak(first.proxy.getId())).as("its next request is told why, once").isTrue();
        assertThat(sessions.wasEndedByKeycloak(first.proxy.getId())).isFalse();
        assertThat(sessions.wasEndedByKeycloak(colleague.proxy.getId())).isFalse();
        assertThat(recorded).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("moi.vetter@iq-moi: session ended by Keycloak"));
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
