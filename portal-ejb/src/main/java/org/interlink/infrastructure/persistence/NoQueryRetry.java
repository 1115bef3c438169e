package org.interlink.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink, left to itself, runs a read again up to 3 times, 5 s apart, when its connection failed: while PostgreSQL
 * stalls, each try waits out the driver's timeouts again, and a request took over a minute to be answered (the stall drill,
 * docs/reliability.md). The pool already hands out only checked connections and drops all when one is broken; a read that
 * failed is answered 503 "try again" at once, and the client tries again.
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
