package org.interlink.cluster;

import org.interlink.devstack.PortalSignIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kill drill's load (issue 22): clients that each ask the cluster, through the balancer, one request after the
 * other until closed — signed-in people opening the shared list, systems reading it through the API, and a system
 * recording border incidents (the writes, each with a title of its own). Every answer is kept with its times, and every
 * write the portal acknowledged (201) with the id it gave.
 */
final class ClusterLoad implements AutoCloseable {

    enum Kind {
        PAGE, API_READ, API_WRITE
    }

    /** One request: what, when (nanoTime), and its answer's status, or the failure when there was none (status 0). */
    record Outcome(Kind kind, long started, long ended, int status, String failure) {

        boolean error() {
            return status == 0 || status >= 500;
        }

        /** A page answered with a redirect to sign in (Keycloak) or to the signed-out page: the person was signed out. */
        boolean signedOut() {
            return kind == Kind.PAGE && status == 302;
        }

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(ended - started);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final String url;
    private final String drill = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient api = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private volatile boolean running = true;

    private ClusterLoad(String url) {
        this.url = url;
    }

    /**
     * Starts the clients: one per signed-in browser, one per read token (each its own client, several may share a
     * token) and one per write token.
     */
    static ClusterLoad start(String url, List<PortalSignIn> browsers, List<String> readTokens, List<String> writeTokens) {
        ClusterLoad load = new ClusterLoad(url);
        browsers.forEach(browser -> load.clients.submit(() -> load.loop(Kind.PAGE, n -> load.page(browser))));
        readTokens.forEach(token -> load.clients.submit(() -> load.loop(Kind.API_READ, n -> load.read(token))));
        for (int i = 0; i < writeTokens.size(); i++) {
            String token = writeTokens.get(i);
            String client = "w" + i;
            load.clients.submit(() -> load.loop(Kind.API_WRITE, n -> load.write(token, client + "-" + n)));
        }
        return load;
    }

    /** The prefix of the titles this drill writes. */
    String titles() {
        return "Kill drill " + drill + " ";
    }

    /** The writes the portal acknowledged: title → item id. */
    Map<String, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** The requests under way now. */
    int inFlight() {
        return inFlight.get();
    }

    /** The requests that ended between the two times (nanoTime). */
    List<Outcome> endedBetween(long from, long to) {
        return outcomes.stream().filter(o -> o.ended() >= from && o.ended() < to).toList();
    }

    Collection<Outcome> all() {
        return List.copyOf(outcomes);
    }

    private interface Request {
        int send(long n) throws Exception;
    }

    private void loop(Kind kind, Request request) {
        for (long n = 0; running; n++) {
            long started = System.nanoTime();
            inFlight.incrementAndGet();
            int status = 0;
            String failure = null;
            try {
                status = request.send(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failure = e.toString();
            } finally {
                inFlight.decrementAndGet();
            }
            outcomes.add(new Outcome(kind, started, System.nanoTime(), status, failure));
        }
    }

    private int page(PortalSignIn browser) {
        return browser.openAsIs(url + "/items.xhtml").statusCode();
    }

    private int read(String token) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/items?view=SHARED_WITH_MY_AGENCY&size=20")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int write(String token, String name) throws Exception {
        String title = titles() + name;
        String incident = """
                {"title": "%s", "summary": "Recorded during the cluster's kill drill.",
                 "sharing": {"marking": "GREEN", "scope": "ALL_MEMBERS"},
                 "type": "BORDER_INCIDENT", "referenceDate": "2026-12-04", "location": "Trebil border crossing",
                 "category": "Document fraud"}""".formatted(title);
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/records")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(incident)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 201) {
            Matcher id = ID.matcher(answer.body());
            acknowledged.put(title, id.find() ? Long.parseLong(id.group(1)) : -1L);
        }
        return answer.statusCode();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            throw new IllegalStateException("the drill's clients did not stop");
        }
    }

    /** Requests per second, p50 and p95 in ms, of the answered requests (not errors) among {@code outcomes}. */
    static String figures(List<Outcome> outcomes, double seconds) {
        List<Long> millis = new ArrayList<>(outcomes.stream().filter(o -> !o.error()).map(Outcome::millis).sorted().toList());
        return String.format("rps=%.1f p50_ms=%d p95_ms=%d", outcomes.size() / seconds, percentile(millis, 50), percentile(millis, 95));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
