package org.interlink.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The one clock of the application, in UTC, injectable so rules can be tested at a fixed time. */
@ApplicationScoped
public class SystemClock {

    @Produces
    Clock utc() {
        return Clock.systemUTC();
    }
}
