package org.interlink.api;

import org.interlink.devstack.PortalDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The audit trail as the database holds it (read as the portal's role, which may read and append only). */
final class AuditEvents {

    private final PortalDatabase database;

    AuditEvents(PortalDatabase database) {
        this.database = database;
    }

    long last() {
        return query("select coalesce(max(id), 0) from audit_event", null, 0, rows -> rows.getLong(1)).get(0);
    }

    /**
     * {@code ACTION:OUTCOME} of each event the actor caused after event {@code id}, in order, as the actor's agency
     * reads the trail: a refusal of another agency's item is one event there, whatever the owner's own record of it.
     */
    List<String> since(long id, String actor) {
        return query("select action || ':' || outcome from audit_event where id > ? and actor = ?" + AS_THE_ACTORS_AGENCY_READS
                + " order by id", actor, id, rows -> rows.getString(1));
    }

    private static final String AS_THE_ACTORS_AGENCY_READS = " and (item_owner is null or item_owner = actor_agency or outcome <> 'DENIED')";

    /** {@code ACTION:OUTCOME:purpose:details} of the actor's events after {@code id}. */
    List<String> detailsSince(long id, String actor) {
        return query("select action || ':' || outcome || ':' || coalesce(purpose, '') || ':' || coalesce(details, '') "
                + "from audit_event where id > ? and actor = ? order by id", actor, id, rows -> rows.getString(1));
    }

    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, String actor, long id, Row<T> row) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (actor != null) {
                statement.setLong(1, id);
                statement.setString(2, actor);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(row.read(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
