package org.interlink.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Work that must happen once however many nodes run the portal (issue 22): every node's timer fires, and only the node
 * that {@link #claim claims} the run does the work. A claim moves the work's next due time (table {@code scheduled_work})
 * forward by 90 % of its interval, and only from a time already past: the other nodes, whose timers fire within the
 * same interval, find it not due. Nothing is held while the work runs, so a node that dies holds nothing up: the work is
 * due again at its next due time, and the first node whose timer fires after that takes it. A node alone claims every
 * run of its own timer (its next firing is a whole interval later).
 *
 * <p>The work itself must bear being done again after a node died in the middle of it: each of the portal's does (the
 * export appends the heads as they are, the imports and notifications record what they did and skip it next time).
 */
@ApplicationScoped
public class ScheduledWork {

    /** This node, as the table names the node that last claimed a work: the JVM's process id and host. */
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    /** The work's row, made when missing: due at once. */
    static final String KNOWN = "insert into scheduled_work (work, next_due, node) values (?, ?, '') on conflict do nothing";

    /** The claim: next due moved forward, only from a time already past. */
    static final String CLAIM = "update scheduled_work set next_due = ?, node = ?, ran_at = ? where work = ? and next_due <= ?";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    Clock clock;

    /** The claims on {@code dataSource}, outside the container (a timer's test). */
    public static ScheduledWork on(DataSource dataSource, Clock clock) {
        ScheduledWork work = new ScheduledWork();
        work.dataSource = dataSource;
        work.clock = clock;
        return work;
    }

    /**
     * Whether this node does this run of {@code work}, which its timer runs every {@code interval}: true on one node
     * per interval.
     *
     * @throws IllegalStateException when the database cannot be asked (the timer logs it and tries at its next run)
     */
    public boolean claim(String work, Duration interval) {
        try (Connection connection = dataSource.getConnection()) {
            return claim(connection, work, interval, NODE, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim the run of " + work, e);
        }
    }

    static boolean claim(Connection connection, String work, Duration interval, String node, Instant now) throws SQLException {
        try (PreparedStatement known = connection.prepareStatement(KNOWN)) {
            known.setString(1, work);
            known.setTimestamp(2, Timestamp.from(Instant.EPOCH));
            known.executeUpdate();
        }
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setTimestamp(1, Timestamp.from(now.plus(interval.multipliedBy(9).dividedBy(10))));
            claim.setString(2, node);
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setString(4, work);
            claim.setTimestamp(5, Timestamp.from(now));
            return claim.executeUpdate() == 1;
        }
    }
}
