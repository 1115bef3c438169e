package org.interlink.caller.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.interlink.audit.control.RequestOrigin;
import org.interlink.caller.control.TokenIdentity;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request, however its path is spelt and however it is dispatched, is taken by exactly one of the two identity
 * filters: the API's (bearer tokens, no session) or the pages' (the signed-in session); the other passes it on untouched.
 * A filter has taken a request when it notes where the request came from, which each does first for its own.
 */
class OneFilterPerRequestTest {

    /** API paths as a client may send them (raw: encoded, with path parameters) and as the container decodes them. */
    private static final List<String[]> API_PATHS = List.of(
            new String[]{"/api/v1/items", "/api/v1/items"},
            new String[]{"/API/v1/items", "/API/v1/items"},
            new String[]{"/api", "/api"},
            new String[]{"//api/v1/items", "/api/v1/items"},
            new String[]{"/%61pi/v1/items", "/api/v1/items"},
            new String[]{"/api;x=1/v1/items", "/api/v1/items"},
            new String[]{"/x/../api/v1/items", "/api/v1/items"});

    /** The pages' paths (and the sign-in's callback, resources, health). */
    private static final List<String[]> PAGE_PATHS = List.of(
            new String[]{"/", "/index.xhtml"},
            new String[]{"/items.xhtml", "/items.xhtml"},
            new String[]{"/apis.xhtml", "/apis.xhtml"},
            new String[]{"/jakarta.faces.resource/il.css.xhtml", "/jakarta.faces.resource/il.css.xhtml"},
            new String[]{"/health/ready", "/health/ready"},
            new String[]{"/callback", "/callback"});

    private static final TokenIdentity BEARER = new TokenIdentity(new PersonId("4b1d"), new Username("moi-border-system"),
            "Border system", Set.of(), Set.of("iq-moi"), Instant.EPOCH, true);

    /**
     * A request with a bearer token is the API's wherever it goes; without one, a request for any spelling of the API's
     * path is the API's (never served with a session), everything else — and every forward or error dispatch — the pages'.
     */
    @Test
    void exactlyOneFilterTakesEveryRequest() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> taken = new TreeMap<>();
        for (List<String[]> paths : List.of(API_PATHS, PAGE_PATHS)) {
            for (String[] path : paths) {
                for (DispatcherType dispatch : List.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR)) {
                    for (boolean bearer : List.of(false, true)) {
                        String name = path[0] + " " + dispatch + (bearer ? " with a bearer token" : "");
                        HttpServletRequest request = request(path[0], path[1], dispatch, bearer);
                        ApiIdentityFilter api = new ApiIdentityFilter();
                        api.origin = new Noting();
                        api.clientAddress = ClientAddress.trusting();
                        PageSessionFilter page = new PageSessionFilter();
                        page.origin = new Noting();
                        page.clientAddress = ClientAddress.trusting();
                        boolean byApi = takes(api, api.origin, request);
                        boolean byPage = takes(page, page.origin, request);
                        taken.put(name, byApi && byPage ? "both" : byApi ? "api" : byPage ? "page" : "none");
                        expected.put(name, bearer || paths == API_PATHS && dispatch == DispatcherType.REQUEST ? "api" : "page");
                    }
                }
            }
        }
        assertThat(taken).hasSize(13 * 3 * 2).isEqualTo(expected);
    }

    /** Whether the filter took the request as its own (noted its origin) rather than passing it straight on. */
    private static boolean takes(HttpFilter filter, RequestOrigin origin, HttpServletRequest request) throws Exception {
        boolean[] passed = new boolean[1];
        filter.doFilter(request, response(), (req, res) -> passed[0] = true);
        assertThat(passed[0]).as("a request without a principal always goes on").isTrue();
        return ((Noting) origin).noted;
    }

    private static HttpServletRequest request(String raw, String decoded, DispatcherType dispatch, boolean bearer) {
        Map<String, Object> attributes = bearer ? Map.of(PortalAuthentication.IDENTITY, BEARER) : Map.of();
        return (HttpServletRequest) Proxy.newProxyInstance(OneFilterPerRequestTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> raw;
                    case "getContextPath" -> "";
                    case "getServletPath" -> decoded;
                    case "getPathInfo", "getHttpServletMapping", "getUserPrincipal", "getHeader" -> null;
                    case "getDispatcherType" -> dispatch;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getRemoteAddr" -> "192.0.2.7";
                    case "getMethod" -> "GET";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(OneFilterPerRequestTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The request's origin, noting that a filter set it. */
    private static final class Noting extends RequestOrigin {

        boolean noted;

        @Override
        public void set(String clientAddress, String userAgent) {
            noted = true;
        }
    }
}
