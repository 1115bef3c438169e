package org.interlink.drills;

import org.interlink.devstack.Folders;
import org.interlink.devstack.PortalDatabase;
import org.interlink.devstack.TestPostgres;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's disk full under the portal's writes: the records' table ({@code record_version}) and the attachments' store
 * ({@code attachment_content}) are moved to a tablespace on a small tmpfs, which is then filled up. Writes and uploads
 * through the API must be refused with the clear 503 {@code storage-full} problem, leave nothing behind (no item, no file,
 * no audit event of a refused write), leave an edited item as it was, and work again, without a restart of the portal,
 * once there is room.
 *
 * <p>Mounting a tmpfs needs root; the tablespace lives only in the drill's own PostgreSQL (a WAL replay of the restore
 * drill would look for the unmounted folder).
 */
final class DiskFullDrill {

    private static final int MAX_WRITES = 200;
    private static final Pattern FILE = Pattern.compile("\"attachments\":\\[\\{[^\\]]*?\"href\":\"([^\"]+)\"");

    private DiskFullDrill() {
    }

    /** Runs the drill on {@code stack}, whose database is {@code postgres}; the mount point is made under {@code folder}. */
    static FaultDrills.Row run(FaultDrills.Stack stack, TestPostgres postgres, Path folder) throws Exception {
        Path disk = Folders.created(folder.resolve("small-disk"));
        command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString());
        try {
            try (Connection connection = postgres.superuser(); Statement sql = connection.createStatement()) {
                sql.execute("create tablespace small_disk location '" + disk.toAbsolutePath().toString().replace("'", "''") + "'");
                sql.execute("grant create on tablespace small_disk to " + postgres.database().migrationUser());
            }
            try (Connection connection = owner(postgres.database()); Statement sql = connection.createStatement()) {
                sql.execute("alter table record_version set tablespace small_disk");
                sql.execute("alter table attachment_content set tablespace small_disk");
            }
            return underFullDisk(stack, postgres.database(), disk);
        } finally {
            // the table back on the main disk and the tablespace gone, so that the small disk can be unmounted
            Files.deleteIfExists(disk.resolve("filler"));
            try (Connection connection = owner(postgres.database()); Statement sql = connection.createStatement()) {
                sql.execute("alter table record_version set tablespace pg_default");
                sql.execute("alter table attachment_content set tablespace pg_default");
            }
            try (Connection connection = postgres.superuser(); Statement sql = connection.createStatement()) {
                sql.execute("drop tablespace if exists small_disk");
            }
            command("umount", "-l", disk.toString());
        }
    }

    private static FaultDrills.Row underFullDisk(FaultDrills.Stack stack, PortalDatabase db, Path disk) throws Exception {
        Api border = new Api(stack.url(), stack.border());
        Api.Answer draft = border.send("POST", "/records", FaultDrills.record("Kept as it was"), null);
        long draftId = draft.id();
        Path filler = fill(disk);
        List<String> unclear = new ArrayList<>();
        long itemsBefore = count(db, "select count(*) from item");
        long lastEvent = count(db, "select coalesce(max(id), 0) from audit_event");
        int written = 0;
        Api.Answer refused = null;
        for (int i = 0; i < MAX_WRITES && refused == null; i++) {
            Api.Answer created = border.send("POST", "/records", FaultDrills.record("On a full disk " + i), null);
            if (created.status() == 201) {
                written++; // room left in the table's pages
            } else {
                refused = created;
            }
        }
        boolean clear = refused != null && refused.status() == 503 && refused.body().contains("storage-full")
                && refused.contentType().startsWith("application/problem+json");
        if (!clear) {
            unclear.add("a write on the full disk: " + refused);
        }
        // a field of the record's own table changed too: an edit of the title alone would not write to the full disk
        Api.Answer edit = border.send("PUT", "/records/" + draftId,
                FaultDrills.record("Changed on a full disk").replace("Trebil border crossing", "Safwan border crossing"), draft.etag());
        if (!(edit.status() == 503 && edit.body().contains("storage-full"))) {
            unclear.add("an edit on the full disk: " + edit);
        }
        // a file uploaded to the draft: its bytes go to the full disk
        long filesBefore = count(db, "select count(*) from attachment_content");
        byte[] scan = scan();
        String upload = "/items/" + draftId + "/attachments?filename=scan.pdf";
        Api.Answer attach = border.upload(upload, scan, "application/pdf", draft.etag());
        if (!(attach.status() == 503 && attach.body().contains("storage-full"))) {
            unclear.add("an upload on the full disk: " + attach);
        }
        long filesLeft = count(db, "select count(*) from attachment_content") - filesBefore;
        Api.Answer after = border.send("GET", "/items/" + draftId, null, null);
        boolean unchanged = after.status() == 200 && draft.etag().equals(after.etag()) && after.body().contains("Kept as it was")
                && after.body().contains("\"attachments\":[]");
        long itemsLeft = count(db, "select count(*) from item") - itemsBefore - written;
        // a refused write leaves no event of its own: only the written ones' (one each)
        long eventsLeft = count(db, "select count(*) from audit_event where outcome = 'ALLOWED' and action in ('CREATE', 'UPDATE')"
                + " and id > " + lastEvent) - written;
        Files.delete(filler);
        Api.Answer again = border.send("POST", "/records", FaultDrills.record("Room again"), null);
        Api.Answer attachedAgain = border.upload(upload, scan, "application/pdf", draft.etag());
        boolean recovered = again.status() == 201 && attachedAgain.status() == 201
                && sameBytes(border, attachedAgain.body(), scan);
        return new FaultDrills.Row("PostgreSQL's disk full (the records' and the files' tablespace on a 2 MB tmpfs, filled)", "-", "-", "-",
                Long.toString(itemsLeft),
                ("%d writes fitted in the free space the table had, then: a new record %s, an edit %s, an upload of %d KiB %s; the"
                        + " edited item %s; items left by refused writes: %d, files: %d; their audit events left: %d (rolled back with"
                        + " them); unclear: %d")
                        .formatted(written, refused == null ? "never refused" : refused.status() + (clear ? " storage-full" : ""),
                                edit.status() + (edit.body().contains("storage-full") ? " storage-full" : ""), scan.length / 1024,
                                attach.status() + (attach.body().contains("storage-full") ? " storage-full" : ""),
                                unchanged ? "unchanged (same ETag, same title, no file)" : "CHANGED: " + after, itemsLeft, filesLeft,
                                eventsLeft, unclear.size()),
                recovered
                        ? "a write and the upload accepted at once when there was room again (the file downloaded identical), no restart"
                        : "NOT RECOVERED: " + again + " / " + attachedAgain,
                clear && unchanged && itemsLeft == 0 && filesLeft == 0 && eventsLeft == 0 && recovered && unclear.isEmpty(), unclear);
    }

    /** A 256 KiB file the portal takes for a PDF (its signature), of bytes that do not compress. */
    private static byte[] scan() {
        byte[] scan = new byte[256 * 1024];
        new Random(19).nextBytes(scan);
        byte[] signature = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(signature, 0, scan, 0, signature.length);
        return scan;
    }

    /** Whether the file the item document {@code item} names first downloads as {@code expected}. */
    private static boolean sameBytes(Api api, String item, byte[] expected) throws Exception {
        Matcher href = FILE.matcher(item);
        if (!href.find()) {
            return false;
        }
        HttpResponse<byte[]> file = api.download(href.group(1).substring(href.group(1).indexOf("/api/v1") + "/api/v1".length()));
        return file.statusCode() == 200 && Arrays.equals(file.body(), expected);
    }

    /** Fills the disk up: one file, written until there is no room left. */
    private static Path fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // no space left on the device: as meant
        }
        return filler;
    }

    private static long count(PortalDatabase db, String query) throws SQLException {
        try (Connection connection = owner(db); Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection owner(PortalDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.migrationUser(), db.migrationPassword());
    }

    private static void command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (it needs root): "
                    + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
