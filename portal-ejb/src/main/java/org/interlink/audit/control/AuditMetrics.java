package org.interlink.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an operator watches of the audit trail ({@code /metrics}, application scope):
 * <ul>
 *     <li>{@value #APPENDED}: events stored, counted when their transaction commits (an event whose action rolled back
 *     was never stored);</li>
 *     <li>{@value #APPEND}: the time to append one event (finding and holding a lane, the insert);</li>
 *     <li>{@value #UNAVAILABLE}: appends that failed, so that their actions were refused (fail closed).</li>
 * </ul>
 */
@ApplicationScoped
public class AuditMetrics {

    public static final String APPENDED = "interlink.audit.appended";
    public static final String APPEND = "interlink.audit.append";
    public static final String UNAVAILABLE = "interlink.audit.unavailable";

    private static final Logger LOG = Logger.getLogger(AuditMetrics.class.getName());

    @Inject
    MetricRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private Counter appended;
    private Timer append;
    private Counter unavailable;

    @PostConstruct
    void register() {
        appended = registry.counter(Metadata.builder().withName(APPENDED)
                .withDescription("Audit events stored (counted when the transaction of their action commits)").build());
        append = registry.timer(Metadata.builder().withName(APPEND)
                .withDescription("Time to append one audit event: a lane of its chain found and held, the event inserted")
                .withUnit(MetricUnits.SECONDS).build());
        unavailable = registry.counter(Metadata.builder().withName(UNAVAILABLE)
                .withDescription("Audit events that could not be stored: their actions were refused (fail closed)").build());
    }

    /** One event appended in the current transaction, in {@code took}: counted as stored when the transaction commits. */
    void appended(Duration took) {
        append.update(took);
        Object key = AuditMetrics.class;
        try {
            if (transactions.getResource(key) instanceof Pending pending) {
                pending.events++;
                return;
            }
            Pending pending = new Pending(appended);
            transactions.registerInterposedSynchronization(pending);
            transactions.putResource(key, pending);
        } catch (RuntimeException e) {
            // e.g. a transaction already marked for rollback: its events are not stored, and counting must never fail the action
            LOG.log(Level.FINE, "an audit event not counted", e);
        }
    }

    /** An event that could not be stored. */
    void failed() {
        unavailable.inc();
    }

    /** The events of one transaction, counted once it has committed. */
    private static final class Pending implements Synchronization {

        private final Counter appended;
        private long events = 1;

        Pending(Counter appended) {
            this.appended = appended;
        }

        @Override
        public void beforeCompletion() {
            // counted after, when it is known whether they were stored
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                appended.inc(events);
            }
        }
    }
}
