package org.interlink.api;

import org.interlink.journeys.PortalStack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 requests written byte for byte, so that a request path reaches the portal exactly as
 * given — encoded characters, path parameters, dot segments and double slashes included, which an
 * HTTP client library would normalise or refuse.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** The status line's code and the body (chunks and all: it is only searched). */
    record Answer(int status, String head, String body) {

        @Override
        public String toString() {
            return status + " " + head.lines().filter(line -> line.startsWith("Location") || line.startsWith("Content-Type"))
                    .toList() + " " + body.substring(0, Math.min(body.length(), 300));
        }
    }

    /** Sends {@code method path} to the portal with these cookies (and a JSON body, when given). */
    static Answer send(String method, String path, String cookies, String json) {
        URI portal = URI.create(PortalStack.portalUrl());
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(portal.getHost()).append(':').append(portal.getPort()).append("\r\n")
                    .append("Accept: application/json, text/html\r\n")
                    .append("Connection: close\r\n");
            if (cookies != null) {
                request.append("Cookie: ").append(cookies).append("\r\n");
            }
            if (json != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String answer = readAll(socket.getInputStream());
            int headEnd = answer.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
            String[] statusLine = head.lines().findFirst().orElse("").split(" ");
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
            return new Answer(status, head, headEnd < 0 ? "" : answer.substring(headEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
