package org.interlink.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The use of the portal's connection pool as PostgreSQL sees it, for the metrics ({@code /metrics}, application scope):
 * the pool is the application's own ({@code @DataSourceDefinition}), which Payara's vendor metrics do not list (they
 * list the server's pools only). From {@code pg_stat_activity}, the sessions of the portal's database user:
 * <ul>
 *     <li>{@value #OPEN}: connections open (pooled, busy or not);</li>
 *     <li>{@value #BUSY}: connections a request holds, running a statement or inside a transaction;</li>
 *     <li>{@value #MAX}: the most the pool opens; a request waits for one at most 5 s, then is answered 503.</li>
 * </ul>
 * A timer reads them every 5 s (one query) and a scrape gets the last reading: a scrape never waits for a connection of
 * the pool it measures, not even when the pool is exhausted or the database gone (then -1, and a warning when that
 * begins). The reading's own connection is open, not busy. They count every connection of the portal's database user:
 * several nodes together. On H2 (the run command) nothing is reported: -1.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConnectionUse {

    public static final String OPEN = "interlink.db.connections.open";
    public static final String BUSY = "interlink.db.connections.busy";
    public static final String MAX = "interlink.db.connections.max";

    private static final Logger LOG = Logger.getLogger(ConnectionUse.class.getName());
    private static final String SESSIONS = "select count(*), count(*) filter (where state = 'active' and pid <> pg_backend_pid() "
            + "or state like 'idle in transaction%') from pg_stat_activity where usename = current_user and datname = current_database()";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Sessions last = new Sessions(-1, -1);

    private record Sessions(long open, long busy) {
    }

    @PostConstruct
    void register() {
        last = read();
        gauge(OPEN, "Connections of the portal's pool open in the database", Sessions::open);
        gauge(BUSY, "Connections of the portal's pool a request holds (running a statement or inside a transaction)",
                Sessions::busy);
        registry.gauge(Metadata.builder().withName(MAX).withDescription("The most connections the portal's pool opens").build(),
                () -> SchemaMigration.MAX_POOL_SIZE);
    }

    private void gauge(String name, String description, ToLongFunction<Sessions> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> value.applyAsLong(last));
    }

    /** Reads the sessions again (every 5 s). */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void refresh() {
        last = read();
    }

    private Sessions read() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                return new Sessions(-1, -1);
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SESSIONS)) {
                rows.next();
                Sessions read = new Sessions(rows.getLong(1), rows.getLong(2));
                if (failing.compareAndSet(true, false)) {
                    LOG.info("the connection pool's use can be read again");
                }
                return read;
            }
        } catch (SQLException | RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "the connection pool's use could not be read (reported as -1 until it can)", e);
            }
            return new Sessions(-1, -1);
        }
    }
}
