package org.interlink.infrastructure.persistence;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure to reach the database (the server down or restarting, the connection broken, no pooled
 * connection within the pool's wait) from every other failure: the first is answered "try again" (503),
 * never as an error of the portal or of the audit trail. The first answer of the database among the causes
 * decides: a connection state is an outage, any other (a wrong password, a constraint) is not.
 */
public final class DatabaseOutage {

    /**
     * The SQLStates of a connection that could not be made or was lost: 08001 (cannot connect), 08003 (no connection),
     * 08004 (refused by the server), 08006 (connection failure); 57P01 to 57P03: the server shuts down, crashed, or is
     * starting (PostgreSQL); 57014: a statement cancelled as it ran past the pool's statement timeout (PostgreSQL and H2),
     * the database too slow to answer just now.
     */
    private static final Set<String> CONNECTION_LOST = Set.of("08001", "08003", "08004", "08006", "57P01", "57P02", "57P03",
            "57014");

    /**
     * What an API client is told. Not "nothing was changed": a connection lost while a commit was under way may have
     * committed it.
     */
    public static final String DETAIL = "The portal cannot reach its database just now (or it did not answer in time), so"
            + " the request was not completed."
            + " Try again in a moment; if it was a change, read the item first to see whether it was made.";

    /** Seconds a client is asked to wait before trying again ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseOutage() {
    }

    /**
     * The SQLStates of a change that met another one at the same time: 40001 (serialization failure; H2's deadlock),
     * 40P01 (deadlock, PostgreSQL), 55P03 (a lock not available in time, PostgreSQL), HYT00 (a lock not available in
     * time, H2), 90131 (concurrent update, H2).
     */
    private static final Set<String> CONCURRENT_CHANGE = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

    /**
     * Whether the database refused {@code failure}'s change because another transaction changed (or held) the same rows
     * at the same time: the caller's conflict, to be told "someone else changed it just now" (409), never an audit failure
     * or an error of the portal. The first answer of the database among the causes decides.
     */
    public static boolean concurrentChange(Throwable failure) {
        return firstAnswer(failure).filter(CONCURRENT_CHANGE::contains).isPresent();
    }

    /**
     * Whether the database refused {@code failure}'s change because its disk is full (SQLState 53100): nothing was stored,
     * and nothing will be until an administrator frees space. The first answer of the database among the causes decides.
     */
    public static boolean storageFull(Throwable failure) {
        return firstAnswer(failure).filter("53100"::equals).isPresent();
    }

    /** The SQLState of the first answer of the database among the causes of {@code failure}, if there is one. */
    private static Optional<String> firstAnswer(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure}, or anything that caused it, says the database could not be reached. */
    public static boolean among(Throwable failure) {
        boolean poolRefused = false;
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                if (CONNECTION_LOST.contains(sql.getSQLState())) {
                    return true;
                }
                return false; // the database answered, and said something else (a wrong password, a constraint, ...)
            }
            if (cause instanceof SystemException) {
                // the transaction manager could not complete the commit: its connection broke under it (the outcome is
                // unknown, which the answer says)
                return true;
            }
            poolRefused |= cause instanceof ResourceException || cause.getClass().getName().endsWith(".PoolingException");
        }
        // the pool could lend no connection and no answer of the database says why: it could not be reached in time
        return poolRefused;
    }

    /**
     * {@code failure} and its causes, outermost first, with a SQL exception's next exceptions (EclipseLink's exceptions
     * give their internal exception as their cause; no EclipseLink type here, so the web's classes can use this too).
     */
    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> causes = new ArrayList<>();
        Deque<Throwable> open = new ArrayDeque<>();
        open.add(failure);
        while (!open.isEmpty()) {
            Throwable cause = open.removeFirst();
            if (!seen.add(cause)) {
                continue;
            }
            causes.add(cause);
            if (cause.getCause() != null) {
                open.add(cause.getCause());
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                open.add(sql.getNextException());
            }
        }
        return causes;
    }
}
