package org.interlink.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.audit.entity.AuditHash;
import org.interlink.infrastructure.persistence.ScheduledWork;
import org.interlink.infrastructure.persistence.SchemaMigration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Exports the head (last sequence number and hash) of every audit chain, on a schedule, to a sink
 * outside the database: an append-only file of JSON lines ({@code interlink.audit.head-export-file},
 * every {@code interlink.audit.head-export-minutes}). Whoever rewrites the audit table and its heads
 * cannot rewrite what was exported; verification compares the two.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HeadExport {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(HeadExport.class.getName());

    @Resource
    TimerService timers;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ScheduledWork scheduledWork;

    @Inject
    @ConfigProperty(name = "interlink.audit.head-export-minutes", defaultValue = "5")
    int minutes;

    @Inject
    @ConfigProperty(name = "interlink.audit.head-export-file", defaultValue = "interlink-audit-heads.jsonl")
    String fileName;

    @PostConstruct
    void schedule() {
        long interval = minutes * 60_000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("audit head export", false));
    }

    /**
     * The scheduled export. A failure (the database down or stalled, the file not writable) is logged and the next interval
     * tries again: thrown out of the timer twice, it would make Payara drop the timer, and no head would be exported again
     * until a restart (seen in the stall drill).
     */
    @Timeout
    void onSchedule() {
        try {
            // once per interval however many nodes run the portal
            if (scheduledWork.claim("audit head export", Duration.ofMinutes(minutes))) {
                export();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "audit chain heads not exported this time (next try in " + minutes + " min): " + e, e);
        }
    }

    /** Appends the current head of every chain to the sink; returns how many chains it wrote. */
    public int export() {
        String at = AuditHash.format(Instant.now(clock));
        StringBuilder lines = new StringBuilder();
        int chains = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement sql = connection.prepareStatement("select e.chain, e.seq, e.hash from audit_chain c "
                        + "join audit_event e on e.chain = c.chain and e.seq = (select max(seq) from audit_event where chain = c.chain) "
                        + "order by e.chain");
                ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                lines.append(JSON.createObjectBuilder().add("at", at).add("chain", rows.getString(1))
                        .add("seq", rows.getLong(2)).add("hash", rows.getString(3)).build()).append('\n');
                chains++;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain heads", e);
        }
        try {
            Path file = file();
            Path folder = file.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit head export", e);
        }
        int written = chains;
        LOG.fine(() -> "exported the heads of " + written + " audit chains");
        return chains;
    }

    /** The last exported head of each chain. */
    public Map<String, ChainVerifier.ExportedHead> lastExported() {
        return read(file());
    }

    /** The last head of each chain in an export file (none when there is no file yet). */
    public static Map<String, ChainVerifier.ExportedHead> read(Path file) {
        Map<String, ChainVerifier.ExportedHead> heads = new HashMap<>();
        if (!Files.exists(file)) {
            return heads;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                if (!line.isBlank()) {
                    JsonObject head = JSON.createReader(new StringReader(line)).readObject();
                    heads.put(head.getString("chain"), new ChainVerifier.ExportedHead(head.getString("chain"),
                            head.getJsonNumber("seq").longValue(), head.getString("hash"), head.getString("at")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return heads;
    }

    public Path file() {
        Path file = Path.of(fileName);
        return file.isAbsolute() ? file : Path.of(System.getProperty("java.io.tmpdir")).resolve(file);
    }
}
