package org.interlink.infrastructure.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.caller.security.OpenIdSettings;
import org.interlink.caller.security.PortalAuthentication;

import java.net.URI;

/**
 * The headers every answer of the portal carries, whatever wrote it (a page, an error page, a
 * download, the API, the sign-in's redirects): no sniffing, no referrer, never in a frame, a
 * Content-Security-Policy, and over HTTPS ({@code interlink.https}) Strict-Transport-Security.
 *
 * <p>Two policies. Pages get {@link #getPagePolicy()}: scripts only from the portal itself and, on
 * Faces pages, the inline ones PrimeFaces marks with the response's nonce (PrimeFaces' CSP mode,
 * {@code primefaces.CSP}, appends {@code 'nonce-…'} to this policy, which therefore ends with its
 * {@code script-src}); no {@code unsafe-eval}, no inline event handlers; forms post only to the
 * portal and to Keycloak (signing out goes there). Styles may be inline: PrimeFaces' components set
 * style attributes. Everything else (API answers, downloads) gets {@link #DATA_POLICY}: nothing may
 * run or load, and a file opened in the browser is sandboxed.
 */
@ApplicationScoped
@Named
public class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";
    /** For answers that are data, not pages: nothing loads or runs, not even in a frame. */
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";
    private static final String DOWNLOADS = "/attachments/";

    @Inject
    @ConfigProperty(name = "interlink.https", defaultValue = "false")
    boolean https;

    @Inject
    OpenIdSettings openId;

    /** The policy of the pages; it ends with {@code script-src}, to which PrimeFaces adds the nonce of each Faces answer. */
    public String getPagePolicy() {
        return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + origin(openId.getRealmUrl()) + "; "
                + "frame-ancestors 'none'; script-src 'self'";
    }

    /** Whether the portal is served over HTTPS: then HSTS on every answer and Secure cookies. */
    public boolean https() {
        return https;
    }

    /** Sets the headers on an answer (again if need be: each is set, never added). */
    public void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader(CSP, isData(request) ? DATA_POLICY : getPagePolicy());
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private static boolean isData(HttpServletRequest request) {
        String path = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return PortalAuthentication.isBearerOnly(request) || path.startsWith(DOWNLOADS);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
