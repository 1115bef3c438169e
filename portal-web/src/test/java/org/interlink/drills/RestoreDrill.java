package org.interlink.drills;

import org.interlink.devstack.Folders;
import org.interlink.devstack.PayaraMicroServer;
import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.TestPostgres;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The restore drill of docs/reliability.md. {@link #prepare} turns on WAL archiving and takes a base backup while the
 * portal works, before the other drills (so the WAL replayed later spans PostgreSQL's kill and restart);
 * {@link #destroyAndRestore} marks a point in time, writes after it, stops the portal, destroys the database (the server
 * killed, its data folder deleted) and restores the backup twice to a new server: to the end of the archive (every row
 * is back, the chains verify against the exported heads, the portal starts on it and serves the items and attachments)
 * and to the point in time (every row from before it is back, nothing written after it).
 *
 * <p>The low-level backup API ({@code pg_backup_start}/{@code pg_backup_stop}) and a file copy do here what
 * {@code pg_basebackup} does in production: the embedded PostgreSQL brings only {@code initdb}, {@code pg_ctl} and
 * {@code postgres}.
 */
final class RestoreDrill {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int WRITTEN_AFTER_THE_POINT = 5;

    private final Path folder;
    private final Path base;
    private final Path archive;

    private RestoreDrill(Path folder) {
        this.folder = folder;
        this.base = folder.resolve("base");
        this.archive = folder.resolve("wal-archive");
    }

    /** Archives every WAL segment of {@code postgres} (started with {@code archive_mode=on}) from now on and takes a base backup. */
    static RestoreDrill prepare(TestPostgres postgres, Path folder) throws SQLException, IOException {
        RestoreDrill drill = new RestoreDrill(folder);
        Folders.deleteTree(folder);
        Folders.created(drill.archive);
        String archive = drill.archive.toAbsolutePath().toString();
        if (archive.contains("'") || archive.contains("\"")) {
            throw new IllegalArgumentException("a quote in the archive folder's path: " + archive);
        }
        try (Connection connection = postgres.superuser(); Statement sql = connection.createStatement()) {
            // as production would set it: never overwrite an archived segment
            sql.execute("alter system set archive_command = 'test ! -f \"" + archive + "/%f\" && cp \"%p\" \"" + archive + "/%f\"'");
            sql.execute("select pg_reload_conf()");
            sql.execute("select pg_backup_start('interlink restore drill', true)");
            copy(postgres.dataDirectory(), drill.base);
            try (ResultSet stopped = sql.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
                stopped.next();
                Files.writeString(drill.base.resolve("backup_label"), stopped.getString(1));
                String tablespaces = stopped.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(drill.base.resolve("tablespace_map"), tablespaces);
                }
            }
        }
        return drill;
    }

    /** What the drill needs of the running stack. */
    record Stack(TestPostgres postgres, PayaraMicroServer portal, String password, Path heads, String border,
            Function<PortalDatabase, PayaraMicroServer> portalOn) {
    }

    /** Destroys the database and restores it to the end of the archive and to a point in time; two rows of the table. */
    List<FaultDrills.Row> destroyAndRestore(Stack stack) throws Exception {
        PortalDatabase db = stack.postgres().database();
        Api border = new Api(stack.portal().url(), stack.border());
        Inventory atThePoint = Inventory.of(db);
        String point = now(db);
        Path headsAtThePoint = folder.resolve("audit-heads-at-the-point.jsonl");
        Files.copy(stack.heads(), headsAtThePoint, StandardCopyOption.REPLACE_EXISTING);
        List<Long> afterThePoint = new ArrayList<>();
        for (int i = 0; i < WRITTEN_AFTER_THE_POINT; i++) {
            Api.Answer created = border.send("POST", "/records", FaultDrills.record("After the point in time " + i), null);
            for (int again = 0; again < 10 && created.clearRefusal(); again++) {
                created.backOff(); // busy or limited (a drill before this one): as told
                created = border.send("POST", "/records", FaultDrills.record("After the point in time " + i), null);
            }
            if (created.status() != 201) {
                throw new IllegalStateException("the restore drill could not write after its point in time: " + created);
            }
            afterThePoint.add(created.id());
        }
        stack.portal().close();
        archiveTheLastSegment(stack.postgres());
        Inventory atTheEnd = Inventory.of(db);
        Path heads = folder.resolve("audit-heads.jsonl");
        Files.copy(stack.heads(), heads, StandardCopyOption.REPLACE_EXISTING);

        stack.postgres().kill();
        Folders.deleteTree(stack.postgres().dataDirectory());

        List<FaultDrills.Row> rows = new ArrayList<>();
        long started = System.nanoTime();
        try (TestPostgres restored = restore(folder.resolve("restored-to-the-end"), null, stack.password())) {
            double restoredSeconds = (System.nanoTime() - started) / 1e9;
            Inventory found = Inventory.of(restored.database());
            FaultDrills.Row chains = FaultDrills.chainsVerify(restored.database(), heads);
            long portalStarted = System.nanoTime();
            Served served;
            try (PayaraMicroServer portal = stack.portalOn().apply(restored.database())) {
                portal.awaitReady(Duration.ofMinutes(3));
                double readySeconds = (System.nanoTime() - portalStarted) / 1e9;
                served = served(new Api(portal.url(), stack.border()), restored.database(), afterThePoint, readySeconds);
            }
            long lost = atTheEnd.missingFrom(found);
            rows.add(new FaultDrills.Row("PostgreSQL destroyed; base backup + WAL archive restored to a new server, to the end",
                    atTheEnd.size(), atTheEnd.size(), atTheEnd.size() - lost, lost,
                    "rows of every table compared (" + atTheEnd.counts() + "); audit chains: " + chains.answers()
                            + "; the portal started on it, ready in %.0f s: the %d items written last read %d × 200, %d attachments downloaded identical of %d"
                                    .formatted(served.readySeconds(), afterThePoint.size(), served.itemsRead(), served.identical(),
                                            served.attachments()),
                    "database restored in %.1f s".formatted(restoredSeconds),
                    lost == 0 && chains.passed() && served.itemsRead() == afterThePoint.size() && served.identical() > 0
                            && served.identical() == served.attachments(),
                    chains.samples()));
        }
        started = System.nanoTime();
        try (TestPostgres restored = restore(folder.resolve("restored-to-the-point"), point, stack.password())) {
            double restoredSeconds = (System.nanoTime() - started) / 1e9;
            Inventory found = Inventory.of(restored.database());
            FaultDrills.Row chains = FaultDrills.chainsVerify(restored.database(), headsAtThePoint);
            long lost = atThePoint.missingFrom(found);
            long after = countItems(restored.database(), afterThePoint);
            rows.add(new FaultDrills.Row("the same backup restored to a point in time (before the last " + afterThePoint.size()
                    + " items)", atThePoint.size(), atThePoint.size(), atThePoint.size() - lost, lost,
                    "rows compared (" + atThePoint.counts() + "); items written after the point: " + after + " (must be 0); rows not in"
                            + " the point's inventory: " + found.missingFrom(atThePoint)
                            + "; audit chains against the heads exported by then: "
                            + chains.answers(),
                    "database restored in %.1f s".formatted(restoredSeconds), lost == 0 && after == 0 && chains.passed(),
                    chains.samples()));
        }
        return rows;
    }

    /** Switches to a new WAL segment and waits until the one that ended is archived: everything written is then in the archive. */
    private static void archiveTheLastSegment(TestPostgres postgres) throws SQLException, InterruptedException {
        try (Connection connection = postgres.superuser();
                Statement sql = connection.createStatement();
                PreparedStatement archived = connection
                        .prepareStatement("select coalesce(last_archived_wal, '') >= ? from pg_stat_archiver")) {
            String segment;
            try (ResultSet switched = sql.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
                switched.next();
                segment = switched.getString(1);
            }
            archived.setString(1, segment);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (true) {
                try (ResultSet done = archived.executeQuery()) {
                    done.next();
                    if (done.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("WAL segment " + segment + " was not archived within " + LIMIT);
                }
                Thread.sleep(200); // polling the archiver's progress, bounded by the deadline
            }
        }
    }

    /**
     * A new server on a copy of the base backup that replays the archived WAL: to its end ({@code pointInTime} null) or
     * to the point in time, and then takes writes.
     */
    private TestPostgres restore(Path into, String pointInTime, String password) throws IOException, SQLException, InterruptedException {
        Folders.deleteTree(into);
        Path data = into.resolve("data");
        copy(base, data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------")); // PostgreSQL's requirement
        Files.writeString(data.resolve("recovery.signal"), "");
        StringBuilder recovery = new StringBuilder("\n# the restore drill\nrestore_command = 'cp \"")
                .append(archive.toAbsolutePath()).append("/%f\" \"%p\"'\n");
        if (pointInTime != null) {
            recovery.append("recovery_target_time = '").append(pointInTime).append("'\nrecovery_target_action = 'promote'\n");
        }
        Files.writeString(data.resolve("postgresql.auto.conf"), recovery, StandardOpenOption.APPEND);
        TestPostgres restored = TestPostgres.onData(into, password, Map.of("archive_mode", "off"));
        try (Connection connection = restored.superuser(); Statement sql = connection.createStatement()) {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (true) {
                try (ResultSet recovering = sql.executeQuery("select pg_is_in_recovery()")) {
                    recovering.next();
                    if (!recovering.getBoolean(1)) {
                        return restored;
                    }
                }
                if (System.nanoTime() > deadline) {
                    restored.close();
                    throw new IllegalStateException("the restored server " + into + " was still recovering after " + LIMIT);
                }
                Thread.sleep(200); // polling the end of recovery, bounded by the deadline
            }
        }
    }

    /** A copy of a data folder without its WAL (the archive brings it) and without the running server's own files. */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return dir.equals(from.resolve("pg_wal")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (!name.equals("postmaster.pid") && !name.equals("postmaster.opts") && !name.equals("epg-lock")) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException gone) {
                        // removed by the server while it was copied: the WAL replay recreates what is needed
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static String now(PortalDatabase db) throws SQLException {
        try (Connection connection = owner(db);
                Statement sql = connection.createStatement();
                ResultSet now = sql.executeQuery("select clock_timestamp()::text")) {
            now.next();
            return now.getString(1);
        }
    }

    private static long countItems(PortalDatabase db, List<Long> ids) throws SQLException {
        try (Connection connection = owner(db);
                PreparedStatement query = connection.prepareStatement("select count(*) from item where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static Connection owner(PortalDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
    }

    /** What the portal started on the restored database served. */
    private record Served(double readySeconds, int itemsRead, int attachments, int identical) {
    }

    /** The items written last, read through the API, and every attachment the caller may read, downloaded and compared. */
    private static Served served(Api api, PortalDatabase db, List<Long> items, double readySeconds) throws Exception {
        int read = 0;
        for (long id : items) {
            read += api.send("GET", "/items/" + id, null, null).status() == 200 ? 1 : 0;
        }
        int attachments = 0;
        int identical = 0;
        try (Connection connection = owner(db);
                Statement sql = connection.createStatement();
                ResultSet rows = sql
                        .executeQuery("select v.item_id, a.id, a.sha256 from attachment a join item_version v on v.id = a.version_id")) {
            while (rows.next()) {
                HttpResponse<byte[]> download = api.download("/items/" + rows.getLong(1) + "/attachments/" + rows.getLong(2));
                if (download.statusCode() == 200) {
                    attachments++;
                    identical += sha256(download.body()).equals(rows.getString(3)) ? 1 : 0;
                } else if (download.statusCode() != 403 && download.statusCode() != 404) {
                    attachments++; // neither served nor refused as not readable: counted, not identical
                }
            }
        }
        return new Served(readySeconds, read, attachments, identical);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every row of every table of the portal's schema (but Flyway's), as a digest of its text, per table. */
    record Inventory(Map<String, Set<String>> tables) {

        static Inventory of(PortalDatabase db) throws SQLException {
            Map<String, Set<String>> tables = new LinkedHashMap<>();
            try (Connection connection = owner(db); Statement sql = connection.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = sql
                        .executeQuery("select table_name from information_schema.tables where table_schema = current_schema()"
                                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                for (String name : names) {
                    Set<String> digests = new HashSet<>();
                    try (ResultSet rows = sql.executeQuery("select md5(t::text) from \"" + name.replace("\"", "") + "\" t")) {
                        while (rows.next()) {
                            digests.add(rows.getString(1));
                        }
                    }
                    tables.put(name, digests);
                }
            }
            return new Inventory(tables);
        }

        long size() {
            return tables.values().stream().mapToLong(Set::size).sum();
        }

        /** Rows of this inventory that {@code other} lacks. */
        long missingFrom(Inventory other) {
            long missing = 0;
            for (Map.Entry<String, Set<String>> table : tables.entrySet()) {
                Set<String> there = other.tables().getOrDefault(table.getKey(), Set.of());
                missing += table.getValue().stream().filter(row -> !there.contains(row)).count();
            }
            return missing;
        }

        String counts() {
            return "%,d items, %,d versions, %,d attachments, %,d audit events, %d tables".formatted(count("item"), count("item_version"),
                    count("attachment"), count("audit_event"), tables.size());
        }

        private int count(String table) {
            return tables.getOrDefault(table, Set.of()).size();
        }
    }
}
