package org.interlink.drills;

import org.interlink.devstack.PortalDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the portal acknowledged during a drill, item by item (its last acknowledged title and state, the
 * states tried after it without an acknowledgement, the audit events each acknowledged request must have
 * left), and every answer that was not a clear one.
 */
final class Ledger {

    private final Map<Long, Trace> items = new ConcurrentHashMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong clearRefusals = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong pageRefusals = new AtomicLong();
    private final AtomicLong slowestRefusal = new AtomicLong();
    private final AtomicLong slowestAnswer = new AtomicLong();
    private String slowest = "none";
    private final ConcurrentSkipListSet<Long> writeTimes = new ConcurrentSkipListSet<>();
    private final List<String> unclear = new CopyOnWriteArrayList<>();

    /**
     * Sends a write and notes what it acknowledged. {@code id} 0: the write creates the item.
     *
     * @param title the item's title once the write is done
     * @param state the item's state once the write is done
     */
    Api.Answer write(long id, String action, String title, String state, Supplier<Api.Answer> call) {
        long sent = System.nanoTime();
        Api.Answer answer = call.get();
        answered(sent, "write " + action + ": " + answer.status());
        if (answer.ok()) {
            long item = id == 0 ? answer.id() : id;
            items.computeIfAbsent(item, key -> new Trace()).acknowledged(title, state, action);
            acknowledged.incrementAndGet();
            writes.incrementAndGet();
            writeTimes.add(System.nanoTime());
        } else {
            if (id != 0) {
                items.get(id).tried(title, state, action);
            }
            refused("write " + action + " of " + (id == 0 ? "a new item" : "item " + id), answer, sent);
        }
        return answer;
    }

    /** Sends a read; an acknowledged one must have left its audit event. */
    Api.Answer read(long id, Supplier<Api.Answer> call) {
        long sent = System.nanoTime();
        Api.Answer answer = call.get();
        answered(sent, "read: " + answer.status());
        if (answer.ok()) {
            items.get(id).expect("VIEW");
            acknowledged.incrementAndGet();
        } else {
            items.get(id).tried(null, null, "VIEW");
            refused("read of item " + id, answer, sent);
        }
        return answer;
    }

    /** A page the signed-in person opened: it shows, or says "try again" with 503. */
    void page(int status, String body, long sent) {
        answered(sent, "page: " + status);
        if (status == 200) {
            acknowledged.incrementAndGet();
        } else if (status == 503 && body.contains("id=\"error-retry\"")) {
            pageRefusals.incrementAndGet();
            slowestRefusal.accumulateAndGet(System.nanoTime() - sent, Math::max);
        } else {
            String shown = body.substring(Math.max(0, body.indexOf("<body")));
            unclear.add("page " + status + " " + (shown.length() > 600 ? shown.substring(0, 600) : shown));
        }
    }

    private void refused(String what, Api.Answer answer, long sent) {
        if (answer.throttled() && answer.clearRefusal()) {
            throttled.incrementAndGet();
        } else if (answer.clearRefusal()) {
            clearRefusals.incrementAndGet();
            slowestRefusal.accumulateAndGet(System.nanoTime() - sent, Math::max);
        } else {
            unclear.add(what + ": " + answer);
        }
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long acknowledgedWrites() {
        return writes.get();
    }

    long clearRefusals() {
        return clearRefusals.get();
    }

    /** 429s: a limit of the caller (with {@code Retry-After}); not among the {@link #clearRefusals()}. */
    long throttled() {
        return throttled.get();
    }

    long pageRefusals() {
        return pageRefusals.get();
    }

    private synchronized void answered(long sent, String what) {
        long took = System.nanoTime() - sent;
        if (took > slowestAnswer.get()) {
            slowestAnswer.set(took);
            slowest = what;
        }
    }

    /** What the slowest answer was an answer to, and its status. */
    synchronized String slowest() {
        return slowest;
    }

    /** The longest any answer took to come, in seconds. */
    double slowestAnswerSeconds() {
        return slowestAnswer.get() / 1e9;
    }

    /** The longest a clear refusal (503) took to come, in seconds. */
    double slowestRefusalSeconds() {
        return slowestRefusal.get() / 1e9;
    }

    long unclear() {
        return unclear.size();
    }

    List<String> unclearSamples() {
        return List.copyOf(unclear);
    }

    /** When the first write after {@code from} was acknowledged; 0 when none was within {@code limit}. */
    long firstWriteAfter(long from, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Long first = writeTimes.higher(from);
            if (first != null) {
                return first;
            }
            Thread.sleep(100); // polling the clients' answers, bounded by the deadline
        }
        return 0;
    }

    /**
     * Looks for every acknowledged write in the database (as the schema's owner, past the portal): the item in its
     * last acknowledged state (or a state tried later, whose answer said it failed or never came) and each request's
     * audit event, by the drill's own callers. Items {@code creator} made that have no CREATE event are half-written
     * and count as lost too. An event no request of the drill asked for fails the drill as well.
     *
     * @param actors the drill's callers (their audit accounts)
     */
    Ledger.Found verify(PortalDatabase db, String creator, List<String> actors) throws SQLException {
        long found = 0;
        long lost = 0;
        long doneThoughRefused = 0;
        List<String> missing = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
                PreparedStatement current = connection.prepareStatement(
                        "select title, state from item_version where item_id = ? and current_version");
                PreparedStatement events = connection.prepareStatement("select action, count(*) from audit_event"
                        + " where item_id = ? and outcome = 'ALLOWED' and actor = any (?) group by action");
                PreparedStatement halfWritten = connection.prepareStatement("select count(*) from item i where i.created_by = ?"
                        + " and not exists (select 1 from audit_event e where e.item_id = i.id and e.action = 'CREATE')")) {
            events.setArray(2, connection.createArrayOf("varchar", actors.toArray()));
            for (Map.Entry<Long, Trace> item : items.entrySet()) {
                Trace trace = item.getValue();
                current.setLong(1, item.getKey());
                String now = null;
                try (ResultSet row = current.executeQuery()) {
                    if (row.next()) {
                        now = row.getString(1) + "/" + row.getString(2);
                    }
                }
                Map<String, Long> recorded = new HashMap<>();
                events.setLong(1, item.getKey());
                try (ResultSet rows = events.executeQuery()) {
                    while (rows.next()) {
                        recorded.put(rows.getString(1), rows.getLong(2));
                    }
                }
                boolean inItsState = now != null && trace.possible().contains(now);
                Map<String, Long> acknowledged = trace.events();
                Map<String, Long> tried = trace.triedEvents();
                for (String action : union(acknowledged.keySet(), recorded.keySet())) {
                    long asked = acknowledged.getOrDefault(action, 0L);
                    long there = recorded.getOrDefault(action, 0L);
                    long writesOfKind = action.equals("VIEW") ? 0 : asked;
                    if (inItsState && there >= asked && there <= asked + tried.getOrDefault(action, 0L)) {
                        found += writesOfKind;
                        doneThoughRefused += there - asked; // each request leaves one event
                    } else {
                        lost += Math.max(1, asked);
                        missing.add("item " + item.getKey() + ": " + action + " acknowledged " + asked + ", tried besides "
                                + tried.getOrDefault(action, 0L) + ", recorded " + there + "; state " + now + ", acknowledged "
                                + trace.possible());
                    }
                }
            }
            halfWritten.setString(1, creator);
            long half = count(halfWritten);
            if (half > 0) {
                missing.add(half + " items without their CREATE event");
                lost += half;
            }
        }
        unclear.addAll(missing);
        return new Found(found, lost, doneThoughRefused);
    }

    private static List<String> union(java.util.Set<String> one, java.util.Set<String> other) {
        java.util.Set<String> all = new java.util.TreeSet<>(one);
        all.addAll(other);
        return List.copyOf(all);
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Acknowledged writes found; acknowledged requests lost (writes missing, reads without their event, half-written
     * items, events no request asked for); requests answered as failed (or not at all) whose change or event was made
     * all the same (a connection lost during the commit): the client was told to check before trying again.
     */
    record Found(long found, long lost, long doneThoughRefused) {
    }

    /** One item: its last acknowledged title/state, the ones tried after it, and the audit events expected. */
    private static final class Trace {

        private String acknowledgedState;
        private final List<String> triedSince = new ArrayList<>();
        private final Map<String, Long> events = new HashMap<>();
        private final Map<String, Long> tried = new HashMap<>();

        synchronized void acknowledged(String title, String state, String action) {
            acknowledgedState = title + "/" + state;
            triedSince.clear();
            events.merge(action, 1L, Long::sum);
        }

        /** A request that failed or got no answer: it may have been done all the same. */
        synchronized void tried(String title, String state, String action) {
            if (title != null) {
                triedSince.add(title + "/" + state);
            }
            tried.merge(action, 1L, Long::sum);
        }

        synchronized void expect(String action) {
            events.merge(action, 1L, Long::sum);
        }

        synchronized List<String> possible() {
            List<String> possible = new ArrayList<>(triedSince);
            possible.add(acknowledgedState);
            return possible;
        }

        synchronized Map<String, Long> events() {
            return Map.copyOf(events);
        }

        synchronized Map<String, Long> triedEvents() {
            return Map.copyOf(tried);
        }
    }
}
