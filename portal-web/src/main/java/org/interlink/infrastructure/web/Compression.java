package org.interlink.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import org.omnifaces.filter.GzipResponseFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Gzip for what may be compressed without telling an eavesdropper anything (OmniFaces' {@link GzipResponseFilter},
 * outermost filter in web.xml): scripts, styles and fonts, which are public and the same for everyone; the API, which
 * a browser cannot be made to call as its user (bearer tokens); and pages only when the browser says the request came
 * from the portal itself, from the same site or from the person ({@code Sec-Fetch-Site} {@code same-origin},
 * {@code same-site}, {@code none}). A page asked for by another site's page (or by a client that does not say) is sent
 * uncompressed: compressing records next to text that site chose (a search) is what a BREACH-style attack measures
 * (docs/security.md).
 *
 * <p>A {@code Content-Length} set as a header (OmniFaces' {@code Faces.sendFile} does) reaches the compressing
 * response as a length, which it drops when it compresses: a header with the uncompressed length would leave the
 * browser waiting for bytes that never come.
 */
public class Compression extends GzipResponseFilter {

    private static final Set<String> ALWAYS = Set.of("/jakarta.faces.resource/", "/webjars/", "/api/", "/openapi");
    private static final Set<String> OWN_REQUESTS = Set.of("same-origin", "same-site", "none");

    @Override
    public void doFilter(HttpServletRequest request, HttpServletResponse response, HttpSession session, FilterChain chain)
            throws ServletException, IOException {
        if (!compressible(request)) {
            chain.doFilter(request, response);
            return;
        }
        super.doFilter(request, response, session, (req, res) -> chain.doFilter(req, new LengthAsLength((HttpServletResponse) res)));
    }

    static boolean compressible(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String site = request.getHeader("Sec-Fetch-Site");
        // Set.of(...).contains(null) throws: a client that does not say gets the page uncompressed
        return ALWAYS.stream().anyMatch(path::startsWith) || site != null && OWN_REQUESTS.contains(site);
    }

    /** Turns a {@code Content-Length} header into the length the compressing response knows what to do with. */
    static final class LengthAsLength extends HttpServletResponseWrapper {

        LengthAsLength(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!asLength(name, value)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!asLength(name, value)) {
                super.addHeader(name, value);
            }
        }

        private boolean asLength(String name, String value) {
            boolean length = "Content-Length".equalsIgnoreCase(name) && value != null;
            if (length) {
                setContentLengthLong(Long.parseLong(value.trim()));
            }
            return length;
        }
    }
}
