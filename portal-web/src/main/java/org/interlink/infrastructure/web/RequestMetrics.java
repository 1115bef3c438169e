package org.interlink.infrastructure.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.interlink.caller.security.PortalAuthentication;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Times every page and API call as a whole (the filters, the work, the rendering and its compression; not the sign-in,
 * which the container runs before any filter), for the metrics an operator watches ({@code /metrics}, MicroProfile
 * Metrics, application scope):
 * <ul>
 *     <li>{@value #PAGE}, tagged with the page ({@code /items.xhtml}) and the status class ({@code 2xx} … {@code 5xx});
 *     a page's Ajax requests count as the page's;</li>
 *     <li>{@value #API}, tagged with the operation as the API documents it ({@code GET /items/{id}}, named by
 *     {@link org.interlink.infrastructure.rest.OperationName}) and the status class.</li>
 * </ul>
 * The tags come from closed sets, never from what a client sends: a page is one of the portal's own (listed once from the
 * application's files), anything else is {@value #OTHER}; an API request that matched no operation is {@value #OTHER}.
 * Static resources, the health checks and the metrics themselves are not timed. A request that ends in an exception
 * (answered by the container's error page after this filter) counts as {@code 5xx}.
 */
public class RequestMetrics extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The timer of the pages. */
    public static final String PAGE = "interlink.page.request";

    /** The timer of the API's operations. */
    public static final String API = "interlink.api.request";

    /** Request attribute holding the API operation that answered: the template it matched. */
    public static final String OPERATION = RequestMetrics.class.getName() + ".operation";

    /** The tag of a request that is none of the portal's pages or the API's operations. */
    public static final String OTHER = "other";

    private static final Metadata PAGES = Metadata.builder().withName(PAGE)
            .withDescription("Time to answer a request for one of the portal's pages (its Ajax requests included)")
            .withUnit(MetricUnits.SECONDS).build();
    private static final Metadata OPERATIONS = Metadata.builder().withName(API)
            .withDescription("Time to answer a call of an operation of the REST API").withUnit(MetricUnits.SECONDS).build();

    @Inject
    transient MetricRegistry registry;

    /** The portal's pages: the Faces views among its files. */
    private transient Set<String> pages;

    @Override
    public void init() throws ServletException {
        Set<String> found = new HashSet<>();
        addPages(getServletContext(), "/", found);
        pages = Set.copyOf(found);
    }

    private static void addPages(ServletContext context, String folder, Set<String> found) {
        Set<String> paths = context.getResourcePaths(folder);
        if (paths == null) {
            return;
        }
        for (String path : paths) {
            if (path.startsWith("/WEB-INF/") || path.startsWith("/META-INF/") || path.startsWith("/resources/")) {
                continue;
            }
            if (path.endsWith("/")) {
                addPages(context, path, found);
            } else if (path.endsWith(".xhtml")) {
                found.add(path);
            }
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // the container answers it with an error page after this filter: a failure, whatever the status set so far
            record(request, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
        record(request, response.getStatus(), Duration.ofNanos(System.nanoTime() - start));
    }

    private void record(HttpServletRequest request, int status, Duration took) {
        Tag statusClass = new Tag("status", status / 100 + "xx");
        if (PortalAuthentication.isApi(request)) {
            Object operation = request.getAttribute(OPERATION);
            registry.timer(OPERATIONS, new Tag("operation", operation instanceof String name ? name : OTHER), statusClass)
                    .update(took);
        } else if (request.getServletPath() != null && request.getServletPath().endsWith(".xhtml")) {
            String page = pages.contains(request.getServletPath()) ? request.getServletPath() : OTHER;
            registry.timer(PAGES, new Tag("page", page), statusClass).update(took);
        }
    }
}
