package org.interlink.infrastructure.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Puts the {@link SecurityHeaders} on every answer the application serves, error pages included
 * (the authentication mechanism puts them on the answers it writes itself, before any filter). The
 * answer keeps one Content-Security-Policy: PrimeFaces adds its page policy with the nonce as a
 * second header, and two policies would both be enforced, so an added policy replaces the first.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    // transient: the container never serializes a filter or servlet (Serializable only through its base class)
    @Inject
    transient SecurityHeaders headers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.apply(request, response);
        chain.doFilter(request, new OnePolicy(response));
    }

    /** An answer on which adding a Content-Security-Policy replaces the one it has. */
    static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (SecurityHeaders.CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
