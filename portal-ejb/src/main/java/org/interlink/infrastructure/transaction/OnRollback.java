package org.interlink.infrastructure.transaction;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undoes a change made outside the database (in Keycloak) when the transaction it belongs to does
 * not commit: whatever fails after it — the portal's own write, the audit record, the commit
 * itself — the outside change is taken back, so the two sides never disagree for long.
 */
@ApplicationScoped
public class OnRollback {

    private static final Logger LOG = Logger.getLogger(OnRollback.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Runs {@code undo} after the current transaction ended without committing. */
    public void undo(String what, Runnable undo) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: only the outcome matters
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    undo.run();
                    LOG.info(() -> "undone after the transaction rolled back: " + what);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "could NOT undo after the transaction rolled back, set it right by hand: " + what, e);
                }
            }
        });
    }
}
