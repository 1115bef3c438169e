package org.interlink.infrastructure.persistence;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What is a database outage (answered 503 "try again") and what is not (a fault of the portal or a refused write). */
class DatabaseOutageTest {

    @Test
    void aRefusedOrBrokenConnectionOrAServerShuttingDownIsAnOutageHoweverDeepItLies() {
        assertThat(DatabaseOutage.among(new SQLException("Connection refused", "08001", new ConnectException()))).isTrue();
        assertThat(DatabaseOutage.among(new EJBException(new PersistenceException(new SQLException("I/O error", "08006"))))).isTrue();
        assertThat(DatabaseOutage.among(new PersistenceException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseOutage.among(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.among(new PersistenceException(new SQLException("canceling statement due to statement timeout",
                "57014")))).as("a statement past the pool's statement timeout").isTrue();
        assertThat(DatabaseOutage.among(new RuntimeException(new ResourceException("Error in allocating a connection")))).isTrue();
        assertThat(DatabaseOutage.among(new EJBException(new SystemException()))).as("a commit whose connection broke").isTrue();
        SQLException next = new SQLException("batch failed");
        next.setNextException(new SQLException("connection lost", "08003"));
        assertThat(DatabaseOutage.among(next)).as("in the next exception").isTrue();
        assertThat(DatabaseOutage.among(DatabaseException.sqlException(new SQLException("refused", "08001")))).as("EclipseLink's")
                .isTrue();
    }

    @Test
    void aRefusedWriteOrAFaultOfThePortalIsNot() {
        assertThat(DatabaseOutage.among(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.among(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.among(new RuntimeException(new ResourceException("Error in allocating a connection",
                new SQLException("password authentication failed", "28P01"))))).as("the database answered: a wrong password")
                .isFalse();
        assertThat(DatabaseOutage.among(new SQLException("protocol violation", "08P01"))).as("not a lost connection").isFalse();
        assertThat(DatabaseOutage.among(new IllegalStateException("a bug"))).isFalse();
        RuntimeException loop = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", loop);
        loop.initCause(second);
        assertThat(DatabaseOutage.among(loop)).as("a cycle of causes ends").isFalse();
    }

    @Test
    void aDeadlockOrALockWaitGivenUpIsAConcurrentChangeNotAnOutage() {
        DatabaseException deadlock = DatabaseException.sqlException(new SQLException("deadlock detected", "40P01"));
        assertThat(DatabaseOutage.concurrentChange(new EJBException(new PersistenceException(deadlock)))).isTrue();
        assertThat(DatabaseOutage.among(deadlock)).isFalse();
        assertThat(DatabaseOutage.concurrentChange(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(DatabaseOutage.concurrentChange(new SQLException("canceling statement due to lock timeout", "55P03"))).isTrue();
        assertThat(DatabaseOutage.concurrentChange(new SQLException("Timeout trying to lock table", "HYT00"))).as("H2").isTrue();
        assertThat(DatabaseOutage.concurrentChange(new SQLException("Concurrent update to table", "90131"))).as("H2").isTrue();
        SQLException next = new SQLException("batch failed");
        next.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(DatabaseOutage.concurrentChange(next)).as("in the next exception").isTrue();
    }

    @Test
    void aRefusedWriteOrALostConnectionIsNotAConcurrentChange() {
        assertThat(DatabaseOutage.concurrentChange(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.concurrentChange(new SQLException("I/O error", "08006"))).isFalse();
        assertThat(DatabaseOutage.concurrentChange(new SQLException("value too long", "22001", new SQLException("deadlock", "40P01"))))
                .as("the first answer decides").isFalse();
        assertThat(DatabaseOutage.concurrentChange(new IllegalStateException("no lane could be locked"))).isFalse();
    }

    @Test
    void aFullDiskIsToldApartFromAnOutageAndFromAConflict() {
        DatabaseException full = DatabaseException
                .sqlException(new SQLException("could not extend file: No space left on device", "53100"));
        assertThat(DatabaseOutage.storageFull(new EJBException(new PersistenceException(full)))).isTrue();
        assertThat(DatabaseOutage.among(full)).isFalse();
        assertThat(DatabaseOutage.concurrentChange(full)).isFalse();
        assertThat(DatabaseOutage.storageFull(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.storageFull(new SQLException("I/O error", "08006"))).isFalse();
    }
}
