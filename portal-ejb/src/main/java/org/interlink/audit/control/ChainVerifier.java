package org.interlink.audit.control;

import org.interlink.audit.entity.AuditHash;
import org.interlink.audit.entity.ChainVerification;
import org.postgresql.PGStatement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Walks hash chains of the audit trail and names the first broken link: an event whose hash does
 * not match its content (changed), a gap in the sequence (removed), or a previous hash that is not
 * the previous event's (reordered or replaced). When given the heads exported earlier to a
 * separate sink, it also checks that the chain still reaches them unchanged — so events removed at
 * the end, or a rewrite of the whole table, are still found. Plain JDBC, so the portal, a test and
 * the command line use the same code; a long chain is walked in ranges at once.
 */
public final class ChainVerifier {

    /** Ranges a long chain is walked in at once (two cores: while one range waits for rows, another is hashed). */
    public static final int PARTS = 4;

    private static final int FETCH = 10_000;

    /** Fewer events than this per range are not worth a connection and a thread of their own. */
    private static final long MIN_PART = 50_000;

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
     * Verifies one chain on one connection.
     *
     * @param exportedHeads the last exported (seq, hash) of each chain, from the sink; may be empty
     */
    public static ChainVerification verify(Connection connection, String chain, Map<String, ExportedHead> exportedHeads)
            throws SQLException {
        Segment all = walk(connection, chain, 1, Long.MAX_VALUE);
        return finish(connection, chain, List.of(all), exportedHeads);
    }

    /**
     * Verifies one chain in {@code parts} ranges of its sequence numbers at once, each on a
     * connection of its own, then checks the links between the ranges: the same outcome as
     * {@link #verify(Connection, String, Map)}, sooner on a long chain.
     */
    public static ChainVerification verify(Connections database, String chain, Map<String, ExportedHead> exportedHeads,
            ExecutorService pool, int parts) throws SQLException {
        return verify(database, chain, exportedHeads, pool, parts, MIN_PART);
    }

    /** As {@link #verify(Connections, String, Map, ExecutorService, int)}, with ranges of at least {@code minPart} events. */
    public static ChainVerification verify(Connections database, String chain, Map<String, ExportedHead> exportedHeads,
            ExecutorService pool, int parts, long minPart) throws SQLException {
        long last;
        try (Connection connection = database.open()) {
            last = lastSeq(connection, chain);
        }
        long size = Math.max(Math.max(1, minPart), (last + parts - 1) / Math.max(1, parts));
        List<Future<Segment>> walks = new ArrayList<>();
        for (long from = 1; from <= last; from += size) {
            long start = from;
            long end = from + size > last ? Long.MAX_VALUE : from + size - 1; // the last range runs to the end
            walks.add(pool.submit(() -> {
                try (Connection connection = database.open()) {
                    return walk(connection, chain, start, end);
                }
            }));
        }
        List<Segment> segments = new ArrayList<>();
        try {
            for (Future<Segment> walk : walks) {
                segments.add(walk.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("verification of " + chain + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException("verification of " + chain + " failed", e.getCause());
        } finally {
            walks.forEach(walk -> walk.cancel(true));
        }
        try (Connection connection = database.open()) {
            return finish(connection, chain, segments, exportedHeads);
        }
    }

    /** Joins the ranges walked (in order): the first broken link, or the chain checked against its exported head. */
    private static ChainVerification finish(Connection connection, String chain, List<Segment> segments,
            Map<String, ExportedHead> exportedHeads) throws SQLException {
        long events = 0;
        long lastSeq = 0;
        String previousHash = AuditHash.GENESIS;
        for (Segment segment : segments) {
            if (segment.firstPrevious() != null && segment.firstSeq() == lastSeq + 1 && !sameHash(segment.firstPrevious(), previousHash)) {
                return ChainVerification.broken(chain, events, segment.firstSeq(), segment.firstId(),
                        "previous hash is not the hash of event "
                                + lastSeq + " (reordered or replaced)");
            }
            if (segment.broken() != null) {
                ChainVerification broken = segment.broken();
                return ChainVerification.broken(chain, events + broken.events(), broken.brokenSeq(), broken.brokenEventId(),
                        broken.reason());
            }
            events += segment.events();
            if (segment.events() > 0) {
                lastSeq = segment.lastSeq();
                previousHash = segment.lastHash();
            }
        }
        ExportedHead exported = exportedHeads.get(chain);
        if (exported != null && (exported.seq() > lastSeq || !sameHash(exported.hash(), hashAt(connection, chain, exported.seq())))) {
            return ChainVerification.broken(chain, events, exported.seq(), 0, "does not match the head exported at "
                    + exported.at() + " (events rewritten or removed since)");
        }
        return ChainVerification.intact(chain, events);
    }

    /**
     * Whether two hashes are the same, in time independent of where they differ; {@code expected} must not be
     * null (as with {@code expected.equals(actual)}), {@code actual} may be.
     */
    private static boolean sameHash(String expected, String actual) {
        byte[] expectedBytes = expected.getBytes(StandardCharsets.UTF_8);
        return actual != null && MessageDigest.isEqual(expectedBytes, actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Walks the events {@code from} … {@code to} of a chain: each one in its place, linked to the one
     * before it in the range, with the hash of its content. The link of the first one to the event
     * before the range is left to {@link #finish}.
     */
    private static Segment walk(Connection connection, String chain, long from, long to) throws SQLException {
        long expectedSeq = from;
        String previousHash = null;
        long events = 0;
        long firstId = 0;
        String firstPrevious = null;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        try (PreparedStatement sql = connection.prepareStatement("select id, seq, occurred_at, actor, actor_agency, action, "
                + "item_id, item_owner, outcome, client_address, user_agent, purpose, details, prev_hash, hash "
                + "from audit_event where chain = ? and seq between ? and ? order by seq")) {
            sql.setFetchSize(FETCH);
            if (sql.isWrapperFor(PGStatement.class)) {
                // numbers and times in binary from the first execution: PostgreSQL spends less on formatting them
                sql.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            sql.setString(1, chain);
            sql.setLong(2, from);
            sql.setLong(3, to);
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong(1);
                    long seq = row.getLong(2);
                    if (seq != expectedSeq) {
                        return Segment.broken(from, firstId, firstPrevious, ChainVerification.broken(chain, events, expectedSeq, id,
                                seq > expectedSeq
                                        ? "event " + expectedSeq + (seq - expectedSeq > 1 ? " to " + (seq - 1) : "") + " missing (removed?)"
                                        : "event " + seq + " appears twice"));
                    }
                    String storedPrevious = row.getString(14);
                    if (previousHash == null) {
                        firstId = id;
                        firstPrevious = storedPrevious;
                    } else if (!sameHash(storedPrevious, previousHash)) {
                        return Segment.broken(from, firstId, firstPrevious, ChainVerification.broken(chain, events, seq, id,
                                "previous hash is not the hash of event " + (seq - 1) + " (reordered or replaced)"));
                    }
                    Object item = row.getObject(7);
                    String hash = AuditHash.of(chain, seq, row.getTimestamp(3).toInstant(), row.getString(4), row.getString(5),
                            row.getString(6), item == null ? null : ((Number) item).longValue(), row.getString(8), row.getString(9),
                            row.getString(10), row.getString(11), row.getString(12), row.getString(13), storedPrevious);
                    if (!sameHash(hash, row.getString(15))) {
                        return Segment.broken(from, firstId, firstPrevious, ChainVerification.broken(chain, events, seq, id,
                                "content does not match its hash (changed)"));
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
        if (to != Long.MAX_VALUE && expectedSeq <= to) {
            return Segment.broken(from, firstId, firstPrevious, ChainVerification.broken(chain, events, expectedSeq, 0,
                    "event " + expectedSeq + (to > expectedSeq ? " to " + to : "") + " missing (removed?)"));
        }
        return new Segment(from, firstId, firstPrevious, expectedSeq - 1, previousHash, events, null);
    }

    private static long lastSeq(Connection connection, String chain) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("select max(seq) from audit_event where chain = ?")) {
            sql.setString(1, chain);
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
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

    /** Where verification gets its connections (a data source, or the driver on the command line). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * A range of a chain as walked: where it starts (its first event's id and stored previous hash),
     * its last event and hash, how many events were verified, and the first broken link if any.
     */
    private record Segment(long firstSeq, long firstId, String firstPrevious, long lastSeq, String lastHash, long events,
            ChainVerification broken) {

        static Segment broken(long from, long firstId, String firstPrevious, ChainVerification broken) {
            return new Segment(from, firstId, firstPrevious, 0, null, broken.events(), broken);
        }
    }

    /** A head as the export sink recorded it. */
    public record ExportedHead(String chain, long seq, String hash, String at) {
    }
}
