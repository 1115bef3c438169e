package org.interlink.infrastructure.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.lang.annotation.Annotation;

/**
 * Serves the portal's MicroProfile health checks at {@code /health/ready} and {@code /health/live},
 * in the MicroProfile Health response format (200 UP, 503 DOWN).
 *
 * <p>Why the portal serves them itself: Payara's own {@code /health} endpoint disappears when an
 * application is deployed at the root context, as the portal is (payara/Payara#4924, #5247, still
 * open). The checks themselves are ordinary {@code @Readiness}/{@code @Liveness} beans.
 */
@WebServlet(urlPatterns = {"/health/ready", "/health/live"})
public class HealthEndpoint extends HttpServlet {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;

    @Inject
    @Any
    transient Instance<HealthCheck> checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Annotation kind = request.getServletPath().endsWith("/live") ? Liveness.Literal.INSTANCE : Readiness.Literal.INSTANCE;
        boolean up = true;
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (HealthCheck check : checks.select(kind)) {
            HealthCheckResponse result = call(check);
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("name", result.getName())
                    .add("status", result.getStatus().name());
            JsonObjectBuilder data = JSON.createObjectBuilder();
            result.getData().ifPresent(values -> values.forEach((key, value) -> data.add(key, String.valueOf(value))));
            results.add(json.add("data", data));
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", results)
                .build().toString());
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().withData("error", e.toString()).build();
        }
    }
}
