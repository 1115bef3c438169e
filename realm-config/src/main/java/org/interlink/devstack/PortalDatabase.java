package org.interlink.devstack;

import java.nio.file.Path;

/**
 * The database settings the portal gets ({@code INTERLINK_DB_*}): H2 file for the run command,
 * PostgreSQL for tests. On PostgreSQL the schema's owner (who runs the migrations) is another role
 * than the portal's.
 */
public record PortalDatabase(String dataSourceClass, String url, String user, String password, String migrationUser,
        String migrationPassword) {

    /** An H2 file database in {@code dir}, in the PostgreSQL compatibility mode the migrations are written for. */
    public static PortalDatabase h2File(Path dir, String password) {
        return new PortalDatabase("org.h2.jdbcx.JdbcDataSource",
                "jdbc:h2:file:" + dir.resolve("interlink").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "interlink", password, null, null);
    }

    public static PortalDatabase postgres(int port, String database, String user, String password, String owner,
            String ownerPassword) {
        return new PortalDatabase("org.postgresql.ds.PGSimpleDataSource",
                "jdbc:postgresql://localhost:" + port + "/" + database, user, password, owner, ownerPassword);
    }
}
