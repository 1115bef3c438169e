package org.interlink.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
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
 * One query answers all three, at most once a second however often they are read. The query's own connection is not
 * counted. On H2 (the run command) nothing is reported: -1.
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
    private static final long FRESH_NANOS = 1_000_000_000L;
    private static final String SESSIONS = "select count(*), count(*) filter (where state = 'active' or state like 'idle in transaction%') "
            + "from pg_stat_activity where usename = current_user and datname = current_database() and pid <> pg_backend_pid()";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private volatile Sessions last = new Sessions(-1, -1, System.nanoTime() - 2 * FRESH_NANOS);

    private record Sessions(long open, long busy, long readAt) {
    }

    @PostConstruct
    void register() {
        gauge(OPEN, "Connections of the portal's pool open in the database", Sessions::open);
        gauge(BUSY, "Connections of the portal's pool a request holds (running a statement or inside a transaction)",
                Sessions::busy);
        registry.gauge(Metadata.builder().withName(MAX).withDescription("The most connections the portal's pool opens").build(),
                () -> SchemaMigration.MAX_POOL_SIZE);
    }

    private void gauge(String name, String description, ToLongFunction<Sessions> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> value.applyAsLong(sessions()));
    }

    private Sessions sessions() {
        Sessions known = last;
        long now = System.nanoTime();
        if (now - known.readAt() < FRESH_NANOS) {
            return known;
        }
        Sessions read = read(now);
        last = read;
        return read;
    }

    private Sessions read(long now) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                return new Sessions(-1, -1, now);
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SESSIONS)) {
                rows.next();
                return new Sessions(rows.getLong(1), rows.getLong(2), now);
            }
        } catch (SQLException | RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "the connection pool's use could not be read (reported as -1 until it can)", e);
            }
            return new Sessions(-1, -1, now);
        }
    }
}
