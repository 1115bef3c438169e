package org.interlink.infrastructure.rest;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.interlink.audit.control.AuditUnavailable;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What an API client is told when the database refuses a change: the conflict, the full disk, the audit trail. */
class ProblemMapperTest {

    @Test
    void aDeadlockIsAConflictEvenWhenTheAuditTrailReportsIt() {
        Problem problem = ProblemMapper.problemFor(new EJBException(new AuditUnavailable(new PersistenceException(
                new SQLException("deadlock detected", "40P01")))));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + "conflict");
    }

    @Test
    void aFullDiskSaysSoAndThatNothingWasSaved() {
        Problem problem = ProblemMapper.problemFor(new EJBException(new PersistenceException(
                new SQLException("could not extend file: No space left on device", "53100"))));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + "storage-full");
        assertThat(problem.detail()).contains("Nothing was saved");
    }

    @Test
    void anAuditEventNotWrittenForAnotherReasonIsStillTheAuditTrails() {
        Problem problem = ProblemMapper
                .problemFor(new AuditUnavailable(new PersistenceException(new SQLException("value too long", "22001"))));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + "audit-unavailable");
    }
}
