package org.interlink.caller.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.audit.boundary.Sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records in the audit trail the requests refused before the portal can name who sends them — an
 * API call with a bearer token it does not accept (garbage, a forged signature, expired, another
 * issuer or audience, an ID token), without a token, with a token whose access an administrator has
 * ended, or on an API path that is not in its plain form — without letting an anonymous client flood
 * the hash-chained trail:
 * <ul>
 *     <li>the <b>first</b> refusal of a client address in a window is written at once: what, why, from
 *     where, with which client;</li>
 *     <li>every <b>further</b> refusal of that address in the same window is only counted, per reason
 *     ({@link RefusalReason}, a closed set);</li>
 *     <li>when the window ends, a scheduled run writes <b>one summary event per address</b> that had
 *     more: how many, how many of each reason, from when to when.</li>
 * </ul>
 * So an address costs the trail at most two events per window however fast it asks, and every refusal
 * is accounted for. At most {@link RefusalWindow#MAX_ADDRESSES} addresses are told apart per window;
 * refusals from more addresses than that (one attacker with many, e.g. IPv6) are counted in one summary
 * of their own and write nothing at once. A first refusal that cannot be written is counted instead.
 *
 * <p>The window is {@code interlink.api.refusal-window-seconds} (default 60). The events are failed
 * sign-ins ({@code SIGN_IN}/{@code FAILED}) of the actor {@value Sessions#ANONYMOUS}, in the platform's
 * chains (nothing a client sends proves an agency), with the client address the container saw.
 *
 * <p>Each node counts what it refused and writes its own summaries: the numbers of all nodes add up,
 * and no node keeps anything another needs. A node that stops writes what it counted so far.
 * Concurrency is the bean's own (many request threads count at once; closing a window waits for
 * none but the counting in progress).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AnonymousRefusals {

    private static final Logger LOG = Logger.getLogger(AnonymousRefusals.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "interlink.api.refusal-window-seconds", defaultValue = "60")
    int windowSeconds;

    /** Counting takes the read lock (any number at once), closing a window the write lock. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private RefusalWindow window;

    @PostConstruct
    void start() {
        window = new RefusalWindow(Instant.now(clock));
        long interval = Math.max(1, windowSeconds) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("refused requests of unnamed callers", false));
    }

    /**
     * A request refused before its caller could be named.
     *
     * @param detail what was refused and why, for the first event of the address (the summary names only reasons)
     */
    public void refused(String clientAddress, String userAgent, RefusalReason reason, String detail) {
        boolean first;
        lock.readLock().lock();
        try {
            first = window.refused(clientAddress, reason);
        } finally {
            lock.readLock().unlock();
        }
        if (first) {
            try {
                sessions.anonymousRefused(clientAddress, userAgent, reason.label() + ": " + detail
                        + " (the first such refusal from this address in this window; more are counted)");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a refused request from " + clientAddress + " could not be recorded at once, counted instead", e);
                lock.readLock().lock();
                try {
                    window.unwritten(clientAddress, reason);
                } finally {
                    lock.readLock().unlock();
                }
            }
        }
    }

    @Timeout
    void onSchedule() {
        closeWindow();
    }

    @PreDestroy
    void stop() {
        closeWindow();
    }

    /** Opens the next window and writes what the closed one counted, one event per address. */
    private void closeWindow() {
        RefusalWindow closed;
        Instant now = Instant.now(clock);
        lock.writeLock().lock();
        try {
            closed = window;
            window = new RefusalWindow(now);
        } finally {
            lock.writeLock().unlock();
        }
        for (RefusalWindow.Summary summary : closed.summaries(now)) {
            try {
                sessions.anonymousRefused(summary.address(), null, summary.details());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "refused requests not recorded: " + summary.address() + ": " + summary.details(), e);
            }
        }
    }
}
