package org.interlink.audit.control;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** When the audit event's statement fails, whether it is the action's conflict (409) or the audit trail's failure (503). */
class AuditGateConflictTest {

    @Test
    void aDeadlockOrALockWaitGivenUpWhileFlushingTheActionIsItsConflict() {
        for (String state : new String[]{"40P01", "40001", "55P03", "HYT00", "90131"}) {
            PersistenceException flushed = new PersistenceException(DatabaseException.sqlException(new SQLException("refused", state)));

            assertThat(AuditGate.conflict(flushed)).as(state).containsInstanceOf(OptimisticLockException.class);
        }
    }

    @Test
    void anOptimisticLockFailureIsTheActionsConflict() {
        assertThat(AuditGate.conflict(new PersistenceException(new OptimisticLockException("version changed"))))
                .containsInstanceOf(OptimisticLockException.class);
    }

    @Test
    void anyOtherFailureIsTheAuditTrails() {
        assertThat(AuditGate.conflict(new PersistenceException(DatabaseException.sqlException(new SQLException("disk full", "53100")))))
                .isEmpty();
        assertThat(AuditGate.conflict(new IllegalStateException("no lane of the audit chains could be locked"))).isEmpty();
    }
}
