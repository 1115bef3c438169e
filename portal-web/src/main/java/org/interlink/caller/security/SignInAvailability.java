package org.interlink.caller.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Whether Keycloak answers, asked before a person who is not signed in is sent there: when it does not, the
 * portal shows its own "sign-in is unavailable" page instead of sending the browser to a page that will not
 * load. Keycloak's discovery document is asked with a 2-second timeout, by one request at a time (the others
 * go by the last answer); the answer is kept for 5 seconds, so a wave of visitors during an outage costs one
 * request to Keycloak per 5 seconds and holds at most one request thread.
 */
@ApplicationScoped
public class SignInAvailability {

    private static final Logger LOG = Logger.getLogger(SignInAvailability.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEPT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final AtomicReference<Checked> last = new AtomicReference<>();
    private final ReentrantLock asking = new ReentrantLock();

    @Inject
    OpenIdSettings settings;

    /** Whether Keycloak answered its discovery document lately (at most 5 s ago). */
    public boolean available() {
        Checked checked = last.get();
        long now = System.nanoTime();
        if (checked != null && now - checked.at() < KEPT.toNanos()) {
            return checked.answered();
        }
        if (!asking.tryLock()) {
            // one request asks at a time; the others go by the last answer (none yet: as if Keycloak answered)
            return checked == null || checked.answered();
        }
        try {
            boolean answered = ask();
            if (!answered && (checked == null || checked.answered())) {
                LOG.warning(() -> "Keycloak does not answer at " + settings.getRealmUrl() + ": sign-in is unavailable until it does");
            }
            last.set(new Checked(System.nanoTime(), answered));
            return answered;
        } finally {
            asking.unlock();
        }
    }

    private boolean ask() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.getRealmUrl() + "/.well-known/openid-configuration"))
                .timeout(TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Checked(long at, boolean answered) {
    }
}
