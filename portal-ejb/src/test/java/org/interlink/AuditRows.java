package org.interlink;

import org.interlink.item.entity.ItemId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The audit trail's rows as the database holds them, for tests that check what an action recorded. */
public final class AuditRows {

    private final DataSource dataSource;

    public AuditRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The id of the newest event (0 when there is none): what follows it was written after. */
    public long last() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select coalesce(max(id), 0) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The events about {@code item} since event {@code id} other than reads: "ACTION:OUTCOME details". */
    public List<String> aboutItemSince(long id, ItemId item) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement sql = connection.prepareStatement(
                        "select action, outcome, details from audit_event where id > ? and item_id = ?"
                                + " and action not in ('VIEW', 'LIST', 'HISTORY') order by id")) {
            sql.setLong(1, id);
            sql.setLong(2, item.value());
            List<String> events = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + ":" + rows.getString(2) + " " + rows.getString(3));
                }
            }
            return events;
        }
    }
}
