package org.interlink.caller.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.interlink.BusinessException;
import org.interlink.audit.boundary.Sessions;
import org.interlink.notification.boundary.Notifications;
import org.interlink.audit.control.RequestOrigin;
import org.interlink.caller.control.RefusalReason;
import org.interlink.caller.control.TokenIdentity;
import org.interlink.caller.control.TokenIdentityHolder;
import org.interlink.caller.entity.AccessEnded;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;
import org.omnifaces.util.Servlets;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs after the container authenticated the request: notes where the request comes from (for the
 * audit trail), ends a session whose access an administrator ended after its sign-in (disabled, roles
 * or agencies changed: {@link AccessEnded}, for pages and API calls alike, recorded), hands the token's identity to the caller resolution (an API
 * call's from its bearer token, with the agency it names in {@value #AGENCY_HEADER}, and nothing else: no session), records the sign-in on the
 * first request of a session and a page the roles refused (403), then sends a caller who belongs to
 * several agencies to choose one, and a caller who belongs to none to the page that says so (recorded
 * once per session: every page they open is sent there). Pages that must work in those states are let through.
 * A request for the API that arrives signed in by anything but a bearer token is refused: the
 * authentication mechanism never lets that happen, and this makes sure of it.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD})
public class CallerGate extends HttpFilter {

    /** The header naming the agency an API caller with several agencies acts for. */
    public static final String AGENCY_HEADER = "Interlink-Agency";
    static final String SELECT_AGENCY = "/select-agency.xhtml";
    private static final String SIGNED_IN = CallerGate.class.getName() + ".signedIn";
    private static final String NO_AGENCY_RECORDED = CallerGate.class.getName() + ".noAgencyRecorded";
    static final String NO_AGENCY = "/no-agency.xhtml";
    static final String SIGNED_OUT = "/signed-out.xhtml";
    private static final String RESOURCES = "/jakarta.faces.resource/";
    private static final List<String> ALWAYS_OPEN = List.of(SELECT_AGENCY, NO_AGENCY, SIGNED_OUT,
            "/error/", RESOURCES, "/callback");

    @Inject
    OpenIdContext openIdContext;

    @Inject
    TokenIdentityHolder tokenIdentity;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RequestOrigin origin;

    @Inject
    Sessions sessions;

    @Inject
    Notifications notifications;

    @Inject
    AnonymousRefusals refusals;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.set(request.getRemoteAddr(), request.getHeader("User-Agent"));
        if (request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getAttribute(PortalAuthentication.IDENTITY) instanceof TokenIdentity apiIdentity) {
            // an API call: stateless, the agency (if the caller has several) named per request
            tokenIdentity.setStateless(apiIdentity, agencyHeader(request));
            try {
                currentCaller.get();
            } catch (AccessEnded ended) {
                // counted like other refused tokens: a system may keep sending one
                refusals.refused(request.getRemoteAddr(), request.getHeader("User-Agent"), RefusalReason.ACCESS_ENDED,
                        request.getMethod() + " " + request.getRequestURI() + " with a token of " + apiIdentity.username()
                                + " issued before an administrator ended their access");
                PortalAuthentication.writeUnauthorized(response, "invalid_token", ended.getMessage());
                return;
            } catch (BusinessException refused) {
                // e.g. an agency header naming an agency the caller does not belong to: recorded, and the endpoint answers it
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && PortalAuthentication.isApi(request)) {
            PortalAuthentication.writeUnauthorized(response, null, "The API takes bearer tokens only, never a session.");
            return;
        }
        tokenIdentity.set(identity(request));
        if (request.getDispatcherType() == DispatcherType.REQUEST && !isResource(request)) {
            try {
                currentCaller.get();
            } catch (AccessEnded ended) {
                // an administrator ended this person's access since they signed in: this session is over
                sessions.accessEnded(tokenIdentity.get().orElseThrow().username(), request.getRemoteAddr(),
                        "session refused: signed in before an administrator ended their access; sent to sign in again");
                request.getSession().invalidate();
                Servlets.facesRedirect(request, response, request.getContextPath() + SIGNED_OUT + "?ended=true");
                return;
            }
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && request.getSession().getAttribute(SIGNED_IN) == null) {
            request.getSession().setAttribute(SIGNED_IN, Boolean.TRUE);
            sessions.signedIn(currentCaller.get());
            notifications.signedIn(currentCaller.get(), email());
        }
        if (request.getDispatcherType() == DispatcherType.ERROR
                && Integer.valueOf(403).equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))) {
            sessions.pageRefused(currentCaller.get(), String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && !alwaysOpen(request)) {
            Caller caller = currentCaller.get();
            if (caller.isWithoutAgency()) {
                if (request.getSession().getAttribute(NO_AGENCY_RECORDED) == null) {
                    request.getSession().setAttribute(NO_AGENCY_RECORDED, Boolean.TRUE);
                    sessions.refused(caller, "pages refused: " + caller.username() + " belongs to no active agency of the portal "
                            + "(sent to the no-agency page; recorded once per session)");
                }
                Servlets.facesRedirect(request, response, request.getContextPath() + NO_AGENCY);
                return;
            }
            if (caller.mustChooseAgency()) {
                Servlets.facesRedirect(request, response, request.getContextPath() + SELECT_AGENCY
                        + "?next=" + URLEncoder.encode(Servlets.getRequestURIWithQueryString(request), StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The agency an API caller acts for, from the {@value #AGENCY_HEADER} header (when they have several). */
    private static String agencyHeader(HttpServletRequest request) {
        String code = request.getHeader(AGENCY_HEADER);
        return code == null || code.isBlank() ? null : code.trim();
    }

    private TokenIdentity identity(HttpServletRequest request) {
        JwtClaims claims = openIdContext.getIdentityToken().getJwtClaims();
        Set<String> roles = new HashSet<>(claims.getArrayStringClaim("roles"));
        Set<String> organizations = new HashSet<>(claims.getArrayStringClaim("organization"));
        String name = claims.getStringClaim("name").orElse(request.getUserPrincipal().getName());
        Instant signedIn = claims.getIssuedAt().orElseThrow(() -> new IllegalStateException("identity token without iat"));
        PersonId subject = new PersonId(claims.getSubject().orElseThrow(() -> new IllegalStateException("identity token without sub")));
        return new TokenIdentity(subject, new Username(request.getUserPrincipal().getName()), name, roles, organizations, signedIn);
    }

    /** The e-mail address the identity token names, if any (notifications are e-mailed to it). */
    private String email() {
        return openIdContext.getIdentityToken().getJwtClaims().getStringClaim("email").orElse(null);
    }

    /** Styles and scripts hold no data: they are served without asking whether the session still counts. */
    private static boolean isResource(HttpServletRequest request) {
        return path(request).startsWith(RESOURCES);
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private static boolean alwaysOpen(HttpServletRequest request) {
        String path = path(request);
        return ALWAYS_OPEN.stream().anyMatch(open -> open.endsWith("/") ? path.startsWith(open) : path.equals(open));
    }
}
