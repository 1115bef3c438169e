package org.interlink.infrastructure.persistence;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** An H2 file database in the run command's mode, migrated as the portal migrates it: the single node's database. */
final class MigratedH2 {

    private MigratedH2() {
    }

    static DataSource in(Path folder) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("interlink") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("interlink");
        h2.setPassword("interlink");
        SchemaMigration.applyTo(h2, "interlink");
        return h2;
    }
}
