package org.interlink.item.entity;

import java.util.Locale;

/**
 * What an uploaded file is said and found to be, as media types without parameters: what the
 * client declared (its {@code Content-Type}, null when it said nothing), what the file's name says
 * (its extension) and what its bytes are. Only the last is evidence; the policy
 * ({@link AttachmentPolicy#typeOf}) requires the other two to agree with it, so that a file is
 * stored and served as what it really is, and opens in the program its name promises.
 */
public record AttachmentTypes(String declared, String byName, String byContent) {

    /** What a client sends when it does not know the type: the same as saying nothing. */
    public static final String UNKNOWN = "application/octet-stream";

    public AttachmentTypes {
        declared = clean(declared);
        byName = clean(byName);
        byContent = clean(byContent);
    }

    /** Lower case, without parameters ({@code text/csv; charset=UTF-8} is {@code text/csv}); null or blank is null. */
    static String clean(String type) {
        if (type == null) {
            return null;
        }
        String bare = type.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return bare.isEmpty() ? null : bare;
    }

    /** Whether the client said what it sends (a browser that does not know says {@value #UNKNOWN}). */
    boolean isDeclared() {
        return declared != null && !UNKNOWN.equals(declared);
    }
}
