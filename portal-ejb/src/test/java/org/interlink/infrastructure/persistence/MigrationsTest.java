package org.interlink.infrastructure.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Flyway migrations apply cleanly, from empty, on both databases the portal runs on: PostgreSQL
 * (tests, production) and H2 in its PostgreSQL mode (the run command), and the schema they make
 * enforces what the entities assume.
 */
class MigrationsTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path h2Folder;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create role interlink login password 'interlink'");
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void migrationsApplyOnPostgreSql() throws SQLException {
        DataSource dataSource = postgres.getPostgresDatabase();

        assertCleanMigration(dataSource, "postgresql");
        assertSchemaHolds(dataSource);
    }

    @Test
    void migrationsApplyOnH2InPostgreSqlMode() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + h2Folder.resolve("interlink")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        dataSource.setUser("interlink");
        dataSource.setPassword("interlink");

        assertCleanMigration(dataSource, "h2");
        assertSchemaHolds(dataSource);
    }

    private static void assertCleanMigration(DataSource dataSource, String vendor) {
        assertThat(SchemaMigration.vendor(dataSource)).isEqualTo(vendor);

        MigrateResult first = SchemaMigration.applyTo(dataSource, "interlink");
        MigrateResult second = SchemaMigration.applyTo(dataSource, "interlink");

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();
        assertThat(second.migrationsExecuted).isZero();
    }

    private static void assertSchemaHolds(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("insert into agency (id, code, name, kind, country, status, created_at, version) values "
                    + "(1, 'iq-moi', 'Iraq Ministry of Interior', 'MINISTRY', 'IQ', 'ACTIVE', current_timestamp, 0)");
            assertThatThrownBy(() -> sql.execute("insert into agency (id, code, name, kind, status, created_at, version) values "
                    + "(2, 'iq-moi', 'Another', 'MINISTRY', 'ACTIVE', current_timestamp, 0)"))
                    .as("agency codes are unique").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("insert into agency (id, code, name, kind, status, created_at, version) values "
                    + "(3, 'x-y', 'Unknown kind', 'CLUB', 'ACTIVE', current_timestamp, 0)"))
                    .as("agency kinds are the known ones").isInstanceOf(SQLException.class);
            try (var rows = sql.executeQuery("select nextval('agency_seq')")) {
                rows.next();
                assertThat(rows.getLong(1)).as("EclipseLink's first id block ends at the first sequence value").isEqualTo(50);
            }
        }
    }
}
