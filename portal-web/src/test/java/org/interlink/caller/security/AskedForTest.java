package org.interlink.caller.security;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a sign-in lands: the page asked for, on the portal's own host, never another host a browser would go to. */
class AskedForTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "/search.xhtml | null      | q=passport | /search.xhtml?q=passport",
            "/item.xhtml   | null      | id=7       | /item.xhtml?id=7",
            "/attachments  | /3        | null       | /attachments/3",
            "//evil.example/x | null   | null       | /",
            "/\\evil.example/x | null  | null       | /",
            "/x            | /\u0007y  | null       | /"})
    void theLandingIsAPathOfThePortalsOwn(String servletPath, String pathInfo, String query, String landing) {
        assertThat(PortalAuthentication.askedFor(request("", servletPath, pathInfo, query))).isEqualTo(landing);
    }

    private static HttpServletRequest request(String context, String servletPath, String pathInfo, String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(AskedForTest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> context;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
