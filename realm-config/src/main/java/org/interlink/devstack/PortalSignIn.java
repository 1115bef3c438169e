package org.interlink.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a demo user in to the portal the way a browser does, with plain HTTP: the portal's
 * redirect to Keycloak, the username page, the password page, the one-time code page when Keycloak asks
 * for one (privileged roles: the demo users' code, {@link OneTimeCodes#demo()}), and back. For tests and
 * benchmarks that need a signed-in session without a browser.
 */
public final class PortalSignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CODE_FORM = Pattern.compile("<form id=\"kc-otp-login-form\"[^>]*action=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final HttpClient withoutRedirects;
    private final LocalhostCookies cookies = new LocalhostCookies();

    public PortalSignIn() {
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(cookies)
                .connectTimeout(TIMEOUT).build();
        withoutRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
                .connectTimeout(TIMEOUT).build();
    }

    /** Signs in and returns the page the portal lands on (its dashboard). */
    public HttpResponse<String> signIn(String portalUrl, String username, String password) {
        return signIn(portalUrl, username, password, browser -> {
        });
    }

    /**
     * Signs in as {@link #signIn(String, String, String)} does, and runs {@code onKeycloak} once the portal has sent the
     * browser to Keycloak, e.g. to change the balancer's cookie so that Keycloak's answer lands on another node.
     */
    public HttpResponse<String> signIn(String portalUrl, String username, String password, Consumer<PortalSignIn> onKeycloak) {
        HttpResponse<String> usernamePage = send(get(portalUrl + "/"));
        onKeycloak.accept(this);
        HttpResponse<String> passwordPage = send(post(formAction(usernamePage), "username=" + encode(username)));
        HttpResponse<String> landed = send(post(formAction(passwordPage), "password=" + encode(password)));
        return confirmCode(landed, OneTimeCodes.demo());
    }

    /** Answers Keycloak's one-time code page with {@code code}, if the page is that; else the page as it is. */
    public HttpResponse<String> confirmCode(HttpResponse<String> page, String code) {
        Matcher codeForm = CODE_FORM.matcher(page.body());
        return codeForm.find() ? send(post(codeForm.group(1).replace("&amp;", "&"), "otp=" + code)) : page;
    }

    /** A GET with the session of the signed-in user. */
    public HttpResponse<String> open(String url) {
        return send(get(url));
    }

    /** A GET with the session of the signed-in user that does not follow a redirect: the answer as the portal gave it. */
    public HttpResponse<String> openAsIs(String url) {
        return send(withoutRedirects, get(url));
    }

    /** The portal's session cookie, e.g. for a load generator: {@code JSESSIONID=…}. */
    public String sessionCookie() {
        return cookies.header("JSESSIONID");
    }

    /** The value of one of the browser's cookies, e.g. the balancer's, which names the node that serves it. */
    public String cookie(String name) {
        return cookies.value(name);
    }

    /** Sets one of the browser's cookies, e.g. the balancer's, to be served by a chosen node. */
    public void setCookie(String name, String value) {
        cookies.set(name, value);
    }

    /**
     * Another browser with this one's Keycloak session (its cookies but those named, e.g. the portal's session): its
     * sign-in to the portal passes through Keycloak's single sign-on into the same Keycloak session (for a second factor,
     * Keycloak asks for a code again).
     */
    public PortalSignIn sharingKeycloakSession(Set<String> except) {
        PortalSignIn other = new PortalSignIn();
        cookies.copyTo(other.cookies, except);
        return other;
    }

    public HttpClient client() {
        return client;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(client, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formAction(HttpResponse<String> page) {
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (!form.find()) {
            throw new IllegalStateException("no Keycloak login form on " + page.uri() + ":\n" + page.body());
        }
        return form.group(1).replace("&amp;", "&");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
