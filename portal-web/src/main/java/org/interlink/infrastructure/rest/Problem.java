package org.interlink.infrastructure.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An error as the API answers it ({@code application/problem+json}, RFC 9457): a stable
 * {@code type} per kind of error (see {@link ProblemMapper}), a short title, the HTTP status, and a
 * detail written for the developer of the calling system; {@code violations} lists each invalid
 * field of a refused body.
 */
@Schema(name = "Problem", description = "An error (application/problem+json)")
public record Problem(
        @Schema(description = "Stable identifier of the kind of error", example = "urn:interlink:problem:illegal-transition") String type,
        String title,
        int status,
        String detail,
        List<Violation> violations) {

    /** Prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:interlink:problem:";

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null);
    }

    /** One invalid field of a request body. */
    public record Violation(String field, String message) {
    }
}
