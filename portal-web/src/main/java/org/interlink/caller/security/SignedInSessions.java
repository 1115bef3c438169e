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
import org.interlink.infrastructure.persistence.KeycloakLogouts;
import org.interlink.infrastructure.persistence.KeycloakLogouts.Logout;

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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The page sessions of this node that are signed in, each with the Keycloak session ({@code sid}) and
 * person ({@code sub}) it belongs to, so that Keycloak can end them ({@link BackChannelLogout}), and
 * with the time of its sign-in, so that none outlives the absolute lifetime
 * ({@code interlink.session.absolute-hours}, 10 by default) however busy it is. Every session idles
 * out after {@code interlink.session.idle-minutes} (30 by default).
 *
 * <p>In a cluster Keycloak's back-channel logout reaches one node (through the balancer), and a session may be on
 * another, or move there when its node dies. So the node that receives a logout records it ({@link KeycloakLogouts}),
 * and every node reads what was recorded, at most every {@link #LOGOUTS_READ_EVERY} as its requests come, and ends a
 * session of a logged-out Keycloak session at its next request ({@link #endIfLoggedOut}).
 */
@ApplicationScoped
public class SignedInSessions {

    private static final Logger LOG = Logger.getLogger(SignedInSessions.class.getName());
    private static final String SIGN_IN = SignedInSessions.class.getName() + ".signIn";

    /** What the portal keeps of a session's sign-in. */
    public record SignIn(String keycloakSession, String subject, Username username, String agency, Set<String> organizations,
            Instant tokenIssuedAt, boolean secondFactor, Instant at) implements Serializable {
    }

    /** How often a node reads the logouts the other nodes received: a session they end lives at most this long here. */
    static final Duration LOGOUTS_READ_EVERY = Duration.ofSeconds(2);
    /**
     * How far a read reaches back before where the last one read up to (the database's time): a logout whose
     * statement began before that and committed after it still counts.
     */
    static final Duration LOGOUTS_OVERLAP = Duration.ofSeconds(30);

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();
    /** The Keycloak sessions ({@code sid}) logged out, and when, as far as this node knows. */
    private final Map<String, Instant> loggedOutSessions = new ConcurrentHashMap<>();
    /** The people ({@code sub}) of every logout, and the latest, for sign-ins that name no Keycloak session. */
    private final Map<String, Instant> loggedOutSubjects = new ConcurrentHashMap<>();
    /** The people of logouts that named no Keycloak session: all of their sessions signed in before it end. */
    private final Map<String, Instant> loggedOutPeople = new ConcurrentHashMap<>();
    private final ReentrantLock readingLogouts = new ReentrantLock();
    /** When ({@link System#nanoTime}) this node last read the logouts, or tried to; none yet: null. */
    private volatile Long logoutsTriedAt;
    /**
     * Up to when (the database's time) this node has read them ({@link #readingLogouts} held): the next read starts
     * there, less the overlap.
     */
    private Instant logoutsReadUpTo;
    /** The ids of the sessions Keycloak ended in the last hour, so that their next request can say so. */
    private final Map<String, Instant> endedByKeycloak = new ConcurrentHashMap<>();

    @Inject
    Sessions audit;

    @Inject
    KeycloakLogouts logouts;

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
    /** The cadence of the logouts' reads ({@link System#nanoTime}: a clock set back does not stop them). */
    LongSupplier ticks = System::nanoTime;

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
    public int endByKeycloak(Logout logout, String why) {
        remember(logout);
        // for the other nodes first (this node's audit appends must not hold them up); when it fails, this node's sessions
        // still end, and Keycloak is answered with an error (the administrator sees the logout failed): the other nodes
        // end such a session at its next check with Keycloak (the refresh is refused)
        IllegalStateException notRecorded = null;
        try {
            logouts.record(logout);
        } catch (IllegalStateException e) {
            notRecorded = e;
        }
        int ended = endHere(logout.keycloakSession(), logout.subject(), why);
        if (notRecorded != null) {
            throw notRecorded;
        }
        return ended;
    }

    private int endHere(String keycloakSession, String subject, String why) {
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

    /**
     * Ends the session, recorded, when Keycloak logged out its Keycloak session, or its person (a sign-in whose token
     * Keycloak issued no later than the logout token), and the session was not ended when the back-channel call came:
     * the call reached another node, or the session moved here since. This node reads the logouts recorded since its
     * last read when that was {@link #LOGOUTS_READ_EVERY} ago or more.
     *
     * @return whether it ended
     */
    public boolean endIfLoggedOut(HttpSession session) {
        readLogoutsIfDue();
        Optional<SignIn> signIn = signInOf(session);
        if (signIn.isEmpty() || !loggedOut(signIn.get())) {
            return false;
        }
        end(session, signIn.get(), "session ended by Keycloak: back-channel logout of "
                + (signedInBy(signIn.get(), loggedOutSessions.get(String.valueOf(signIn.get().keycloakSession())))
                        ? "Keycloak session " + signIn.get().keycloakSession()
                        : "all of the person's sessions")
                + ", ended at the session's next request");
        return true;
    }

    private boolean loggedOut(SignIn signIn) {
        // every time compared is Keycloak's (the sign-in's token and the logout token): a sign-in in the same second ends
        // too, a later one (the same Keycloak session signed in to the portal again) does not
        if (signIn.keycloakSession() != null && signedInBy(signIn, loggedOutSessions.get(signIn.keycloakSession()))) {
            return true;
        }
        return signedInBy(signIn,
                (signIn.keycloakSession() == null ? loggedOutSubjects : loggedOutPeople).get(String.valueOf(signIn.subject())));
    }

    private static boolean signedInBy(SignIn signIn, Instant loggedOut) {
        return loggedOut != null && !signIn.tokenIssuedAt().isAfter(loggedOut);
    }

    private void remember(Logout logout) {
        if (logout.keycloakSession() != null) {
            loggedOutSessions.merge(logout.keycloakSession(), logout.issuedAt(), SignedInSessions::later);
        }
        if (logout.subject() != null) {
            loggedOutSubjects.merge(logout.subject(), logout.issuedAt(), SignedInSessions::later);
            if (logout.keycloakSession() == null) {
                loggedOutPeople.merge(logout.subject(), logout.issuedAt(), SignedInSessions::later);
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void readLogoutsIfDue() {
        long now = ticks.getAsLong();
        Long tried = logoutsTriedAt;
        if (tried != null && now - tried < LOGOUTS_READ_EVERY.toNanos() || !readingLogouts.tryLock()) {
            return;
        }
        try {
            logoutsTriedAt = now;
            // none older than the absolute lifetime ends a session any more
            Duration lifetime = Duration.ofHours(absoluteHours);
            Instant oldest = clock.instant().minus(lifetime);
            try {
                KeycloakLogouts.Read read = logouts.since(logoutsReadUpTo == null ? null : logoutsReadUpTo.minus(LOGOUTS_OVERLAP),
                        lifetime);
                read.logouts().forEach(this::remember);
                logoutsReadUpTo = read.upTo();
            } catch (RuntimeException e) {
                LOG.warning(() -> "could not read the logouts the other nodes received; reading again in "
                        + LOGOUTS_READ_EVERY.toSeconds() + " s: " + e);
            }
            for (Map<String, Instant> out : List.of(loggedOutSessions, loggedOutSubjects, loggedOutPeople)) {
                out.values().removeIf(at -> at.isBefore(oldest));
            }
        } finally {
            readingLogouts.unlock();
        }
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
