package org.interlink.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings the schema up to date with Flyway before anything else touches the database. Migrations
 * common to H2 and PostgreSQL live in {@code db/migration/common}; what only one of them
 * understands lives in {@code db/migration/h2} or {@code db/migration/postgresql}.
 *
 * <p>The DataSource is defined here from MicroProfile Config keys that the launcher (run command,
 * tests, production environment) must provide: {@code INTERLINK_DB_DATASOURCE_CLASS},
 * {@code INTERLINK_DB_URL}, {@code INTERLINK_DB_USER}, {@code INTERLINK_DB_PASSWORD}.
 *
 * <p>On PostgreSQL the schema belongs to an owner role that is not the portal's: with
 * {@code INTERLINK_DB_MIGRATION_USER} / {@code _PASSWORD} set, Flyway connects as that owner and
 * grants the portal's role ({@code interlink.db.user}) what it needs — and on the audit trail only
 * INSERT and SELECT. Without them (the run command's H2), one user does both.
 *
 * <p>The pool's settings for faults (validation, dropping every connection when one is broken, the wait for a
 * connection) are in docs/reliability.md.
 */
@DataSourceDefinition(name = SchemaMigration.DATASOURCE, className = "${MPCONFIG=interlink.db.datasource-class}", url = "${MPCONFIG=interlink.db.url}", user = "${MPCONFIG=interlink.db.user}", password = "${MPCONFIG=interlink.db.password}", minPoolSize = 2, maxPoolSize = SchemaMigration.MAX_POOL_SIZE, properties = {
        // a connection is checked (Connection.isValid) before it is handed out, and when one is found broken every
        // pooled one is dropped: after a database restart the pool heals by itself instead of failing request by request
        "fish.payara.is-connection-validation-required=true", "fish.payara.connection-validation-method=custom-validation",
        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
        "fish.payara.fail-all-connections=true",
        // a request waits at most 5 s for a connection (Payara's default: 60 s), then is answered 503
        "fish.payara.max-wait-time-in-millis=5000",
        // no statement (nor the validation of a connection) runs longer than 15 s: PostgreSQL cancels it (57014) and the
        // request is answered 503 "try again" instead of piling up behind it
        "fish.payara.statement-timeout-in-seconds=15",
        // PostgreSQL's driver gives up a read after 20 s (a stalled server, which cannot cancel anything: longer than the
        // statement timeout, so a slow statement is cancelled first and its connection stays good), a new connection after
        // 5 s; H2 has no such settings and ignores them; the migrations as the schema's owner connect on their own
        "socketTimeout=20", "connectTimeout=5", "loginTimeout=5"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/interlink";

    /** The most connections the pool opens. */
    public static final int MAX_POOL_SIZE = 32;
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "interlink.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "interlink.db.user")
    String portalRole;

    @Inject
    @ConfigProperty(name = "interlink.db.migration-user")
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "interlink.db.migration-password")
    Optional<String> migrationPassword;

    @PostConstruct
    void atStart() {
        FluentConfiguration flyway = migrationUser.filter(user -> !user.isBlank())
                .map(user -> configure().dataSource(url, user, migrationPassword.orElse("")))
                .orElseGet(() -> configure().dataSource(dataSource));
        MigrateResult result = migrate(flyway, portalRole);
        LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied as " + migrationUser.orElse(portalRole) + ")");
    }

    /**
     * Applies the pending migrations of this database's vendor to {@code dataSource} (connected as
     * the schema's owner), granting {@code portalRole} its rights.
     */
    public static MigrateResult applyTo(DataSource dataSource, String portalRole) {
        return migrate(configure().dataSource(dataSource), portalRole);
    }

    private static FluentConfiguration configure() {
        return Flyway.configure(SchemaMigration.class.getClassLoader());
    }

    private static MigrateResult migrate(FluentConfiguration flyway, String portalRole) {
        return flyway
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor(flyway.getDataSource()))
                .placeholders(Map.of("portalRole", portalRole))
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    /** The folder name of the database's own migrations: {@code h2} or {@code postgresql}. */
    public static String vendor(DataSource dataSource) {
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
