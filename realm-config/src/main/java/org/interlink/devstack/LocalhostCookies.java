package org.interlink.devstack;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cookies of one browser session on {@code localhost}, sent back whatever their path or
 * {@code Secure} flag: browsers treat {@code http://localhost} as a secure context, and Keycloak
 * marks its login cookies {@code Secure}; Java's own cookie manager would withhold them.
 */
public final class LocalhostCookies extends CookieHandler {

    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        if (cookies.isEmpty()) {
            return Map.of();
        }
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
        return Map.of("Cookie", List.of(header.toString()));
    }

    /** One cookie as a request header value, e.g. {@code JSESSIONID=abc}. */
    public String header(String name) {
        return name + "=" + value(name);
    }

    /** One cookie's value. */
    public String value(String name) {
        String value = cookies.get(name);
        if (value == null) {
            throw new IllegalStateException("no cookie " + name + " was set");
        }
        return value;
    }

    /** Sets a cookie as a browser's user could, e.g. the balancer's to choose a node. */
    public void set(String name, String value) {
        cookies.put(name, value);
    }

    /** Gives {@code other} these cookies but those named in {@code except}. */
    public void copyTo(LocalhostCookies other, Set<String> except) {
        cookies.forEach((name, value) -> {
            if (!except.contains(name)) {
                other.cookies.put(name, value);
            }
        });
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if ("set-cookie".equalsIgnoreCase(name)) {
                values.forEach(value -> HttpCookie.parse(value).forEach(cookie -> {
                    if (cookie.getMaxAge() == 0) {
                        cookies.remove(cookie.getName());
                    } else {
                        cookies.put(cookie.getName(), cookie.getValue());
                    }
                }));
            }
        });
    }
}
