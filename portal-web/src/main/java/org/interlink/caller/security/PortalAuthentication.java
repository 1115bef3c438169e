package org.interlink.caller.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.spi.JsonProvider;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.glassfish.soteria.mechanisms.OpenIdAuthenticationMechanism;
import org.interlink.caller.control.TokenIdentity;
import org.interlink.infrastructure.persistence.DatabaseOutage;
import org.interlink.infrastructure.rest.ApiApplication;
import org.interlink.infrastructure.web.DatabaseOutageFilter;
import org.interlink.infrastructure.web.SecurityHeaders;
import org.omnifaces.util.Servlets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The portal's one authentication mechanism (Jakarta EE 10 allows one per application), which
 * tells two kinds of caller apart by path:
 * <ul>
 *     <li>the REST API ({@value #API}…) takes only bearer access tokens from Keycloak, checked by
 *     {@link BearerTokens}; no token or an invalid one is a 401 {@code application/problem+json}
 *     with {@code WWW-Authenticate: Bearer}, never a redirect to a sign-in page, and no session is
 *     created or read. A valid token's identity is left in the request for the caller resolution
 *     ({@link #IDENTITY}); a refusal is counted for the audit trail ({@link AnonymousRefusals});</li>
 *     <li>the metrics ({@value #METRICS}, Payara's MicroProfile Metrics, which bind into the application at the root
 *     context, the portal's) take bearer access tokens the same way, and only one with the role {@value #METRICS_READER}
 *     (a monitoring system's service account): a valid token without it is a 403, counted for the audit trail too;</li>
 *     <li>every other path (the pages) goes to the OpenID Connect mechanism configured by
 *     {@link OpenIdSettings}: sign-in by redirect, session, sign-out.</li>
 * </ul>
 *
 * <p>What is an API request is decided on every form of its path ({@link #isApi}), not only on the raw
 * one the client sent: the container serves the path it decoded and normalised, so {@code /%61pi/v1/items},
 * {@code //api/v1/items} or {@code /./api/v1/items} reach the API's JAX-RS servlet although their raw form
 * does not begin with {@value #API}. Had they gone to the sign-in of the pages, a browser session's cookie
 * would have signed them in. An API request whose raw path is not in its plain form (path parameters,
 * dot segments, double slashes, an encoded dot, slash, semicolon or backslash, or a raw and a decoded form
 * that disagree about being the API) is refused with 400 before anything else: no legitimate client
 * sends one.
 *
 * <p>It also repairs one Soteria defect: when the browser comes back to the page it first asked
 * for, Soteria replays the saved request, and for a GET the replayed request has no parameter map,
 * so the first Faces page after sign-in failed with a NullPointerException
 * ({@code RequestData.getParameters() is null}). A successful GET goes on with the real request.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Where the REST API lives. */
    public static final String API = "/api/";

    /** Where Payara's MicroProfile Metrics answer: in the application at the root context, so behind its sign-in. */
    public static final String METRICS = "/metrics";

    /** The role a bearer token needs to read {@value #METRICS}. */
    public static final String METRICS_READER = "metrics-reader";

    /** Request attribute holding the {@link TokenIdentity} of an API call. */
    public static final String IDENTITY = TokenIdentity.class.getName();

    /**
     * Request attribute holding where a sign-in that has just succeeded lands: the page first asked
     * for, without the {@code code} and {@code state} Keycloak sent back ({@link PageSessionFilter} redirects there).
     */
    public static final String LANDING = PortalAuthentication.class.getName() + ".landing";

    /** Session attribute holding the page asked for when the sign-in began. */
    private static final String ASKED_FOR = PortalAuthentication.class.getName() + ".askedFor";

    private static final Logger LOG = Logger.getLogger(PortalAuthentication.class.getName());
    private static final String BEARER = "Bearer ";
    private static final int SIGN_IN_RETRY_AFTER_SECONDS = 30;
    /** The JAX-RS servlet's name: Jersey names the servlet of an {@code Application} subclass after the class. */
    private static final String API_SERVLET = ApiApplication.class.getName();
    /** A path on the portal's own host: one slash, then no slash or backslash; no control characters anywhere. */
    private static final Pattern OWN_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\p{Cntrl}]*");
    /** What never belongs in an API request's raw path: path parameters, backslashes, double slashes, encoded dots, slashes, semicolons or backslashes, dot segments. */
    private static final Pattern ODD_PATH = Pattern.compile("[;\\\\]|//|%2[eEfF]|%3[bB]|%5[cC]|(^|/)\\.{1,2}(/|$)");

    @Inject
    OpenIdAuthenticationMechanism openId;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    AnonymousRefusals refusals;

    @Inject
    ClientAddress clientAddress;

    @Inject
    SecurityHeaders headers;

    @Inject
    SignedInSessions signedInSessions;

    @Inject
    SignInAvailability signInAvailability;

    @Inject
    OpenIdContext openIdContext;

    @Inject
    OpenIdSettings openIdSettings;

    /**
     * Whether the request is one for the REST API: the container maps it to the API's JAX-RS servlet,
     * or its decoded and normalised path (servlet path and path info) or its raw path begins with
     * {@value #API} — in any letter case. Whichever form says "API" makes it one, so that no spelling
     * of an API path is ever signed in by a session.
     */
    public static boolean isApi(HttpServletRequest request) {
        return mappedToApi(request) || isApiPath(containerPath(request)) || isApiPath(rawPath(request));
    }

    /**
     * Whether the request is one for the metrics: its path as the container decoded and normalised it (what it serves)
     * is {@value #METRICS} or below it, in any letter case. A raw path that disagrees ({@code /metrics/../items.xhtml},
     * {@code /%6detrics}) is refused before anything else ({@link #isOddMetricsPath}): a monitoring system's token must
     * never sign in a page.
     */
    public static boolean isMetrics(HttpServletRequest request) {
        return isUnder(containerPath(request), METRICS);
    }

    /** Whether the raw path and the path the container serves disagree about being the metrics'. */
    static boolean isOddMetricsPath(HttpServletRequest request) {
        return isUnder(rawPath(request), METRICS) != isMetrics(request);
    }

    /** Whether the request takes a bearer token and never a session: the API's or the metrics'. */
    public static boolean isBearerOnly(HttpServletRequest request) {
        return isApi(request) || isMetrics(request);
    }

    private static boolean isUnder(String path, String root) {
        return path.equalsIgnoreCase(root) || path.regionMatches(true, 0, root + "/", 0, root.length() + 1);
    }

    /**
     * Whether the raw path is not the API's path in its plain form: anything a client library
     * sends for {@code /api/v1/…} is plain; the rest is somebody probing how paths are read.
     */
    static boolean isOddApiPath(HttpServletRequest request) {
        String raw = rawPath(request);
        return ODD_PATH.matcher(raw).find() || isApiPath(raw) != isApiPath(containerPath(request))
                || !raw.regionMatches(0, API, 0, API.length()) && !raw.equals(API.substring(0, API.length() - 1));
    }

    private static boolean mappedToApi(HttpServletRequest request) {
        try {
            HttpServletMapping mapping = request.getHttpServletMapping();
            return mapping != null && API_SERVLET.equals(mapping.getServletName());
        } catch (RuntimeException e) {
            // a container that cannot tell (yet) has the paths to go by
            return false;
        }
    }

    private static boolean isApiPath(String path) {
        String api = API.substring(0, API.length() - 1);
        return path.regionMatches(true, 0, API, 0, API.length()) || path.equalsIgnoreCase(api);
    }

    /** The path as the container decoded and normalised it, within the application. */
    private static String containerPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return servletPath + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** The path as the client sent it, within the application (encoded, with any path parameters). */
    private static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        try {
            return validate(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.among(e) || response.isCommitted()) {
                throw e;
            }
            // before any filter: without this the container would answer its 500 page, also to an API client
            LOG.log(Level.WARNING, "a request refused while it was authenticated: the database is unreachable", e);
            try {
                DatabaseOutageFilter.answer(request, response);
            } catch (IOException written) {
                throw new UncheckedIOException(written);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        // before anything answers: a refusal or a redirect written here never reaches the filters
        headers.apply(request, response);
        if (isApi(request)) {
            if (isOddApiPath(request)) {
                refusals.refused(clientAddress.of(request), request.getHeader("User-Agent"), RefusalReason.ODD_PATH,
                        request.getMethod() + " " + request.getRequestURI());
                return refuse(response, HttpServletResponse.SC_BAD_REQUEST, "invalid-path", "The request path is not plain",
                        "Send the API's path as it is documented: no path parameters (;), dot segments, double slashes or "
                                + "encoded dots, slashes or semicolons.");
            }
            return validateBearer(request, response, context, null);
        }
        if (isOddMetricsPath(request)) {
            refusals.refused(clientAddress.of(request), request.getHeader("User-Agent"), RefusalReason.ODD_PATH,
                    request.getMethod() + " " + request.getRequestURI());
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST, "invalid-path", "The request path is not plain",
                    "Send the metrics' path as it is documented: " + METRICS + ", without encoded letters or dot segments.");
        }
        if (isMetrics(request)) {
            return validateBearer(request, response, context, METRICS_READER);
        }
        if (!request.isRequestedSessionIdValid() && signedInSessions.wasEndedByKeycloak(request.getRequestedSessionId())) {
            // the browser's session was ended by Keycloak (back-channel logout): say so, rather than send it to sign in
            Servlets.facesRedirect(request, response, request.getContextPath() + PageSessionFilter.SIGNED_OUT + "?keycloak=true");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        HttpSession session = request.getSession(false);
        if (session != null && signedInSessions.endIfLoggedOut(session)) {
            // Keycloak's back-channel logout of this session reached another node of the cluster: it ends here, told so
            Servlets.facesRedirect(request, response, request.getContextPath() + PageSessionFilter.SIGNED_OUT + "?keycloak=true");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        boolean movedHere = movedFromAnotherNode(request, session);
        SessionTokens kept = movedHere ? SessionTokens.in(session) : null;
        if (kept != null) {
            // signed in on a node that died: the session goes on here with its tokens, checked (and refreshed) as before
            kept.restore(openIdContext, openIdSettings.getTokenMinValidityMillis());
            movedHere = false;
        }
        if (movedHere) {
            // moved here without its tokens (signed in by a portal of an earlier version): nothing vouches for it any
            // more, so it ends and the page asked for (GET) signs in afresh; for an Ajax click, a partial response saying so
            String page = askedFor(request);
            session.invalidate();
            Servlets.facesRedirect(request, response, page);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        boolean signingIn = request.getUserPrincipal() == null && request.getParameter("code") != null
                && request.getParameter("state") != null;
        Optional<SignedInSessions.SignIn> signedIn = signedInSessions.signInOf(session);
        if (context.isProtected() && request.getUserPrincipal() == null && signedIn.isEmpty() && !signingIn
                && !signInAvailability.available()) {
            // about to be sent to Keycloak, which does not answer: say so here, rather than send the browser to a dead page
            request.setAttribute(DatabaseOutageFilter.UNAVAILABLE, "sign-in");
            response.setHeader("Retry-After", Integer.toString(SIGN_IN_RETRY_AFTER_SECONDS));
            try {
                DatabaseOutageFilter.sendTryAgain(request, response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        AuthenticationStatus status;
        try {
            status = openId.validateRequest(request, response, context);
        } catch (RuntimeException e) {
            if (signedIn.isPresent() && request.getUserPrincipal() != null && unreachable(e)) {
                // the tokens were due for refresh and Keycloak did not answer: no refusal, so the session goes on
                // (with the roles and agencies it has) and the next request asks again
                LOG.warning(() -> "Keycloak could not be reached to refresh the tokens of " + signedIn.get().username()
                        + "'s session, which goes on until it answers: " + e);
                return AuthenticationStatus.SUCCESS;
            }
            throw e;
        }
        if (status != AuthenticationStatus.SUCCESS && signedIn.isPresent() && SignedInSessions.isOver(session)) {
            // the tokens were due for refresh and Keycloak refused: Soteria has ended the session and sends the browser
            // through Keycloak's end-session to the signed-out page
            signedInSessions.refreshRefused(signedIn.get());
        }
        if (status == AuthenticationStatus.SEND_CONTINUE && !signingIn && request.getUserPrincipal() == null
                && "GET".equals(request.getMethod())) {
            // sent to Keycloak: remember the page, to land on it once signed in
            request.getSession().setAttribute(ASKED_FOR, askedFor(request));
        }
        if (status == AuthenticationStatus.SUCCESS && signingIn) {
            landOnTheAskedForPage(request);
        }
        if (status == AuthenticationStatus.SUCCESS && request.getSession(false) != null) {
            SessionTokens.keep(request.getSession(false), openIdContext);
        }
        if (status == AuthenticationStatus.SUCCESS && "GET".equals(request.getMethod())) {
            context.withRequest(request);
        }
        return status;
    }

    /**
     * Whether the request's session was signed in on another node of a cluster, which has died (issue 22): the data grid
     * gave this node the session, and the container its caller, but not Soteria's OpenID Connect context (its tokens are
     * not serializable), so Soteria has no tokens to check or refresh. The session's own copy of them
     * ({@link SessionTokens}) fills the context again; a session without one ends, and its browser signs in afresh (not
     * again within the same session: whoever Keycloak's single sign-on now knows would inherit its sign-in's second
     * factor, agencies and views).
     */
    private boolean movedFromAnotherNode(HttpServletRequest request, HttpSession session) {
        return session != null && request.getUserPrincipal() != null && openIdContext.getAccessToken() == null;
    }

    /** Whether a failure is Keycloak not answering (connection refused, timed out, unknown host), not a refusal. */
    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page asked for, as the container read it (decoded, normalised), within the portal: a path of the portal's
     * own, never one a browser would take for another host ({@code //host/…}, {@code /\host/…}), then the query.
     */
    static String askedFor(HttpServletRequest request) {
        String path = request.getContextPath() + (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!isOwnPath(path)) {
            return request.getContextPath() + "/";
        }
        return path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    /**
     * Whether a browser sent to {@code path} (with its query, if any) stays on the portal's host: one slash, then no
     * slash or backslash, and no backslash or control character anywhere (a browser drops a tab or a line break, and
     * {@code /<tab>/host} would become {@code //host}).
     */
    public static boolean isOwnPath(String path) {
        return path != null && OWN_PATH.matcher(path).matches();
    }

    /**
     * A sign-in has just succeeded on the callback (Soteria sends the browser from there to the page first asked for,
     * with Keycloak's {@code code} and {@code state}): the session gets a new id, so that an id known before the sign-in
     * (planted, or seen on a shared computer) is worth nothing after it, and the browser is sent once more to the page
     * asked for, so that the address bar, its history and bookmarks never hold the code and state.
     */
    private static void landOnTheAskedForPage(HttpServletRequest request) {
        request.changeSessionId();
        Object askedFor = request.getSession().getAttribute(ASKED_FOR);
        request.getSession().removeAttribute(ASKED_FOR);
        request.setAttribute(LANDING, askedFor instanceof String page ? page : request.getContextPath() + "/");
    }

    /**
     * Signs the request in by its bearer token; with a {@code role}, only a token that has it (else 403, counted for the
     * audit trail like the other refusals of requests without a caller of the portal's).
     */
    private AuthenticationStatus validateBearer(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String role) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            if (!context.isProtected()) {
                return context.doNothing();
            }
            refusals.refused(clientAddress.of(request), request.getHeader("User-Agent"), RefusalReason.NO_TOKEN,
                    request.getMethod() + " " + request.getRequestURI() + " without a bearer token");
            return unauthorized(response, null, "Send an access token from Keycloak: Authorization: Bearer <token>.");
        }
        try {
            TokenIdentity identity = bearerTokens.identify(header.substring(BEARER.length()).trim());
            if (role != null && !identity.roles().contains(role)) {
                refusals.refused(clientAddress.of(request), request.getHeader("User-Agent"), RefusalReason.NO_ROLE,
                        request.getMethod() + " " + request.getRequestURI() + " with a token of " + identity.username().value()
                                + ", who has no role " + role);
                return refuse(response, HttpServletResponse.SC_FORBIDDEN, "not-allowed", "Not allowed",
                        "This path needs a token with the role " + role + ".");
            }
            request.setAttribute(IDENTITY, identity);
            return context.notifyContainerAboutLogin(identity.username().value(), identity.roles());
        } catch (BearerTokens.InvalidToken invalid) {
            LOG.fine(() -> "API token refused from " + clientAddress.of(request) + ": " + invalid.getMessage());
            refusals.refused(clientAddress.of(request), request.getHeader("User-Agent"), invalid.reason(),
                    request.getMethod() + " " + request.getRequestURI() + ": " + invalid.getMessage());
            return unauthorized(response, "invalid_token", invalid.getMessage());
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String error, String detail) {
        writeUnauthorized(response, error, detail);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** A refusal as problem+json, written here: the container would otherwise render the HTML error page. */
    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String slug, String title, String detail) {
        response.setStatus(status);
        writeProblem(response, slug, title, status, detail);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 401 as problem+json, written here: the container would otherwise render the HTML error page. */
    static void writeUnauthorized(HttpServletResponse response, String error, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"interlink\""
                + (error == null ? "" : ", error=\"" + error + "\""));
        writeProblem(response, "unauthorized", "Not signed in", HttpServletResponse.SC_UNAUTHORIZED, detail);
    }

    static void writeProblem(HttpServletResponse response, String slug, String title, int status, String detail) {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(JSON.createObjectBuilder()
                    .add("type", "urn:interlink:problem:" + slug)
                    .add("title", title)
                    .add("status", status)
                    .add("detail", detail)
                    .build().toString());
            response.flushBuffer();
        } catch (IOException e) {
            LOG.fine(() -> "could not write the " + status + " body: " + e);
        }
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return isBearerOnly(request) ? AuthenticationStatus.SUCCESS : openId.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!isBearerOnly(request)) {
            openId.cleanSubject(request, response, context);
        }
    }
}
