package org.interlink.infrastructure.keycloak;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.audit.boundary.FailedSignIns;
import org.interlink.audit.entity.SignInFailure;
import org.interlink.infrastructure.persistence.ScheduledWork;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings failed sign-ins into the audit trail. A wrong password is refused by Keycloak's login page
 * and never reaches the portal, but Keycloak records it as a {@code LOGIN_ERROR} event. Every
 * {@code interlink.audit.keycloak-events-seconds} this imports those events, oldest first, from the
 * newest one already recorded on, through the admin API as the web client's service account (roles
 * {@code view-events}, and {@code view-users} for the name of the user an event is about);
 * {@link FailedSignIns} records each one once. If Keycloak cannot be reached,
 * the next run catches up. One run at a time (the singleton's write lock).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeycloakSignInFailures {

    private static final Logger LOG = Logger.getLogger(KeycloakSignInFailures.class.getName());
    private static final int PAGE = 100;

    @Resource
    TimerService timers;

    @Inject
    FailedSignIns failedSignIns;

    @Inject
    KeycloakRealm keycloak;

    @Inject
    Clock clock;

    @Inject
    ScheduledWork scheduledWork;

    @Inject
    @ConfigProperty(name = "interlink.audit.keycloak-events-seconds", defaultValue = "30")
    int seconds;

    @PostConstruct
    void schedule() {
        long interval = seconds * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("failed sign-ins from Keycloak", false));
    }

    @Timeout
    void onSchedule() {
        try {
            // once per interval however many nodes run the portal
            int recorded = scheduledWork.claim("failed sign-ins from Keycloak", Duration.ofSeconds(seconds)) ? importNew() : 0;
            if (recorded > 0) {
                LOG.fine(() -> recorded + " failed sign-ins recorded from Keycloak");
            }
        } catch (KeycloakUnavailable e) {
            LOG.warning(() -> "failed sign-ins not imported, Keycloak not available (next try in " + seconds + " s)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "failed sign-ins not imported from Keycloak this time: " + e, e);
        }
    }

    /** Imports the failed sign-ins Keycloak reported since the newest one recorded; returns how many were new. */
    int importNew() {
        // Keycloak's time filter is inclusive: events of that same millisecond come again and are skipped as known
        long from = failedSignIns.recordedUntil().map(Instant::toEpochMilli).orElse(0L);
        long to = Instant.now(clock).plus(Duration.ofDays(1)).toEpochMilli();
        Map<String, String> usernames = new HashMap<>();
        return keycloak.call(realm -> {
            int recorded = 0;
            for (int first = 0;; first += PAGE) {
                List<EventRepresentation> page = realm.getEvents(List.of("LOGIN_ERROR"), null, null,
                        from, to, null, first, PAGE, "asc");
                for (EventRepresentation event : page) {
                    if (failedSignIns.record(failure(event, usernames.computeIfAbsent(event.getUserId(),
                            id -> username(realm, id))))) {
                        recorded++;
                    }
                }
                if (page.size() < PAGE) {
                    return recorded;
                }
            }
        });
    }

    /**
     * The person a failure is about: Keycloak names the user by id when the name typed was a user's
     * (wrong password), else gives the name typed in the details (no such user).
     */
    private static SignInFailure failure(EventRepresentation event, String username) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        return new SignInFailure(event.getId(), Instant.ofEpochMilli(event.getTime()),
                username != null ? username : details.get("username"), event.getIpAddress(), event.getError(),
                event.getClientId());
    }

    /** The username of a Keycloak user id (role {@code view-users}); null for none or a user removed since. */
    private static String username(RealmResource realm, String userId) {
        if (userId == null) {
            return null;
        }
        try {
            return realm.users().get(userId).toRepresentation().getUsername();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
