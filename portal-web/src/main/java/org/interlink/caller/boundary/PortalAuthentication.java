package org.interlink.caller.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.glassfish.soteria.mechanisms.OpenIdAuthenticationMechanism;
import org.interlink.caller.control.RefusalReason;
import org.interlink.caller.control.TokenIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The portal's one authentication mechanism (Jakarta EE 10 allows one per application), which
 * tells two kinds of caller apart by path:
 * <ul>
 *     <li>the REST API ({@value #API}…) takes only bearer access tokens from Keycloak, checked by
 *     {@link BearerTokens}; no token or an invalid one is a 401 {@code application/problem+json}
 *     with {@code WWW-Authenticate: Bearer}, never a redirect to a sign-in page, and no session is
 *     created. A valid token's identity is left in the request for the caller resolution
 *     ({@link #IDENTITY}); a refusal is counted for the audit trail ({@link AnonymousRefusals});</li>
 *     <li>every other path (the pages) goes to the OpenID Connect mechanism configured by
 *     {@link OpenIdSettings}: sign-in by redirect, session, sign-out.</li>
 * </ul>
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

    /** Where the REST API lives. */
    public static final String API = "/api/";

    /** Request attribute holding the {@link TokenIdentity} of an API call. */
    public static final String IDENTITY = TokenIdentity.class.getName();

    private static final Logger LOG = Logger.getLogger(PortalAuthentication.class.getName());
    private static final String BEARER = "Bearer ";

    @Inject
    OpenIdAuthenticationMechanism openId;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    AnonymousRefusals refusals;

    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (isApi(request)) {
            return validateBearer(request, response, context);
        }
        AuthenticationStatus status = openId.validateRequest(request, response, context);
        if (status == AuthenticationStatus.SUCCESS && "GET".equals(request.getMethod())) {
            context.withRequest(request);
        }
        return status;
    }

    private AuthenticationStatus validateBearer(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            if (!context.isProtected()) {
                return context.doNothing();
            }
            refusals.refused(request.getRemoteAddr(), request.getHeader("User-Agent"), RefusalReason.NO_TOKEN,
                    request.getMethod() + " " + request.getRequestURI() + " without a bearer token");
            return unauthorized(response, null, "Send an access token from Keycloak: Authorization: Bearer <token>.");
        }
        try {
            TokenIdentity identity = bearerTokens.identify(header.substring(BEARER.length()).trim());
            request.setAttribute(IDENTITY, identity);
            return context.notifyContainerAboutLogin(identity.username().value(), identity.roles());
        } catch (BearerTokens.InvalidToken invalid) {
            LOG.fine(() -> "API token refused from " + request.getRemoteAddr() + ": " + invalid.getMessage());
            refusals.refused(request.getRemoteAddr(), request.getHeader("User-Agent"), invalid.reason(),
                    request.getMethod() + " " + request.getRequestURI() + ": " + invalid.getMessage());
            return unauthorized(response, "invalid_token", invalid.getMessage());
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String error, String detail) {
        writeUnauthorized(response, error, detail);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 401 as problem+json, written here: the container would otherwise render the HTML error page. */
    static void writeUnauthorized(HttpServletResponse response, String error, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"interlink\""
                + (error == null ? "" : ", error=\"" + error + "\""));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write(Json.createObjectBuilder()
                    .add("type", "urn:interlink:problem:unauthorized")
                    .add("title", "Not signed in")
                    .add("status", HttpServletResponse.SC_UNAUTHORIZED)
                    .add("detail", detail)
                    .build().toString());
            response.flushBuffer();
        } catch (IOException e) {
            LOG.fine(() -> "could not write the 401 body: " + e);
        }
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return isApi(request) ? AuthenticationStatus.SUCCESS : openId.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!isApi(request)) {
            openId.cleanSubject(request, response, context);
        }
    }
}
