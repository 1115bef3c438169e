package org.interlink.infrastructure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which answers may be compressed (BREACH: not a page another site asked for), and lengths set as headers. */
class CompressionTest {

    @Test
    void scriptsStylesAndTheApiAreCompressedForAnyone() {
        assertThat(Compression.compressible(request("/jakarta.faces.resource/components.js.xhtml", null))).isTrue();
        assertThat(Compression.compressible(request("/webjars/swagger-ui/index.css", "cross-site"))).isTrue();
        assertThat(Compression.compressible(request("/api/v1/items", null))).isTrue();
    }

    @Test
    void aPageIsCompressedOnlyWhenThePortalItsSiteOrThePersonAskedForIt() {
        assertThat(Compression.compressible(request("/items.xhtml", "same-origin"))).isTrue();
        assertThat(Compression.compressible(request("/", "same-site"))).isTrue();
        assertThat(Compression.compressible(request("/search.xhtml", "none"))).isTrue();
        assertThat(Compression.compressible(request("/search.xhtml", "cross-site"))).as("another site's page").isFalse();
        assertThat(Compression.compressible(request("/search.xhtml", null))).as("a client that does not say").isFalse();
        assertThat(Compression.compressible(request("/apis.xhtml", "cross-site"))).as("only /api/ itself").isFalse();
    }

    @Test
    void aContentLengthHeaderBecomesALengthTheCompressingResponseDrops() {
        List<String> calls = new ArrayList<>();
        HttpServletResponse recorded = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? "" : List.of(args)));
                    return null;
                });
        Compression.LengthAsLength response = new Compression.LengthAsLength(recorded);
        response.setHeader("Content-Length", "1234");
        response.addHeader("content-length", "99");
        response.setHeader("Content-Disposition", "attachment");
        assertThat(calls).containsExactly("setContentLengthLong[1234]", "setContentLengthLong[99]",
                "setHeader[Content-Disposition, attachment]");
    }

    private static HttpServletRequest request(String path, String fetchSite) {
        return (HttpServletRequest) Proxy.newProxyInstance(CompressionTest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    case "getHeader" -> "Sec-Fetch-Site".equals(args[0]) ? fetchSite : null;
                    default -> null;
                });
    }
}
