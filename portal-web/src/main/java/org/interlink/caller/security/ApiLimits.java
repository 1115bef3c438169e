package org.interlink.caller.security;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits on API calls (docs/reliability.md, "Overload"), so that no caller, nor all callers at once, takes the portal
 * from the others or floods the audit trail:
 * <ul>
 *     <li><b>calls per caller</b> (the account its token names): at most {@code interlink.api.requests-per-second}
 *     a second (100); more are answered 429 {@code too-many-requests} with {@code Retry-After};</li>
 *     <li><b>refusals per caller</b>: at most {@code interlink.api.refusals-per-minute} calls a minute answered 403 or
 *     404 (60), each audited as always; then every call of that caller is answered 429 {@code too-many-refusals}
 *     until the minute ends, so a caller walking through ids costs the audit trail at most that many events a minute
 *     (its 429s are counted like the anonymous refusals, {@link AnonymousRefusals}: one event at once, one summary
 *     per window);</li>
 *     <li><b>calls at once per caller</b>: at most {@code interlink.api.concurrent-calls-per-caller} (8); more are
 *     answered 429 {@code too-many-concurrent-calls} at once, so that no caller holds every turn of the next limit;</li>
 *     <li><b>all callers together</b>: at most {@code interlink.api.concurrent-calls} calls at once (24: the
 *     connection pool has 32 and the pages need some); a call waits up to 2 s for its turn, then is answered 503
 *     {@code overloaded} with {@code Retry-After: 1}, instead of waiting for a database connection and being told the
 *     database is unavailable. At most {@link #WAITING} calls wait at once (each holds one of the portal's request
 *     threads while it waits); more are answered 503 at once, so the calls under way and waiting never take every
 *     thread from the pages.</li>
 * </ul>
 * Each node of a cluster counts its own calls.
 */
@ApplicationScoped
public class ApiLimits {

    /** How long a call waits for its turn when {@code concurrent-calls} are under way. */
    static final Duration TURN_WAIT = Duration.ofSeconds(2);

    /** The most calls waiting for their turn at once: with 24 under way, 56 of the portal's 96 request threads. */
    static final int WAITING = 32;

    @Inject
    @ConfigProperty(name = "interlink.api.requests-per-second", defaultValue = "100")
    int requestsPerSecond;

    @Inject
    @ConfigProperty(name = "interlink.api.refusals-per-minute", defaultValue = "60")
    int refusalsPerMinute;

    @Inject
    @ConfigProperty(name = "interlink.api.concurrent-calls-per-caller", defaultValue = "8")
    int concurrentCallsPerCaller;

    @Inject
    @ConfigProperty(name = "interlink.api.concurrent-calls", defaultValue = "24")
    int concurrentCalls;

    private RateLimiterRegistry calls;
    private RateLimiterRegistry refusals;
    private BulkheadRegistry callersAtOnce;
    private Bulkhead all;
    private int mostWaiting = WAITING;
    private final AtomicInteger waiting = new AtomicInteger();

    public ApiLimits() {
        // for CDI
    }

    ApiLimits(int requestsPerSecond, int refusalsPerMinute, int concurrentCallsPerCaller, int concurrentCalls) {
        this(requestsPerSecond, refusalsPerMinute, concurrentCallsPerCaller, concurrentCalls, WAITING);
    }

    ApiLimits(int requestsPerSecond, int refusalsPerMinute, int concurrentCallsPerCaller, int concurrentCalls, int mostWaiting) {
        this.mostWaiting = mostWaiting;
        this.requestsPerSecond = requestsPerSecond;
        this.refusalsPerMinute = refusalsPerMinute;
        this.concurrentCallsPerCaller = concurrentCallsPerCaller;
        this.concurrentCalls = concurrentCalls;
        build();
    }

    @PostConstruct
    void configure() {
        build();
    }

    private void build() {
        calls = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(Math.max(1, requestsPerSecond))
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
        refusals = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(Math.max(1, refusalsPerMinute))
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build());
        callersAtOnce = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(Math.max(1, concurrentCallsPerCaller))
                .maxWaitDuration(Duration.ZERO).build());
        all = Bulkhead.of("api", BulkheadConfig.custom().maxConcurrentCalls(Math.max(1, concurrentCalls)).maxWaitDuration(TURN_WAIT)
                .fairCallHandlingStrategyEnabled(true).build());
    }

    /**
     * Whether a call of {@code caller} may go on now (waiting up to {@link #TURN_WAIT} for its turn). When it is
     * admitted, {@link #done} must follow, whatever happens to the call.
     */
    public Admission admit(String caller) {
        RateLimiter refused = refusals.rateLimiter(caller);
        if (refused.getMetrics().getAvailablePermissions() <= 0) {
            return new Admission(429, "too-many-refusals", "Too many refused calls",
                    "More than " + refusalsPerMinute + " calls of this account were refused (403, 404) within a minute; its calls are"
                            + " refused until the minute ends.",
                    seconds(refused));
        }
        RateLimiter limiter = calls.rateLimiter(caller);
        if (!limiter.acquirePermission()) {
            return new Admission(429, "too-many-requests", "Too many requests",
                    "This account may make " + requestsPerSecond + " calls a second.", seconds(limiter));
        }
        Bulkhead own = callersAtOnce.bulkhead(caller);
        if (!own.tryAcquirePermission()) {
            return new Admission(429, "too-many-concurrent-calls", "Too many calls at once",
                    "This account may have " + concurrentCallsPerCaller + " calls under way at once.", 1);
        }
        if (!turn()) {
            own.onComplete();
            return new Admission(503, "overloaded", "The portal is busy",
                    "The portal is answering as many calls as it can; nothing was done. Try again after the time Retry-After says.", 1);
        }
        return Admission.ADMITTED;
    }

    /**
     * A turn among all callers' calls: at once when one is free, else waited for (up to {@link #TURN_WAIT}) only when
     * fewer than {@link #WAITING} calls wait already.
     */
    private boolean turn() {
        if (all.getMetrics().getAvailableConcurrentCalls() > 0) {
            // a free turn (or, when another call took it just now, a wait like any other)
            return all.tryAcquirePermission();
        }
        try {
            return waiting.incrementAndGet() <= mostWaiting && all.tryAcquirePermission();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** How many calls wait for their turn now. */
    int waiting() {
        return waiting.get();
    }

    /** The end of an admitted call, with its status: a refusal (403, 404) counts against the caller. */
    public void done(String caller, int status) {
        all.onComplete();
        callersAtOnce.bulkhead(caller).onComplete();
        if (status == 403 || status == 404) {
            refusals.rateLimiter(caller).acquirePermission();
        }
    }

    /** Whole seconds until the limiter gives a call again, at least 1. */
    private static long seconds(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic ? Math.max(0, atomic.getDetailedMetrics().getNanosToWait()) : 0;
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Whether a call was admitted; if not, the problem to answer it with. */
    public record Admission(int status, String problem, String title, String detail, long retryAfterSeconds) {

        static final Admission ADMITTED = new Admission(0, null, null, null, 0);

        public boolean admitted() {
            return status == 0;
        }
    }
}
