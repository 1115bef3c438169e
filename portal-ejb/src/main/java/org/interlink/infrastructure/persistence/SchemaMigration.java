package org.interlink.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Brings the schema up to date with Flyway before anything else touches the database. Migrations
 * common to H2 and PostgreSQL live in {@code db/migration/common}; what only one of them
 * understands lives in {@code db/migration/h2} or {@code db/migration/postgresql}.
 *
 * <p>The DataSource is defined here from MicroProfile Config keys that the launcher (run command,
 * tests, production environment) must provide: {@code INTERLINK_DB_DATASOURCE_CLASS},
 * {@code INTERLINK_DB_URL}, {@code INTERLINK_DB_USER}, {@code INTERLINK_DB_PASSWORD}.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=interlink.db.datasource-class}",
        url = "${MPCONFIG=interlink.db.url}",
        user = "${MPCONFIG=interlink.db.user}",
        password = "${MPCONFIG=interlink.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/interlink";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @PostConstruct
    void atStart() {
        MigrateResult result = applyTo(dataSource);
        LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied)");
    }

    /** Applies the pending migrations of this database's vendor to {@code dataSource}. */
    public static MigrateResult applyTo(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor(dataSource))
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    /** The folder name of the database's own migrations: {@code h2} or {@code postgresql}. */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgresql")) {
                return "postgresql";
            }
            throw new IllegalStateException("unsupported database: " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("database not reachable", e);
        }
    }
}
