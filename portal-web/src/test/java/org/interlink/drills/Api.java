package org.interlink.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calling system of the drills: JSON requests with its bearer token; no answer is status -1. */
final class Api {

    /**
     * HTTP/1.1, a connection per request under way: the drills' clients are separate systems (the JDK's client would
     * otherwise put every request of the drill on one HTTP/2 connection).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final String portalUrl;
    private final String token;

    Api(String portalUrl, String token) {
        this.portalUrl = portalUrl;
        this.token = token;
    }

    Answer send(String method, String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1" + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, ifMatch);
    }

    /** A file posted as the body ({@code POST /items/{id}/attachments?filename=…}). */
    Answer upload(String path, byte[] file, String contentType, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1" + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)), ifMatch);
    }

    private Answer send(HttpRequest.Builder request, String ifMatch) {
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                    answer.headers().firstValue("ETag").orElse(null), answer.headers().firstValue("Retry-After").orElse(null),
                    answer.body());
        } catch (IOException e) {
            return new Answer(-1, "", null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", null, null, "interrupted");
        }
    }

    /** A download (an attachment): the bytes as they came. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1" + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An answer; {@code status} -1: none came (connection failed or timed out). */
    record Answer(int status, String contentType, String etag, String retryAfter, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /**
         * A refusal a client can act on: 503 with a problem document (the database or the audit trail unavailable, the
         * portal busy), or 429 (a limit of the caller) with one and {@code Retry-After}.
         */
        boolean clearRefusal() {
            return (status == 503 || throttled()) && contentType.startsWith("application/problem+json");
        }

        /** 429: a limit of the caller, with the seconds to wait. */
        boolean throttled() {
            return status == 429 && retryAfter != null && retryAfter.matches("\\d+");
        }

        /**
         * Waits as a well-behaved client does when told to (429, 503 with {@code Retry-After}), at most 2 s: the drills'
         * clients go on asking.
         */
        void backOff() throws InterruptedException {
            if ((status == 429 || status == 503) && retryAfter != null && retryAfter.matches("\\d+")) {
                Thread.sleep(Math.min(2, Long.parseLong(retryAfter)) * 1000); // the pace the portal asked for
            }
        }

        long id() {
            Matcher id = ID.matcher(body);
            if (!id.find()) {
                throw new IllegalStateException("no id in " + status + " " + body);
            }
            return Long.parseLong(id.group(1));
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
