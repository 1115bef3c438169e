package org.interlink.audit.control;

import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.ChainVerification;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The command-line trigger of audit chain verification, for an operator or a scheduler outside the
 * portal: it walks every chain of the database (or the ones named) with {@link ChainVerifier},
 * against the head export file when one is given, prints one line per chain and exits with 1 when a
 * chain is broken (2 when it cannot read the trail). Read-only: the portal's role is enough.
 *
 * <p>Settings are the portal's own: {@code interlink.db.url}, {@code interlink.db.user} (system
 * properties), the password in {@code INTERLINK_DB_PASSWORD} (environment) and optionally
 * {@code interlink.audit.head-export-file}. Arguments, if any, name the chains (e.g. {@code iq-moi/3}) or
 * agencies (all their chains) to verify.
 */
public final class VerifyAuditChains {

    private VerifyAuditChains() {
    }

    public static void main(String[] args) {
        String url = System.getProperty("interlink.db.url");
        if (url == null || url.isBlank()) {
            System.err.println("Set -Dinterlink.db.url (and -Dinterlink.db.user, INTERLINK_DB_PASSWORD).");
            System.exit(2);
        }
        String heads = System.getProperty("interlink.audit.head-export-file");
        System.exit(run(url, System.getProperty("interlink.db.user"), System.getenv("INTERLINK_DB_PASSWORD"),
                heads == null || heads.isBlank() ? null : Path.of(heads), List.of(args), System.out));
    }

    /** Verifies and reports; returns the exit status (0 intact, 1 broken, 2 unreadable). */
    public static int run(String url, String user, String password, Path headExport, List<String> only, PrintStream out) {
        Map<String, ChainVerifier.ExportedHead> exported = headExport == null ? Map.of() : HeadExport.read(headExport);
        out.println(headExport == null
                ? "No head export file given: events removed at the end of a chain, or a chain rewritten as a whole, cannot be found."
                : "Checking against " + exported.size() + " exported chain heads in " + headExport);
        ExecutorService pool = Executors.newFixedThreadPool(ChainVerifier.PARTS);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            boolean broken = false;
            for (String chain : ChainVerifier.chains(connection, exported)) {
                if (only.isEmpty() || only.contains(chain) || only.contains(AuditChainHead.ownerOf(chain))) {
                    ChainVerification verification = ChainVerifier.verify(
                            () -> DriverManager.getConnection(url, user, password), chain, exported, pool, ChainVerifier.PARTS);
                    out.println(verification);
                    broken |= !verification.intact();
                }
            }
            return broken ? 1 : 0;
        } catch (SQLException e) {
            StringBuilder why = new StringBuilder(e.getMessage());
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                why.append(" / ").append(cause);
            }
            out.println("Could not read the audit trail: " + why);
            return 2;
        } finally {
            pool.shutdownNow();
        }
    }
}
