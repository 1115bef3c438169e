package org.interlink.journeys;

import org.interlink.devstack.PortalDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the audit trail of the suite's own stack holds, read from its database (nothing for the run command's stack). */
final class AuditEvents {

    private AuditEvents() {
    }

    /** Whether the stack's database can be read (the suite's own stack; not the run command's H2). */
    static boolean readable() {
        return PortalStack.database().isPresent();
    }

    /** How many events of {@code actor} with that action and outcome have details containing {@code detail}. */
    static long count(String actor, String action, String outcome, String detail) throws SQLException {
        PortalDatabase database = PortalStack.database().orElseThrow();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement query = connection.prepareStatement("select count(*) from audit_event where actor = ? "
                        + "and action = ? and outcome = ? and details like ?")) {
            query.setString(1, actor);
            query.setString(2, action);
            query.setString(3, outcome);
            query.setString(4, "%" + detail + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
