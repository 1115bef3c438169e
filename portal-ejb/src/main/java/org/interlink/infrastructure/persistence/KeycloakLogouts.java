package org.interlink.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The back-channel logouts Keycloak sent to any node of the portal (table {@code keycloak_logout}), so that every node
 * ends its own sessions of them (issue 22: Keycloak's call reaches one node through the balancer). Where a node has read
 * up to is the database's time, never a node's clock: nodes whose clocks differ miss nothing.
 */
@ApplicationScoped
public class KeycloakLogouts {

    /**
     * A logout token: of a Keycloak session ({@code sid}), or, when it names none, of all of a person's ({@code sub});
     * its id ({@code jti}) and when Keycloak issued it ({@code iat}, Keycloak's clock).
     */
    public record Logout(String keycloakSession, String subject, String tokenId, Instant issuedAt) {
    }

    /** What a read found, and the database's time it read up to (the next read starts there, less an overlap). */
    public record Read(List<Logout> logouts, Instant upTo) {
    }

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** The logouts on {@code dataSource}, outside the container (a test's nodes). */
    public static KeycloakLogouts on(DataSource dataSource) {
        KeycloakLogouts logouts = new KeycloakLogouts();
        logouts.dataSource = dataSource;
        return logouts;
    }

    /** Records a logout for the other nodes; a token already recorded (the same {@code jti}, replayed) is not again. */
    public void record(Logout logout) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into keycloak_logout (token_id, keycloak_session,"
                        + " subject, issued_at) values (?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, logout.tokenId());
            insert.setString(2, logout.keycloakSession());
            insert.setString(3, logout.subject());
            insert.setTimestamp(4, Timestamp.from(logout.issuedAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the logout for the other nodes", e);
        }
    }

    /**
     * The logouts recorded since {@code since} (the database's time a read returned; null: all that are kept), and
     * those recorded longer than {@code kept} ago deleted (none ends a session any more).
     */
    public Read since(Instant since, Duration kept) {
        try (Connection connection = dataSource.getConnection()) {
            Instant now;
            try (PreparedStatement clock = connection.prepareStatement("select current_timestamp");
                    ResultSet row = clock.executeQuery()) {
                row.next();
                now = row.getTimestamp(1).toInstant();
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from keycloak_logout where recorded_at < ?")) {
                delete.setTimestamp(1, Timestamp.from(now.minus(kept)));
                delete.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement("select keycloak_session, subject, token_id, issued_at"
                    + " from keycloak_logout where recorded_at >= ?")) {
                query.setTimestamp(1, Timestamp.from(since == null ? now.minus(kept) : since));
                List<Logout> logouts = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        logouts.add(new Logout(rows.getString(1), rows.getString(2), rows.getString(3), rows.getTimestamp(4).toInstant()));
                    }
                }
                return new Read(logouts, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the logouts of the other nodes", e);
        }
    }
}
