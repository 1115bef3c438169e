package org.interlink.item.entity;

import java.util.Locale;
import java.util.Set;

/**
 * What files may be attached: at most {@code maxBytes}, and only the listed content types (the
 * documents, sheets, images and data files agencies exchange; never executables or HTML).
 */
public record AttachmentPolicy(long maxBytes, Set<String> contentTypes) {

    public static final Set<String> DEFAULT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "text/csv",
            "text/plain", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    public AttachmentPolicy {
        contentTypes = Set.copyOf(contentTypes);
    }

    /** @throws InvalidContent naming the limit the file breaks */
    void check(String filename, String contentType, long size) {
        if (filename == null || filename.isBlank()) {
            throw new InvalidContent("The file has no name.");
        }
        if (size == 0) {
            throw new InvalidContent("The file " + filename + " is empty.");
        }
        if (size > maxBytes) {
            throw new InvalidContent("The file " + filename + " is larger than " + (maxBytes / (1024 * 1024)) + " MB.");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (!contentTypes.contains(type)) {
            throw new InvalidContent("Files of type " + (type.isEmpty() ? "unknown" : type)
                    + " cannot be attached: attach PDF, Word, Excel, CSV, text, PNG or JPEG files.");
        }
    }

    /** The name without any folder part or control characters, at most 200 characters. */
    static String cleanName(String filename) {
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static String cleanType(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    }
}
