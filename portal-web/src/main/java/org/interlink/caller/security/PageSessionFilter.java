package org.interlink.caller.security;

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
import org.interlink.audit.boundary.Sessions;
import org.interlink.audit.control.RequestOrigin;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.control.TokenIdentity;
import org.interlink.caller.control.TokenIdentityHolder;
import org.interlink.caller.entity.AccessEnded;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.notification.boundary.Notifications;
import org.omnifaces.util.Servlets;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pages' requests, after the container authenticated them (a portal session signed in through Keycloak): notes
 * where the request comes from (for the audit trail), sends a sign-in that has just succeeded on to the page asked
 * for ({@link PortalAuthentication#LANDING}), hands the sign-in's identity to the caller resolution, registers a
 * session's sign-in ({@link SignedInSessions}) and records it on the session's first request, ends a session past its
 * absolute lifetime, once Keycloak no longer counts the person a member of an agency of the sign-in, or whose access
 * an administrator ended after its sign-in ({@link AccessEnded}, recorded), records a page the roles refused (403),
 * then sends a caller who belongs to several agencies to choose one, a caller who belongs to none to the page that says
 * so (recorded once per session), and a caller without the second factor a page needs, or without a recent one for
 * administration, to the page that asks for it. Pages that must work in those states are let through. The API's
 * requests are {@link ApiIdentityFilter}'s.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD})
public class PageSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String SELECT_AGENCY = "/select-agency.xhtml";
    private static final String SIGNED_IN = PageSessionFilter.class.getName() + ".signedIn";
    private static final String NO_AGENCY_RECORDED = PageSessionFilter.class.getName() + ".noAgencyRecorded";
    static final String NO_AGENCY = "/no-agency.xhtml";
    static final String SIGNED_OUT = "/signed-out.xhtml";
    static final String SECOND_FACTOR = "/second-factor.xhtml";
    private static final String RESOURCES = "/jakarta.faces.resource/";
    private static final List<String> ALWAYS_OPEN = List.of(SELECT_AGENCY, NO_AGENCY, SIGNED_OUT,
            "/error/", RESOURCES, "/callback", BackChannelLogout.PATH);

    // transient: the container never serializes a filter or servlet (Serializable only through its base class)
    @Inject
    transient OpenIdContext openIdContext;

    @Inject
    transient TokenIdentityHolder tokenIdentity;

    @Inject
    transient CurrentCaller currentCaller;

    @Inject
    transient RequestOrigin origin;

    @Inject
    transient ClientAddress clientAddress;

    @Inject
    transient Sessions sessions;

    @Inject
    transient Notifications notifications;

    @Inject
    transient SignedInSessions signedInSessions;

    @Inject
    transient OpenIdSettings openIdSettings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ApiIdentityFilter.isApiRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        origin.set(clientAddress.of(request), request.getHeader("User-Agent"));
        if (request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && request.getAttribute(PortalAuthentication.LANDING) instanceof String landing) {
            // just signed in: on to the page asked for, without Keycloak's code and state in the address bar
            response.sendRedirect(landing);
            return;
        }
        tokenIdentity.set(identity(request));
        if (request.getDispatcherType() == DispatcherType.REQUEST && !isResource(request)) {
            try {
                currentCaller.get();
            } catch (AccessEnded ended) {
                // an administrator ended this person's access since they signed in: this session is over
                sessions.accessEnded(tokenIdentity.get().orElseThrow().username(), clientAddress.of(request),
                        "session refused: signed in before an administrator ended their access; sent to sign in again");
                request.getSession().invalidate();
                Servlets.facesRedirect(request, response, request.getContextPath() + SIGNED_OUT + "?ended=true");
                return;
            }
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && request.getSession().getAttribute(SIGNED_IN) == null) {
            Caller caller = currentCaller.get();
            TokenIdentity identity = tokenIdentity.get().orElseThrow();
            // registered before it counts as signed in: a session that failed here is registered at its next request
            signedInSessions.signedIn(request.getSession(),
                    openIdContext.getIdentityToken().getJwtClaims().getStringClaim("sid").orElse(null),
                    identity.subject().value(), caller.username(), caller.activeAgency().map(a -> a.getCode().value()).orElse(null),
                    identity.organizations(), identity.issuedAt(), identity.secondFactor());
            request.getSession().setAttribute(SIGNED_IN, Boolean.TRUE);
            sessions.signedIn(caller);
            notifications.signedIn(caller, email());
        } else if (request.getDispatcherType() == DispatcherType.REQUEST && !isResource(request)) {
            // the ID token, for Keycloak's end-session, before the session that holds it ends
            String idToken = openIdContext.getIdentityToken().getToken();
            if (signedInSessions.endIfOutlived(request.getSession())) {
                // however busy, a session ends after its absolute lifetime, in Keycloak too: the person signs in again
                endInKeycloakToo(request, response, idToken, "lifetime=true");
                return;
            }
            if (signedInSessions.endIfRemovedFromAgency(request.getSession(), tokenIdentity.get().orElseThrow().organizations())) {
                // Keycloak no longer counts them a member of an agency of the sign-in (its tokens, refreshed, say so)
                endInKeycloakToo(request, response, idToken, "ended=true");
                return;
            }
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
            Set<Role> needed = rolesOfPage(request);
            Set<Role> withheld = needed.isEmpty() || needed.stream().anyMatch(caller::hasRole) ? Set.of() : currentCaller.withheldRoles();
            if (needed.stream().anyMatch(withheld::contains)) {
                // a privileged page, and the person holds its role but signed in without a second factor: refused, recorded, and told why
                sessions.refused(caller, "page refused: " + path(request) + " needs a sign-in with a second factor; " + caller.username()
                        + " signed in with a password only (acts without " + withheld.stream().map(Role::claim).sorted().toList() + ")");
                Servlets.facesRedirect(request, response, request.getContextPath() + SECOND_FACTOR
                        + "?next=" + URLEncoder.encode(Servlets.getRequestURIWithQueryString(request), StandardCharsets.UTF_8));
                return;
            }
            if (isAdministration(request) && opensAPage(request) && needed.stream().anyMatch(caller::hasRole)
                    && !signedInSessions.requireRecentSecondFactor(request.getSession(), caller, "opening " + path(request))) {
                // administration asks for a recent second factor (step-up): confirmed by signing in again, the code alone
                Servlets.facesRedirect(request, response, request.getContextPath() + SECOND_FACTOR + "?recent=true"
                        + "&next=" + URLEncoder.encode(Servlets.getRequestURIWithQueryString(request), StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Sends the browser through Keycloak's end-session (as signing out does), so that the Keycloak session ends too and
     * the next sign-in asks for the password, and on to the signed-out page with {@code query}.
     */
    private void endInKeycloakToo(HttpServletRequest request, HttpServletResponse response, String idToken, String query)
            throws IOException {
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.length() - request.getRequestURI().length()) + request.getContextPath();
        Servlets.facesRedirect(request, response, openIdSettings.getEndSessionEndpoint()
                + "?client_id=" + URLEncoder.encode(openIdSettings.getClientId(), StandardCharsets.UTF_8)
                + "&id_token_hint=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(base + SIGNED_OUT + "?" + query, StandardCharsets.UTF_8));
    }

    private TokenIdentity identity(HttpServletRequest request) {
        JwtClaims claims = openIdContext.getIdentityToken().getJwtClaims();
        Set<String> roles = new HashSet<>(claims.getArrayStringClaim("roles"));
        Set<String> organizations = new HashSet<>(claims.getArrayStringClaim("organization"));
        String name = claims.getStringClaim("name").orElse(request.getUserPrincipal().getName());
        Optional<SignedInSessions.SignIn> signIn = signedInSessions.signInOf(request.getSession(false));
        // when the sign-in was: its tokens' refreshes must not make it later than an administrator's end of access
        Instant signedIn = signIn.map(SignedInSessions.SignIn::tokenIssuedAt)
                .or(claims::getIssuedAt).orElseThrow(() -> new IllegalStateException("identity token without iat"));
        // whether the sign-in proved a second factor: its own ID token says, not a refreshed one (Keycloak may lower
        // a refreshed token's acr, keycloak#43968)
        boolean secondFactor = signIn.map(SignedInSessions.SignIn::secondFactor)
                .orElseGet(() -> OpenIdSettings.SECOND_FACTOR_ACR.equals(claims.getStringClaim("acr").orElse(null)));
        PersonId subject = new PersonId(claims.getSubject().orElseThrow(() -> new IllegalStateException("identity token without sub")));
        return new TokenIdentity(subject, new Username(request.getUserPrincipal().getName()), name, roles, organizations, signedIn,
                secondFactor);
    }

    /** The e-mail address the identity token names, if any (notifications are e-mailed to it). */
    private String email() {
        return openIdContext.getIdentityToken().getJwtClaims().getStringClaim("email").orElse(null);
    }

    /**
     * The roles a page is for (any one of them), where they are privileged ({@link Role#privileged}): the
     * administration, the audit trail and the vetting queue. The container's constraints (web.xml) and the business
     * checks refuse everybody else; this tells a person who holds the role but signed in without a second factor why.
     */
    static Set<Role> rolesOfPage(HttpServletRequest request) {
        String path = path(request);
        if (path.startsWith("/admin/")) {
            return EnumSet.of(Role.PLATFORM_ADMIN);
        }
        if (path.equals("/agency/agreements.xhtml")) {
            return EnumSet.of(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN);
        }
        if (path.startsWith("/agency/")) {
            return EnumSet.of(Role.AGENCY_ADMIN);
        }
        if (path.startsWith("/audit/")) {
            return EnumSet.of(Role.AUDITOR, Role.PLATFORM_ADMIN);
        }
        if (path.equals("/consents.xhtml")) {
            return EnumSet.of(Role.VETTER);
        }
        if (path.equals("/items.xhtml") && "VETTING_QUEUE".equals(request.getParameter("view"))) {
            return EnumSet.of(Role.VETTER);
        }
        return Set.of();
    }

    /**
     * Whether the request opens a page rather than posting a form of a page already open: a GET, or a POST without
     * the Faces view state (which Faces renders as a new page, with a new view state).
     */
    private static boolean opensAPage(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || request.getParameter("jakarta.faces.ViewState") == null;
    }

    /**
     * The administration's pages (of the platform, of an agency's members): opening one asks for a recent second
     * factor. Their forms post back to themselves, so a change made on a page opened in time is not asked again.
     */
    private static boolean isAdministration(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/admin/") || path.startsWith("/agency/");
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
