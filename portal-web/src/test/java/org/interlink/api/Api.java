package org.interlink.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interlink.journeys.PortalStack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A calling system's view of the API: requests with a bearer token, answers with their JSON. Every
 * request is noted (method and path), so the contract test can tell which operations of the
 * OpenAPI document the tests exercised.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String token;
    private final Map<String, String> headers;

    private Api(String token, Map<String, String> headers) {
        this.token = token;
        this.headers = headers;
    }

    static Api as(String token) {
        return new Api(token, Map.of());
    }

    static Api anonymous() {
        return new Api(null, Map.of());
    }

    /** The same caller with one more header on every request. */
    Api with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(token, more);
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body, null);
    }

    /** A POST whose body goes without Content-Length (chunked), as a stream of unknown size does. */
    Answer postChunked(String path, byte[] body) {
        return send("POST", path, new Chunked(body), null);
    }

    /** A file sent as the body, with its own type. */
    Answer upload(String path, byte[] file, String contentType, String ifMatch) {
        return send("POST", path, new File(file, contentType), ifMatch);
    }

    Answer put(String path, Object body, String ifMatch) {
        return send("PUT", path, body, ifMatch);
    }

    Answer send(String method, String path, Object body, String ifMatch) {
        String uri = path.startsWith("http") ? path : PortalStack.portalUrl() + "/api/v1" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body instanceof File file) {
            request.header("Content-Type", file.contentType());
            publisher = HttpRequest.BodyPublishers.ofByteArray(file.bytes());
        } else if (body != null) {
            request.header("Content-Type", "application/json");
            publisher = body instanceof Chunked chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked.bytes()))
                    : HttpRequest.BodyPublishers.ofByteArray(body instanceof byte[] bytes ? bytes : bytes(body));
        }
        request.method(method, publisher);
        CALLED.add(method + " " + URI.create(uri).getPath());
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Chunked(byte[] bytes) {
    }

    private record File(byte[] bytes, String contentType) {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** An answer: status, headers, body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String etag() {
            return header("ETag").orElseThrow(() -> new AssertionError("no ETag (" + status + "): " + text()));
        }

        /** The problem type's last part, e.g. {@code not-found}. */
        String problem() {
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf(':') + 1);
        }

        List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            json().path("items").forEach(item -> ids.add(item.path("id").asLong()));
            return ids;
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
