package org.interlink.devstack;

import java.nio.file.Path;

/** The database settings the portal gets ({@code INTERLINK_DB_*}): H2 file for the run command, PostgreSQL for tests. */
public record PortalDatabase(String dataSourceClass, String url, String user, String password) {

    /** An H2 file database in {@code dir}, in the PostgreSQL compatibility mode the migrations are written for. */
    public static PortalDatabase h2File(Path dir, String password) {
        return new PortalDatabase("org.h2.jdbcx.JdbcDataSource",
                "jdbc:h2:file:" + dir.resolve("interlink").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "interlink", password);
    }

    public static PortalDatabase postgres(int port, String database, String user, String password) {
        return new PortalDatabase("org.postgresql.ds.PGSimpleDataSource",
                "jdbc:postgresql://localhost:" + port + "/" + database, user, password);
    }
}
