package org.interlink.audit.entity;

import jakarta.json.Json;

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

    private AuditHash() {
    }

    public static String of(String chain, long seq, AuditRecord record, String previousHash) {
        return sha256(canonical(chain, seq, record, previousHash));
    }

    public static String canonical(String chain, long seq, AuditRecord r, String previousHash) {
        return "{\"chain\":" + text(chain)
                + ",\"seq\":" + seq
                + ",\"at\":" + text(AT.format(r.at()))
                + ",\"actor\":" + text(r.actor())
                + ",\"agency\":" + text(r.actorAgency())
                + ",\"action\":" + text(r.action().name())
                + ",\"item\":" + (r.itemId() == null ? "null" : r.itemId().toString())
                + ",\"owner\":" + text(r.itemOwner())
                + ",\"outcome\":" + text(r.outcome().name())
                + ",\"client\":" + text(r.clientAddress())
                + ",\"agent\":" + text(r.userAgent())
                + ",\"purpose\":" + text(r.purpose())
                + ",\"details\":" + text(r.details())
                + ",\"prev\":" + text(previousHash) + "}";
    }

    public static String format(Instant at) {
        return AT.format(at);
    }

    private static String text(String value) {
        return value == null ? "null" : Json.createValue(value).toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
