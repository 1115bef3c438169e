package org.interlink.caller.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.interlink.BusinessException;
import org.interlink.audit.control.RequestOrigin;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.control.TokenIdentity;
import org.interlink.caller.control.TokenIdentityHolder;
import org.interlink.caller.entity.AccessEnded;

import java.io.IOException;

/**
 * The API's requests, after the container authenticated them ({@link PortalAuthentication} with a bearer token):
 * notes where the request comes from (for the audit trail) and hands the token's identity to the caller resolution,
 * stateless, with the agency it names in {@value #AGENCY_HEADER} — no session. A token issued before an administrator
 * ended the person's access is refused (401) and counted like other refused tokens. A request for the API that
 * arrives signed in by anything but a bearer token is refused: the authentication mechanism never lets that happen,
 * and this makes sure of it. The pages' requests are {@link PageSessionFilter}'s.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD})
public class ApiIdentityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The header naming the agency an API caller with several agencies acts for. */
    public static final String AGENCY_HEADER = "Interlink-Agency";

    // transient: the container never serializes a filter or servlet (Serializable only through its base class)
    @Inject
    transient TokenIdentityHolder tokenIdentity;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    transient RequestOrigin origin;

    @Inject
    transient AnonymousRefusals refusals;

    @Inject
    transient ClientAddress clientAddress;

    @Inject
    transient ApiLimits limits;

    /**
     * Whether the request is the API's: authenticated by a bearer token, or asking for the API's path (a page
     * filter must never treat it as a page's, with a session).
     */
    static boolean isApiRequest(HttpServletRequest request) {
        return request.getAttribute(PortalAuthentication.IDENTITY) instanceof TokenIdentity
                || request.getDispatcherType() == DispatcherType.REQUEST && PortalAuthentication.isApi(request);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isApiRequest(request) || PortalAuthentication.isMetrics(request)) {
            // the metrics: a monitoring system's token, which acts for no agency and calls nothing of the API
            chain.doFilter(request, response);
            return;
        }
        origin.set(clientAddress.of(request), request.getHeader("User-Agent"));
        if (request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!(request.getAttribute(PortalAuthentication.IDENTITY) instanceof TokenIdentity apiIdentity)) {
            PortalAuthentication.writeUnauthorized(response, null, "The API takes bearer tokens only, never a session.");
            return;
        }
        String caller = apiIdentity.username().value();
        // once per request: an error page's dispatch of the same request is not another call
        boolean limited = request.getDispatcherType() == DispatcherType.REQUEST;
        ApiLimits.Admission admission = limited ? limits.admit(caller) : ApiLimits.Admission.ADMITTED;
        if (!admission.admitted()) {
            refuse(request, response, caller, admission);
            return;
        }
        try {
            // stateless: the agency (if the caller has several) named per request
            tokenIdentity.setStateless(apiIdentity, agencyHeader(request));
            try {
                currentCaller.get();
            } catch (AccessEnded ended) {
                // counted like other refused tokens: a system may keep sending one
                refusals.refused(clientAddress.of(request), request.getHeader("User-Agent"), RefusalReason.ACCESS_ENDED,
                        request.getMethod() + " " + request.getRequestURI() + " with a token of " + caller
                                + " issued before an administrator ended their access");
                PortalAuthentication.writeUnauthorized(response, "invalid_token", ended.getMessage());
                return;
            } catch (BusinessException refused) {
                // e.g. an agency header naming an agency the caller does not belong to: recorded, and the endpoint answers it
            }
            chain.doFilter(request, response);
        } finally {
            if (limited) {
                limits.done(caller, response.getStatus());
            }
        }
    }

    /**
     * Answers a call the limits do not admit: 429 (a limit of the caller: counted for the audit trail like the other
     * refusals of requests) or 503 (the portal busy: no decision about the caller), both with {@code Retry-After}.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String caller, ApiLimits.Admission admission) {
        if (admission.status() == 429) {
            refusals.refused(clientAddress.of(request), request.getHeader("User-Agent"), RefusalReason.THROTTLED,
                    caller + ": " + admission.detail() + " (" + request.getMethod() + " " + request.getRequestURI() + ")");
        }
        response.setStatus(admission.status());
        response.setHeader("Retry-After", Long.toString(admission.retryAfterSeconds()));
        PortalAuthentication.writeProblem(response, admission.problem(), admission.title(), admission.status(), admission.detail());
    }

    /** The agency an API caller acts for, from the {@value #AGENCY_HEADER} header (when they have several). */
    private static String agencyHeader(HttpServletRequest request) {
        String code = request.getHeader(AGENCY_HEADER);
        return code == null || code.isBlank() ? null : code.trim();
    }
}
