package org.interlink.infrastructure.web;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.interlink.infrastructure.persistence.DatabaseOutage;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * While the database cannot be reached, a page is answered 503 with the "try again" page
 * ({@code /error/unavailable.xhtml}, which needs no database) and {@code Retry-After}, never the error
 * page of a fault of the portal; an API call that fails before the API's own mapping (in a filter) gets
 * the API's problem document. The first filter of every request (web.xml), so it also sees what the
 * other filters throw.
 */
public class DatabaseOutageFilter extends HttpFilter {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * Request attribute naming what is unavailable for the 503 page: absent, the database; {@code sign-in}, Keycloak
     * (set by the authentication before it answers 503).
     */
    public static final String UNAVAILABLE = "interlink.unavailable";

    /** Request attribute: the page the "try again" link opens again (a path of the portal's own). */
    public static final String RETRY = "interlink.retry";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseOutageFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.among(e) || response.isCommitted()) {
                throw e;
            }
            LOG.log(Level.WARNING, "a request refused: the database is unreachable", e);
            response.resetBuffer();
            answer(request, response);
        }
    }

    /**
     * Answers that the database cannot be reached: an API call with its problem document, a page with the "try again"
     * page; both 503 with {@code Retry-After}. Also used where authentication (before any filter) meets the outage.
     */
    public static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.createObjectBuilder().add("type", "urn:interlink:problem:database-unavailable")
                    .add("title", "The database is unavailable").add("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                    .add("detail", DatabaseOutage.DETAIL).build().toString());
            // written now: an answer left in the buffer would be replaced by the container's error page
            response.flushBuffer();
        } else {
            sendTryAgain(request, response);
        }
    }

    /** Answers 503 with the "try again" page, whose link opens the page asked for again. */
    public static void sendTryAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = request.getRequestURI();
        // never a link a browser would take for another host (//host, /\host)
        boolean own = uri != null && uri.startsWith("/") && !uri.startsWith("//") && !uri.startsWith("/\\");
        request.setAttribute(RETRY, own ? uri : request.getContextPath() + "/");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
