package org.interlink.sharing.histories;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in the deployment of the generated histories and of the agreements' test (only there: the
 * other deployments leave this package out): the system clock, until a history stops it at an instant of its
 * own and moves it on — a minute per step, and further when the history lets time pass. Every timestamp
 * of a step is then known to the reference model (the facets' "changed within", the dashboard's months).
 * A history starts years in the past and never passes the present, so nothing it leaves is dated in the
 * future of the suites that run after it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class HistoryClock {

    static final Movable CLOCK = new Movable(ZoneOffset.UTC);

    private static volatile Instant fixed;

    @Produces
    Clock clock() {
        return CLOCK;
    }

    /** Stops the clock at {@code instant}. */
    public static void stopAt(Instant instant) {
        fixed = instant;
    }

    public static void advance(Duration duration) {
        fixed = now().plus(duration);
    }

    /** The system clock again. */
    public static void release() {
        fixed = null;
    }

    public static Instant now() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }

    /** A clock that reads the history's time (in any zone). */
    static final class Movable extends Clock {

        private final ZoneId zone;

        Movable(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Movable(other);
        }

        @Override
        public Instant instant() {
            return now();
        }
    }
}
