package org.interlink.item.entity;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * What files may be attached: at most {@code maxBytes}, and only the listed content types (the
 * documents, sheets, images and data files agencies exchange; never executables or HTML).
 * <p>
 * The type is what the file's bytes are, not what the client says: an upload is read against the
 * limit ({@link #read}), its bytes' type is found (by the boundary) and then {@link #typeOf} decides
 * what it is stored as. The client's declared type and the file name's extension must agree with the
 * bytes, so a program or a web page named {@code report.pdf} is refused rather than stored and
 * served to a partner agency as a PDF. Where the bytes cannot tell two allowed types apart, the name
 * decides: a text file named {@code .csv} is CSV. Declared types that browsers send for the same
 * thing count as the same ({@link #DECLARED_ALIKE}).
 */
public record AttachmentPolicy(long maxBytes, Set<String> contentTypes) {

    public static final Set<String> DEFAULT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "text/csv",
            "text/plain", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /**
     * The declared types that mean the same file as the stored type: names in use besides the
     * registered one (browsers on Windows declare a {@code .csv} as {@code application/vnd.ms-excel}
     * when Excel is installed), and CSV and plain text for each other (a CSV is text; which of the
     * two a browser says depends on its operating system).
     */
    static final Map<String, Set<String>> DECLARED_ALIKE = Map.of(
            "text/csv", Set.of("text/plain", "application/csv", "text/x-csv", "text/comma-separated-values",
                    "application/vnd.ms-excel"),
            "text/plain", Set.of("text/csv"),
            "application/pdf", Set.of("application/x-pdf"),
            "image/png", Set.of("image/x-png"),
            "image/jpeg", Set.of("image/pjpeg", "image/jpg"));

    /** Types the bytes cannot tell from a more general one: the name's type is taken when it is one of these. */
    private static final Map<String, Set<String>> NAME_DECIDES = Map.of("text/plain", Set.of("text/csv"));

    private static final int CHUNK = 8192;

    public AttachmentPolicy {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the largest attachment is held in memory: 1 byte to 2 GB");
        }
        contentTypes = Set.copyOf(contentTypes);
    }

    /**
     * A file that is no item's (an agreement's signed document), checked as an attachment is: its clean name and type.
     *
     * @throws InvalidContent when it is refused
     */
    public NamedFile accept(String filename, String contentType, long size) {
        check(filename, contentType, size);
        return new NamedFile(cleanName(filename), cleanType(contentType));
    }

    /** A file's name and content type as they are stored. */
    public record NamedFile(String name, String type) {
    }

    /** @throws InvalidContent when the file has no name (nothing is read then) */
    public void checkName(String filename) {
        if (filename == null || filename.isBlank()) {
            throw new InvalidContent("The file has no name.", "attachment.noName");
        }
    }

    /**
     * Reads an upload into memory while counting and hashing it, and stops as soon as it is larger
     * than the limit: never more than {@code maxBytes + 1} bytes are read from {@code in} or held,
     * however long the stream is.
     *
     * @throws InvalidContent when the file is larger than the limit or empty
     */
    public AttachmentContent read(String filename, InputStream in) {
        MessageDigest sha256 = AttachmentContent.newDigest();
        byte[] held = new byte[(int) Math.min(maxBytes, CHUNK)];
        int size = 0;
        try {
            while (true) {
                if (size == held.length) {
                    if (size == maxBytes) {
                        // the limit is reached: one byte more says the file is too large
                        if (in.read() >= 0) {
                            throw tooLarge(filename);
                        }
                        break;
                    }
                    held = Arrays.copyOf(held, (int) Math.min(maxBytes, 2L * held.length));
                }
                int n = in.read(held, size, held.length - size);
                if (n < 0) {
                    break;
                }
                sha256.update(held, size, n);
                size += n;
            }
        } catch (IOException e) {
            // the client stopped sending (or the connection broke): a refused upload, not a fault of the portal
            throw new InvalidContent("The file " + filename + " was not received whole; send it again.", "attachment.broken",
                    filename);
        }
        if (size == 0) {
            throw new InvalidContent("The file " + filename + " is empty.", "attachment.empty", filename);
        }
        return AttachmentContent.read(HexFormat.of().formatHex(sha256.digest()),
                size == held.length ? held : Arrays.copyOf(held, (int) size));
    }

    /**
     * The type the file is stored and served as: the type of its bytes, where the name's and the
     * declared type agree with it.
     *
     * @throws InvalidContent naming what is wrong: a type that is not allowed (or not recognised), a
     *                        name whose extension says another type, a declared type that is another one
     */
    public String typeOf(String filename, AttachmentTypes types) {
        String found = types.byContent() == null ? AttachmentTypes.UNKNOWN : types.byContent();
        String type = NAME_DECIDES.getOrDefault(found, Set.of()).contains(types.byName()) ? types.byName() : found;
        if (AttachmentTypes.UNKNOWN.equals(type)) {
            throw new InvalidContent("The content of " + filename + " is of no type the portal recognises: attach PDF, Word,"
                    + " Excel, CSV, text, PNG or JPEG files.", "attachment.unrecognised", filename);
        }
        if (!contentTypes.contains(type)) {
            throw notAllowed(filename, type);
        }
        if (!type.equals(types.byName())) {
            throw new InvalidContent("The name " + filename + " does not fit what the file holds (" + type
                    + "): name it with the extension of its type. Nothing was attached.", "attachment.nameMismatch", filename, type);
        }
        if (types.isDeclared() && !type.equals(types.declared())
                && !DECLARED_ALIKE.getOrDefault(type, Set.of()).contains(types.declared())) {
            throw new InvalidContent("The file " + filename + " was sent as " + types.declared() + " but holds " + type
                    + ". Nothing was attached.", "attachment.declaredMismatch", filename, types.declared(), type);
        }
        return type;
    }

    /** @throws InvalidContent naming the limit the file breaks */
    void check(String filename, String contentType, long size) {
        checkName(filename);
        if (size == 0) {
            throw new InvalidContent("The file " + filename + " is empty.", "attachment.empty", filename);
        }
        if (size > maxBytes) {
            throw tooLarge(filename);
        }
        String type = cleanType(contentType);
        if (!contentTypes.contains(type)) {
            throw notAllowed(filename, type.isEmpty() ? "unknown" : type);
        }
    }

    private InvalidContent tooLarge(String filename) {
        long megabytes = maxBytes / (1024 * 1024);
        return new InvalidContent("The file " + filename + " is larger than " + megabytes + " MB. Nothing was attached.",
                "attachment.tooLarge",
                filename, megabytes);
    }

    private static InvalidContent notAllowed(String filename, String type) {
        return new InvalidContent("The file " + filename + " holds " + type + ", which cannot be attached: attach PDF, Word,"
                + " Excel, CSV, text, PNG or JPEG files.", "attachment.typeNotAllowed", filename, type);
    }

    /** The name without any folder part or control characters, at most 200 characters. */
    static String cleanName(String filename) {
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}\"]", "").trim();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** As {@link AttachmentTypes#clean}, with "" for no type. */
    static String cleanType(String contentType) {
        String type = AttachmentTypes.clean(contentType);
        return type == null ? "" : type;
    }
}
