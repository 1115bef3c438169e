package org.interlink.caller.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.glassfish.soteria.mechanisms.OpenIdAuthenticationMechanism;

/**
 * The portal's one authentication mechanism. Today it hands every request to the OpenID Connect
 * mechanism configured by {@link OpenIdSettings}; it is also the place where the REST API's bearer
 * tokens will be told apart from browser sessions.
 *
 * <p>It repairs one Soteria defect: when the browser comes back to the page it first asked for,
 * Soteria replays the saved request, and for a GET the replayed request has no parameter map, so
 * the first Faces page after sign-in failed with a NullPointerException
 * ({@code RequestData.getParameters() is null}). A successful GET goes on with the real request.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    @Inject
    OpenIdAuthenticationMechanism openId;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        AuthenticationStatus status = openId.validateRequest(request, response, context);
        if (status == AuthenticationStatus.SUCCESS && "GET".equals(request.getMethod())) {
            context.withRequest(request);
        }
        return status;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return openId.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        openId.cleanSubject(request, response, context);
    }
}
