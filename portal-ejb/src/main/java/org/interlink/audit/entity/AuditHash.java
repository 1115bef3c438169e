package org.interlink.audit.entity;

import jakarta.json.spi.JsonProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical form of an audit event and its SHA-256. The form is a JSON object with the fields
 * always in the same order and every value JSON-escaped, so the same event always hashes the same,
 * wherever it is computed (the portal, the verifier, a command line).
 */
public final class AuditHash {

    /** The "previous hash" of the first event of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Looked up once: {@code Json.createValue} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A digest resets after {@code digest()}; one per thread saves looking the algorithm up per event. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(AuditHash::newSha256);

    private static final HexFormat HEX = HexFormat.of();

    private AuditHash() {
    }

    public static String of(String chain, long seq, AuditRecord record, String previousHash) {
        return sha256(canonical(chain, seq, record, previousHash));
    }

    /** The hash of an event as stored (the verifier reads the columns as they are). */
    public static String of(String chain, long seq, Instant at, String actor, String agency, String action, Long item,
            String owner, String outcome, String client, String agent, String purpose, String details,
            String previousHash) {
        return sha256(canonical(chain, seq, at, actor, agency, action, item, owner, outcome, client, agent, purpose, details,
                previousHash));
    }

    public static String canonical(String chain, long seq, AuditRecord r, String previousHash) {
        return canonical(chain, seq, r.at(), r.actor(), r.actorAgency(), r.action().name(), r.itemId(), r.itemOwner(),
                r.outcome().name(), r.clientAddress(), r.userAgent(), r.purpose(), r.details(), previousHash);
    }

    private static String canonical(String chain, long seq, Instant at, String actor, String agency, String action, Long item,
            String owner, String outcome, String client, String agent, String purpose, String details,
            String previousHash) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"chain\":");
        text(json, chain).append(",\"seq\":").append(seq).append(",\"at\":");
        text(json, AT.format(at)).append(",\"actor\":");
        text(json, actor).append(",\"agency\":");
        text(json, agency).append(",\"action\":");
        text(json, action).append(",\"item\":").append(item == null ? "null" : item.toString()).append(",\"owner\":");
        text(json, owner).append(",\"outcome\":");
        text(json, outcome).append(",\"client\":");
        text(json, client).append(",\"agent\":");
        text(json, agent).append(",\"purpose\":");
        text(json, purpose).append(",\"details\":");
        text(json, details).append(",\"prev\":");
        return text(json, previousHash).append('}').toString();
    }

    public static String format(Instant at) {
        return AT.format(at);
    }

    /** Appends {@code value} as a JSON string; text without quotes, backslashes or control characters as it is. */
    private static StringBuilder text(StringBuilder json, String value) {
        if (value == null) {
            return json.append("null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return json.append(JSON.createValue(value).toString());
            }
        }
        return json.append('"').append(value).append('"');
    }

    static String sha256(String text) {
        return HEX.formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
