package org.interlink.audit.control;

import org.interlink.audit.entity.AuditHash;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Walks hash chains of the audit trail and names the first broken link: an event whose hash does
 * not match its content (changed), a gap in the sequence (removed), or a previous hash that is not
 * the previous event's (reordered or replaced). When given the heads exported earlier to a
 * separate sink, it also checks that the chain still reaches them unchanged — so events removed at
 * the end, or a rewrite of the whole table, are still found. Plain JDBC, so the portal, a test and the command line use the same code.
 */
public final class ChainVerifier {

    private static final int FETCH = 10_000;

    private ChainVerifier() {
    }

    /**
     * The chains to verify: those the database lists, and those the export sink knows (a chain deleted
     * head and all is still verified, and found broken).
     */
    public static SortedSet<String> chains(Connection connection, Map<String, ExportedHead> exportedHeads) throws SQLException {
        SortedSet<String> chains = new TreeSet<>(exportedHeads.keySet());
        try (PreparedStatement sql = connection.prepareStatement("select chain from audit_chain order by chain");
             ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                chains.add(rows.getString(1));
            }
        }
        return chains;
    }

    /**
     * @param exportedHeads the last exported (seq, hash) of each chain, from the sink; may be empty
     */
    public static Verification verify(Connection connection, String chain, Map<String, ExportedHead> exportedHeads)
            throws SQLException {
        long expectedSeq = 1;
        String previousHash = AuditHash.GENESIS;
        long events = 0;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        try (PreparedStatement sql = connection.prepareStatement("select id, seq, occurred_at, actor, actor_agency, action, "
                + "item_id, item_owner, outcome, client_address, user_agent, purpose, details, prev_hash, hash "
                + "from audit_event where chain = ? order by seq")) {
            sql.setFetchSize(FETCH);
            if (sql.isWrapperFor(PGStatement.class)) {
                // numbers and times in binary from the first execution: PostgreSQL spends less on formatting them
                sql.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            sql.setString(1, chain);
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong(1);
                    long seq = row.getLong(2);
                    if (seq != expectedSeq) {
                        return Verification.broken(chain, events, expectedSeq, id, seq > expectedSeq
                                ? "event " + expectedSeq + (seq - expectedSeq > 1 ? " to " + (seq - 1) : "") + " missing (removed?)"
                                : "event " + seq + " appears twice");
                    }
                    String storedPrevious = row.getString(14);
                    if (!storedPrevious.equals(previousHash)) {
                        return Verification.broken(chain, events, seq, id, "previous hash is not the hash of event " + (seq - 1)
                                + " (reordered or replaced)");
                    }
                    Object item = row.getObject(7);
                    String hash = AuditHash.of(chain, seq, row.getTimestamp(3).toInstant(), row.getString(4), row.getString(5),
                            row.getString(6), item == null ? null : ((Number) item).longValue(), row.getString(8), row.getString(9),
                            row.getString(10), row.getString(11), row.getString(12), row.getString(13), previousHash);
                    if (!hash.equals(row.getString(15))) {
                        return Verification.broken(chain, events, seq, id, "content does not match its hash (changed)");
                    }
                    previousHash = hash;
                    expectedSeq++;
                    events++;
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
        ExportedHead exported = exportedHeads.get(chain);
        if (exported != null && (exported.seq() > expectedSeq - 1 || !exported.hash().equals(hashAt(connection, chain, exported.seq())))) {
            return Verification.broken(chain, events, exported.seq(), 0, "does not match the head exported at "
                    + exported.at() + " (events rewritten or removed since)");
        }
        return Verification.intact(chain, events);
    }

    private static String hashAt(Connection connection, String chain, long seq) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("select hash from audit_event where chain = ? and seq = ?")) {
            sql.setString(1, chain);
            sql.setLong(2, seq);
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? row.getString(1) : "";
            }
        }
    }

    /** A head as the export sink recorded it. */
    public record ExportedHead(String chain, long seq, String hash, String at) {
    }

    /** The outcome for one chain: intact, or the first broken link and why. */
    public record Verification(String chain, long events, boolean intact, long brokenSeq, long brokenEventId, String reason) {

        static Verification intact(String chain, long events) {
            return new Verification(chain, events, true, 0, 0, null);
        }

        static Verification broken(String chain, long events, long seq, long id, String reason) {
            return new Verification(chain, events, false, seq, id, reason);
        }

        @Override
        public String toString() {
            return intact ? "chain " + chain + ": " + events + " events, intact"
                    : "chain " + chain + ": broken at event " + brokenSeq + (brokenEventId > 0 ? " (id " + brokenEventId + ")" : "")
                    + ": " + reason + " — " + events + " events verified before it";
        }
    }
}
