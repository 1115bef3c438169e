package org.interlink.audit.control;

import org.h2.jdbcx.JdbcDataSource;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.AuditRecord;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit gate's two inserts, as it runs them through JDBC, on H2 in its PostgreSQL mode: the run command's
 * database, which the suite's integration tests (PostgreSQL) never write the audit trail to.
 */
class AuditInsertsOnH2Test {

    private static final Instant AT = Instant.parse("2026-12-04T09:30:00Z");

    @TempDir
    static Path folder;

    @Test
    void anEventGoesInAfterItsLanesLastEventOnlyAndOnceInItsPlace() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("interlink") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("interlink");
        h2.setPassword("interlink");
        SchemaMigration.applyTo(h2, "interlink");

        try (Connection connection = h2.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("insert into audit_chain (chain) values ('iq-moi/0')");
            AuditEvent first = AuditChainHead.empty("iq-moi/0").append(record(null));
            AuditEvent second = AuditChainHead.at("iq-moi/0", first.getSeq(), first.getHash()).append(record(42L));
            AuditEvent alsoAfterFirst = AuditChainHead.at("iq-moi/0", first.getSeq(), first.getHash()).append(record(7L));

            assertThat(AuditGate.execute(connection, AuditGate.INSERT, first)).isEqualTo(1);
            assertThat(AuditGate.execute(connection, AuditGate.INSERT, first)).as("its place is taken").isZero();
            assertThat(AuditGate.execute(connection, AuditGate.INSERT_AFTER_LAST, second)).isEqualTo(1);
            assertThat(AuditGate.execute(connection, AuditGate.INSERT_AFTER_LAST, alsoAfterFirst))
                    .as("the event it links to is no longer the lane's last").isZero();

            List<String> rows = new ArrayList<>();
            try (ResultSet stored = sql
                    .executeQuery("select seq, item_id, occurred_at, prev_hash, hash, details from audit_event order by seq")) {
                while (stored.next()) {
                    rows.add(stored.getLong(1) + " " + stored.getObject(2) + " " + stored.getObject(3, OffsetDateTime.class).toInstant()
                            + " " + stored.getString(4).equals(stored.getString(5)) + " " + stored.getString(6));
                }
            }
            assertThat(rows).containsExactly(
                    first.getSeq() + " null " + AT + " false read the list",
                    second.getSeq() + " 42 " + AT + " false read the list");
            assertThat(second.getPreviousHash()).isEqualTo(first.getHash());
        }
    }

    private static AuditRecord record(Long item) {
        return new AuditRecord(AT, "moi.official", "iq-moi", AuditAction.VIEW, item, item == null ? null : "iq-moi",
                AuditOutcome.ALLOWED, "192.0.2.10", null, null, "read the list");
    }
}
