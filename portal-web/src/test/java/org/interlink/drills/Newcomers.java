package org.interlink.drills;

import org.interlink.devstack.PortalSignIn;
import org.interlink.devstack.RealmDefinition;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** People who are not signed in yet, during a Keycloak outage and after it. */
final class Newcomers {

    private static final long PACE_MILLIS = 500;
    /** The portal keeps Keycloak's answer for 5 s: it must have noticed the outage within 10. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(10);

    private final String portalUrl;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch gone = new CountDownLatch(1);
    private final AtomicLong toldUnavailable = new AtomicLong();
    private final AtomicLong noticedAfter = new AtomicLong();
    private final List<String> unclear = new CopyOnWriteArrayList<>();

    Newcomers(String portalUrl) {
        this.portalUrl = portalUrl;
    }

    /**
     * A new browser opens the portal every half second. Until the portal has noticed the outage (it asks Keycloak at most
     * every 5 s) a newcomer may still be sent there; from the first "sign-in is unavailable" on, every newcomer must be
     * told so by the portal.
     */
    Void knock(AtomicBoolean stop) throws InterruptedException {
        long started = System.nanoTime();
        try {
            while (!stop.get() && !stopped.get()) {
                HttpResponse<String> page = new PortalSignIn().openAsIs(portalUrl + "/");
                if (page.statusCode() == 503 && page.body().contains("data-unavailable=\"sign-in\"")
                        && page.headers().firstValue("Retry-After").isPresent()) {
                    if (toldUnavailable.getAndIncrement() == 0) {
                        noticedAfter.set(System.nanoTime() - started);
                    }
                } else if (toldUnavailable.get() > 0 || System.nanoTime() - started > NOTICED_WITHIN.toNanos()) {
                    unclear.add("newcomer during the outage: " + page.statusCode() + " " + page.headers().firstValue("Location")
                            .orElse(page.body().length() > 300 ? page.body().substring(0, 300) : page.body()));
                }
                Thread.sleep(PACE_MILLIS); // the newcomers' pace, not a synchronisation
            }
        } finally {
            gone.countDown();
        }
        return null;
    }

    /** How long the portal took to notice that Keycloak was down, in seconds (-1: it did not). */
    double noticedAfterSeconds() {
        return toldUnavailable.get() == 0 ? -1 : noticedAfter.get() / 1e9;
    }

    /** Stops knocking and waits until the last knock is answered. */
    void stop() throws InterruptedException {
        stopped.set(true);
        if (!gone.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("a newcomer's request did not end within a minute");
        }
    }

    /** When a newcomer first signed in after {@code from} (trying every half second); 0 when none did within {@code limit}. */
    long signInAfter(long from, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> landed = new PortalSignIn().signIn(portalUrl, "moi.official", RealmDefinition.DEMO_PASSWORD);
                if (landed.statusCode() == 200 && landed.body().contains("id=\"dashboard-username\"")) {
                    return Math.max(from, System.nanoTime());
                }
            } catch (RuntimeException notYet) {
                // Keycloak's pages are not served yet: try again
            }
            Thread.sleep(PACE_MILLIS); // polling sign-in, bounded by the deadline
        }
        return 0;
    }

    long toldUnavailable() {
        return toldUnavailable.get();
    }

    List<String> unclear() {
        return List.copyOf(unclear);
    }
}
