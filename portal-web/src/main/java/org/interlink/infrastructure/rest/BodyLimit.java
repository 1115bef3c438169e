package org.interlink.infrastructure.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Refuses request bodies over {@code interlink.api.max-body-bytes} (1 MiB; not a file's upload, which the attachment
 * policy limits) with 413: at once when
 * Content-Length says so, otherwise as soon as the body read passes the limit (chunked bodies).
 * The rest of the body is read and dropped (up to {@value #DRAIN_BYTES} bytes) before answering:
 * a client that sends its whole body before reading the answer would otherwise wait for a server
 * that no longer reads.
 */
@Provider
public class BodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "interlink.api.max-body-bytes", defaultValue = "1048576")
    long maxBytes;

    static final long DRAIN_BYTES = 16L * 1024 * 1024;

    private static final Pattern UPLOAD = Pattern.compile("/?(items/[^/]+/attachments|agreements/[^/]+/document)/?");

    @Override
    public void filter(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && UPLOAD.matcher(request.getUriInfo().getPath()).matches()) {
            // a file's upload: read by the attachment policy inside the change, once the caller may attach, up to
            // interlink.attachments.max-bytes and one byte; a larger file is a refused change, recorded as every other
            return;
        }
        if (request.getLength() > maxBytes) {
            drain(request.getEntityStream());
            throw tooLarge(maxBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
        }
    }

    /**
     * Reads and drops what is left of a body (up to {@value #DRAIN_BYTES} bytes), so that a client still sending it hears
     * the answer.
     */
    public static void drain(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (long dropped = 0; dropped < DRAIN_BYTES;) {
                int n = body.read(buffer);
                if (n < 0) {
                    return;
                }
                dropped += n;
            }
        } catch (IOException e) {
            // the client went away: nothing left to answer
        }
    }

    static ApiRefusal tooLarge(long maxBytes) {
        return new ApiRefusal("body-too-large", "The body is too large", 413,
                "Request bodies are limited to " + maxBytes + " bytes.");
    }

    /** Counts what is read and fails past the limit. */
    static final class Limited extends FilterInputStream {

        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                drain(in);
                throw tooLarge(max);
            }
        }
    }
}
