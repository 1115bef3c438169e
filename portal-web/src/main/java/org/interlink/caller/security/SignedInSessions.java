package org.interlink.caller.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.audit.boundary.Sessions;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Username;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The page sessions of this node that are signed in, each with the Keycloak session ({@code sid}) and
 * person ({@code sub}) it belongs to, so that Keycloak can end them ({@link BackChannelLogout}), and
 * with the time of its sign-in, so that none outlives the absolute lifetime
 * ({@code interlink.session.absolute-hours}, 10 by default) however busy it is. Every session idles
 * out after {@code interlink.session.idle-minutes} (30 by default).
 */
@ApplicationScoped
public class SignedInSessions {

    private static final Logger LOG = Logger.getLogger(SignedInSessions.class.getName());
    private static final String SIGN_IN = SignedInSessions.class.getName() + ".signIn";

    /** What the portal keeps of a session's sign-in. */
    public record SignIn(String keycloakSession, String subject, Username username, String agency, Set<String> organizations,
            Instant tokenIssuedAt, boolean secondFactor, Instant at) implements Serializable {
    }

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();
    /** The ids of the sessions Keycloak ended in the last hour, so that their next request can say so. */
    private final Map<String, Instant> endedByKeycloak = new ConcurrentHashMap<>();

    @Inject
    Sessions audit;

    @Inject
    @ConfigProperty(name = "interlink.session.absolute-hours", defaultValue = "10")
    int absoluteHours;

    @Inject
    @ConfigProperty(name = "interlink.session.idle-minutes", defaultValue = "30")
    int idleMinutes;

    @Inject
    @ConfigProperty(name = "interlink.second-factor.max-age-seconds", defaultValue = "900")
    int secondFactorMaxAgeSeconds;

    Clock clock = Clock.systemUTC();

    /** Notes a session's sign-in (its first request). */
    public void signedIn(HttpSession session, String keycloakSession, String subject, Username username, String agency,
            Set<String> organizations, Instant tokenIssuedAt, boolean secondFactor) {
        // known first, then marked: a session invalidated in between is forgotten by the listener, not kept here
        sessions.add(session);
        try {
            session.setAttribute(SIGN_IN, new SignIn(keycloakSession, subject, username, agency, Set.copyOf(organizations),
                    tokenIssuedAt, secondFactor, clock.instant()));
        } catch (IllegalStateException invalidated) {
            sessions.remove(session);
        }
    }

    /**
     * Ends the session, recorded, when Keycloak no longer counts the person a member of an agency (organization) they
     * belonged to at sign-in: the session's tokens, refreshed since, say so.
     *
     * @return whether it ended
     */
    public boolean endIfRemovedFromAgency(HttpSession session, Set<String> organizations) {
        if (session.getAttribute(SIGN_IN) instanceof SignIn signIn && !organizations.containsAll(signIn.organizations())) {
            Set<String> removed = new TreeSet<>(signIn.organizations());
            removed.removeAll(organizations);
            end(session, signIn, "session ended: removed in Keycloak from " + removed + " since the sign-in");
            return true;
        }
        return false;
    }

    /**
     * Records the end of a session Soteria has just signed out because Keycloak refused to refresh its tokens.
     */
    public void refreshRefused(SignIn signIn) {
        audit.sessionEnded(signIn.username(), signIn.agency(), "session ended: Keycloak refused to refresh its tokens "
                + "(the account disabled or deleted, or its Keycloak session ended)");
    }

    /** The sign-in of a session, if it is a signed-in one that is still valid. */
    public Optional<SignIn> signInOf(HttpSession session) {
        try {
            return session != null && session.getAttribute(SIGN_IN) instanceof SignIn signIn
                    ? Optional.of(signIn)
                    : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /** Whether the session has been invalidated. */
    public static boolean isOver(HttpSession session) {
        try {
            session.getCreationTime();
            return false;
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }

    /**
     * Whether the session's second factor is recent enough for publishing and administration: its sign-in proved one
     * ({@link SignIn#secondFactor}) no longer than {@code interlink.second-factor.max-age-seconds} ago. Signing in again
     * (Keycloak asks for the code alone) makes it recent.
     */
    public boolean hasRecentSecondFactor(HttpSession session) {
        return signInOf(session).filter(SignIn::secondFactor)
                .map(signIn -> signIn.at().plus(secondFactorMaxAge()).isAfter(clock.instant())).orElse(false);
    }

    /**
     * As {@link #hasRecentSecondFactor}, and when it is not, records that {@code action} was refused for it.
     *
     * @return whether the second factor is recent
     */
    public boolean requireRecentSecondFactor(HttpSession session, Caller caller, String action) {
        if (hasRecentSecondFactor(session)) {
            return true;
        }
        audit.refused(caller, action + " refused: it asks for a second factor from the last " + secondFactorMaxAge().toSeconds()
                + " s; " + caller.username() + "'s is older (" + signInOf(session).map(SignIn::at).map(Object::toString).orElse("none")
                + "), to be confirmed by signing in again");
        return false;
    }

    /** How recent a second factor publishing and administration ask for. */
    public Duration secondFactorMaxAge() {
        return Duration.ofSeconds(secondFactorMaxAgeSeconds);
    }

    /** The same in whole minutes, as the pages say it (at least one). */
    public long secondFactorMaxAgeMinutes() {
        return Math.max(1, secondFactorMaxAge().toMinutes());
    }

    /**
     * Ends the session, recorded, when it has lived longer than the absolute lifetime since its sign-in.
     *
     * @return whether it ended
     */
    public boolean endIfOutlived(HttpSession session) {
        if (session.getAttribute(SIGN_IN) instanceof SignIn signIn
                && !signIn.at().plus(Duration.ofHours(absoluteHours)).isAfter(clock.instant())) {
            end(session, signIn, "session ended: signed in at " + signIn.at() + ", it reached the absolute lifetime of "
                    + absoluteHours + " h");
            return true;
        }
        return false;
    }

    /**
     * Ends the signed-in sessions of a Keycloak session, or, when Keycloak names only the person, all of theirs;
     * each ended session is recorded on the chain of the agency it acted for.
     *
     * @return how many sessions ended
     */
    public int endByKeycloak(String keycloakSession, String subject, String why) {
        List<Map.Entry<HttpSession, SignIn>> matching = new ArrayList<>();
        for (HttpSession session : sessions) {
            signInOf(session).filter(signIn -> matches(signIn, keycloakSession, subject))
                    .ifPresentOrElse(signIn -> matching.add(Map.entry(session, signIn)), () -> {
                        if (isOver(session)) {
                            sessions.remove(session);
                        }
                    });
        }
        // all of them end before any is recorded: a failing record must not leave the others alive
        Instant now = clock.instant();
        endedByKeycloak.values().removeIf(at -> at.isBefore(now.minus(Duration.ofHours(1))));
        matching.forEach(entry -> endedByKeycloak.put(entry.getKey().getId(), now));
        List<Map.Entry<HttpSession, SignIn>> ended = matching.stream().filter(entry -> invalidate(entry.getKey())).toList();
        for (Map.Entry<HttpSession, SignIn> entry : ended) {
            try {
                audit.sessionEnded(entry.getValue().username(), entry.getValue().agency(), "session ended by Keycloak: " + why);
            } catch (RuntimeException e) {
                LOG.severe(() -> "could not record the end of " + entry.getValue().username() + "'s session: " + e);
            }
        }
        return ended.size();
    }

    /** Whether Keycloak ended the session of that id within the last hour (answered once: the next request says so). */
    public boolean wasEndedByKeycloak(String sessionId) {
        return sessionId != null && endedByKeycloak.remove(sessionId) != null;
    }

    /** A logout for the Keycloak session of the sign-in, or, when either does not name one, for the person. */
    private static boolean matches(SignIn signIn, String keycloakSession, String subject) {
        if (keycloakSession != null && signIn.keycloakSession() != null) {
            return keycloakSession.equals(signIn.keycloakSession());
        }
        return subject != null && subject.equals(signIn.subject());
    }

    private boolean invalidate(HttpSession session) {
        sessions.remove(session);
        try {
            session.invalidate();
            return true;
        } catch (IllegalStateException alreadyOver) {
            return false;
        }
    }

    private void end(HttpSession session, SignIn signIn, String why) {
        if (invalidate(session)) {
            audit.sessionEnded(signIn.username(), signIn.agency(), why);
        }
    }

    void created(HttpSession session) {
        session.setMaxInactiveInterval(idleMinutes * 60);
    }

    void destroyed(HttpSession session) {
        sessions.remove(session);
    }

    /** Sets every new session's idle timeout and forgets a session that ends. */
    @WebListener
    public static class Listener implements HttpSessionListener {

        @Inject
        SignedInSessions signedIn;

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            signedIn.created(event.getSession());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            try {
                signedIn.destroyed(event.getSession());
            } catch (RuntimeException e) {
                LOG.fine(() -> "could not forget an ended session: " + e);
            }
        }
    }
}
