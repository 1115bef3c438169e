package org.interlink.infrastructure.web;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outage filter answers "try again" for an unreachable database, and lets every other failure through. */
class DatabaseOutageFilterTest {

    private static final PersistenceException OUTAGE = new PersistenceException(new SQLException("Connection refused", "08001"));

    @Test
    void aPageIsAnswered503WithATryAgainLinkToItself() throws Exception {
        Answer answer = new Answer();
        Map<String, Object> attributes = new HashMap<>();
        new DatabaseOutageFilter().doFilter(request("/items.xhtml", attributes), answer.proxy(), failing(OUTAGE));
        assertThat(answer.error).isEqualTo(503);
        assertThat(answer.headers).containsEntry("Retry-After", "10");
        assertThat(attributes).containsEntry(DatabaseOutageFilter.RETRY, "/items.xhtml");
    }

    @Test
    void theTryAgainLinkNeverLeadsToAnotherHost() throws Exception {
        for (String odd : new String[]{"//evil.example/x", "/\\evil.example/x"}) {
            Map<String, Object> attributes = new HashMap<>();
            new DatabaseOutageFilter().doFilter(request(odd, attributes), new Answer().proxy(), failing(OUTAGE));
            assertThat(attributes).as(odd).containsEntry(DatabaseOutageFilter.RETRY, "/");
        }
    }

    @Test
    void anApiCallGetsTheProblemDocument() throws Exception {
        Answer answer = new Answer();
        new DatabaseOutageFilter().doFilter(request("/api/v1/items", new HashMap<>()), answer.proxy(),
                failing(new ServletException(OUTAGE)));
        assertThat(answer.status).isEqualTo(503);
        assertThat(answer.error).isZero();
        assertThat(answer.contentType).isEqualTo("application/problem+json");
        assertThat(answer.body.toString()).contains("urn:interlink:problem:database-unavailable");
    }

    @Test
    void anyOtherFailurePassesThroughUntouched() {
        IllegalStateException bug = new IllegalStateException("a bug");
        Answer answer = new Answer();
        assertThatThrownBy(() -> new DatabaseOutageFilter().doFilter(request("/items.xhtml", new HashMap<>()), answer.proxy(),
                failing(bug))).isSameAs(bug);
        assertThat(answer.status).isZero();
        assertThat(answer.error).isZero();
    }

    private static FilterChain failing(Exception failure) {
        return (request, response) -> {
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) failure;
        };
    }

    private static HttpServletRequest request(String uri, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(DatabaseOutageFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
    }

    /** What the filter answered. */
    private static final class Answer {

        int status;
        int error;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(DatabaseOutageFilterTest.class.getClassLoader(),
                    new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "sendError" -> {
                            error = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "getWriter" -> new PrintWriter(body);
                        case "isCommitted" -> false;
                        default -> null;
                    });
        }
    }
}
