package org.interlink.api;

import org.interlink.devstack.PortalSignIn;
import org.interlink.devstack.RealmDefinition;
import org.interlink.journeys.PortalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics an operator watches ({@code /metrics}, Payara's MicroProfile Metrics in the portal's root context): only a
 * monitoring system's bearer token with the role {@code metrics-reader} reads them — not an anonymous client, not a
 * signed-in person's session under any spelling of the path, not another system's token (refused and recorded). And
 * what they say: the time of every page and API operation by name and status class, the audit trail's appends, the
 * JVM and the portal's connection pool.
 */
@ExtendWith(PortalStack.class)
class MetricsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static AuditEvents audit;

    @BeforeAll
    static void database() {
        audit = new AuditEvents(PortalStack.database().orElseThrow());
    }

    @Test
    void onlyAMonitoringSystemsTokenReadsTheMetrics() {
        String portal = PortalStack.portalUrl();

        HttpResponse<String> anonymous = get(portal + "/metrics", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertNoMetrics(anonymous);

        PortalSignIn session = new PortalSignIn();
        assertThat(session.signIn(portal, "moi.official", RealmDefinition.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        for (String path : List.of("/metrics", "/metrics/", "/metrics?scope=base", "/%6detrics", "/./metrics", "/metrics;x=1",
                "//metrics", "/METRICS", "/api/../metrics")) {
            HttpResponse<String> withSession = session.openAsIs(portal + path);
            assertThat(withSession.statusCode()).as("a session's cookie on " + path).isNotEqualTo(200);
            assertNoMetrics(withSession);
        }

        long before = audit.last();
        HttpResponse<String> anotherSystem = get(portal + "/metrics", Tokens.system("moi-border-system"));
        assertThat(anotherSystem.statusCode()).as("a valid token without the role").isEqualTo(403);
        assertThat(anotherSystem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertNoMetrics(anotherSystem);
        assertThat(refusalRecordedSince(before, "service-account-moi-border-system, who has no role metrics-reader"))
                .as("the refusal is in the audit trail").isTrue();

        String monitoring = Tokens.system(RealmDefinition.MONITORING_CLIENT);
        HttpResponse<String> metrics = get(portal + "/metrics", monitoring);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).as("the JVM").contains("memory_usedHeap_bytes", "gc_total");
        assertThat(count(metrics.body(), "interlink_db_connections_max")).as("the portal's pool").isEqualTo(32);
        assertThat(count(metrics.body(), "interlink_db_connections_open")).as("connections the pool holds open in PostgreSQL")
                .isBetween(1L, 32L);
        assertThat(count(metrics.body(), "interlink_db_connections_busy")).isBetween(0L, 32L);
        assertThat(Api.as(monitoring).get("/items").status()).as("a monitor reads nothing of any agency").isEqualTo(403);
        for (String path : List.of("/metrics/../items.xhtml", "/metrics/%2e%2e/items.xhtml", "/%6detrics")) {
            HttpResponse<String> odd = get(portal + path, monitoring);
            assertThat(odd.statusCode()).as("the monitor's token on " + path + ": " + odd.body()).isEqualTo(400);
            assertThat(odd.body()).doesNotContain("<html");
        }
    }

    @Test
    void theMetricsTimeEveryPageAndApiOperationByNameAndCountTheAuditTrailsAppends() {
        String portal = PortalStack.portalUrl();
        String monitoring = Tokens.system(RealmDefinition.MONITORING_CLIENT);
        String before = get(portal + "/metrics", monitoring).body();

        PortalSignIn session = new PortalSignIn();
        assertThat(session.signIn(portal, "moi.official", RealmDefinition.DEMO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(session.openAsIs(portal + "/items.xhtml").statusCode()).isEqualTo(200);
        assertThat(session.openAsIs(portal + "/items.xhtml").statusCode()).isEqualTo(200);
        String madeUp = "made-up-" + UUID.randomUUID();
        assertThat(session.openAsIs(portal + "/" + madeUp + ".xhtml").statusCode()).isEqualTo(404);
        Api official = Api.as(Tokens.user("moi.official"));
        assertThat(official.get("/items").status()).isEqualTo(200);
        assertThat(official.get("/items").status()).isEqualTo(200);
        assertThat(official.get("/items/987654321").status()).isEqualTo(404);
        assertThat(official.get("/" + madeUp).status()).isEqualTo(404);

        String after = get(portal + "/metrics", monitoring).body();
        assertThat(count(after, "interlink_page_request_seconds_count", "page=\"/items.xhtml\"", "status=\"2xx\"")
                - count(before, "interlink_page_request_seconds_count", "page=\"/items.xhtml\"", "status=\"2xx\""))
                .as("the list page, twice").isGreaterThanOrEqualTo(2);
        assertThat(count(after, "interlink_page_request_seconds_count", "page=\"other\"", "status=\"4xx\""))
                .as("a page that does not exist").isGreaterThanOrEqualTo(1);
        assertThat(count(after, "interlink_api_request_seconds_count", "operation=\"GET /items\"", "status=\"2xx\"")
                - count(before, "interlink_api_request_seconds_count", "operation=\"GET /items\"", "status=\"2xx\""))
                .as("the API's list, twice").isGreaterThanOrEqualTo(2);
        assertThat(count(after, "interlink_api_request_seconds_count", "operation=\"GET /items/{id}\"", "status=\"4xx\""))
                .as("an item that does not exist, by the operation's template").isGreaterThanOrEqualTo(1);
        assertThat(count(after, "interlink_api_request_seconds_count", "operation=\"other\"", "status=\"4xx\""))
                .as("a path of no operation").isGreaterThanOrEqualTo(1);
        assertThat(after).as("nothing a client sends becomes a name").doesNotContain(madeUp).doesNotContain("987654321");
        assertThat(count(after, "interlink_audit_appended_total") - count(before, "interlink_audit_appended_total"))
                .as("the reads, sign-in and refusal were recorded").isGreaterThanOrEqualTo(4);
        assertThat(count(after, "interlink_audit_append_seconds_count")).isGreaterThanOrEqualTo(
                count(after, "interlink_audit_appended_total"));
        assertThat(after).contains("interlink_audit_unavailable_total");
    }

    /**
     * The value of the one sample of {@code name} whose tags include all of {@code tags}; 0 when there is none. (A tag's
     * value may hold braces: an operation's template.)
     */
    private static long count(String metrics, String name, String... tags) {
        Matcher samples = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*})? ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        long total = 0;
        int found = 0;
        while (samples.find()) {
            String labels = samples.group(1) == null ? "" : samples.group(1);
            if (List.of(tags).stream().allMatch(labels::contains)) {
                total += (long) Double.parseDouble(samples.group(2));
                found++;
            }
        }
        assertThat(found).as(name + " " + List.of(tags)).isLessThanOrEqualTo(1);
        return total;
    }

    private boolean refusalRecordedSince(long id, String text) {
        for (Instant deadline = Instant.now().plusSeconds(30); Instant.now().isBefore(deadline);) {
            if (audit.detailsSince(id, "anonymous").stream().anyMatch(event -> event.contains(text)
                    || event.contains("a valid token without the role the path needs"))) {
                return true;
            }
            pause();
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(500); // polling the audit trail, bounded by the deadline above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoMetrics(HttpResponse<String> answer) {
        assertThat(answer.body()).as(answer.request().uri() + " " + answer.statusCode()).doesNotContain("# TYPE", "mp_scope");
    }

    private static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
