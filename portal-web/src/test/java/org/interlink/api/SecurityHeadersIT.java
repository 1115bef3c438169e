package org.interlink.api;

import org.interlink.devstack.PortalSignIn;
import org.interlink.devstack.RealmDefinition;
import org.interlink.journeys.PortalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of answer the portal gives carries the browser hardening headers: pages, error pages,
 * the sign-in's redirects, static resources, health checks, the API's answers and refusals, and
 * downloads. One Content-Security-Policy per answer (two would both be enforced), never
 * {@code unsafe-eval}, never in a frame; Faces pages with a fresh nonce each; data (API, downloads)
 * under a policy that runs nothing. Over plain HTTP no Strict-Transport-Security (it would be ignored
 * and, behind a proxy that ends TLS, wrong).
 */
@ExtendWith(PortalStack.class)
class SecurityHeadersIT {

    private static final HttpClient ANONYMOUS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyAnswerOfTheSignedOutWorldCarriesTheHeaders() throws Exception {
        String portal = PortalStack.portalUrl();

        HttpResponse<String> signIn = anonymous(portal + "/items.xhtml");
        assertThat(signIn.statusCode()).as("sent to Keycloak").isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).startsWith(PortalStack.keycloakUrl());
        assertPage(signIn, false);
        assertPage(anonymous(portal + "/signed-out.xhtml"), true);
        assertPage(anonymous(portal + "/api-docs/"), false);
        assertPage(anonymous(portal + "/health/ready"), false);
        assertPage(anonymous(portal + "/openapi"), false);
        assertPage(anonymous(portal + "/callback?code=forged&state=forged"), false);

        assertData(anonymous(portal + "/api/v1/items"), 401);
        assertData(anonymous(portal + "/api/v1/%2e/items"), 400);
        assertData(Api.as(Tokens.user("moi.official")).get("/items"), 200);
        assertData(Api.as(Tokens.user("moi.official")).get("/items/987654321"), 404);
    }

    @Test
    void everyPageErrorPageAndDownloadOfASignedInPersonCarriesTheHeaders() {
        String portal = PortalStack.portalUrl();
        PortalSignIn session = new PortalSignIn();
        HttpResponse<String> dashboard = session.signIn(portal, "moi.official", RealmDefinition.DEMO_PASSWORD);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertPage(dashboard, true);

        HttpResponse<String> items = session.openAsIs(portal + "/items.xhtml");
        assertThat(items.statusCode()).isEqualTo(200);
        assertPage(items, true);
        HttpResponse<String> again = session.openAsIs(portal + "/items.xhtml");
        assertThat(nonce(again)).as("a nonce is used once").isNotEqualTo(nonce(items));
        assertPage(session.openAsIs(portal + "/search.xhtml"), true);

        HttpResponse<String> missing = session.openAsIs(portal + "/no-such-page.xhtml");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertPage(missing, true);
        HttpResponse<String> refused = session.openAsIs(portal + "/admin/agencies.xhtml");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertPage(refused, true);
        HttpResponse<String> notAFile = session.openAsIs(portal + "/attachments/987654321");
        assertThat(notAFile.statusCode()).isEqualTo(404);
        assertPage(notAFile, true);
        assertPage(session.openAsIs(portal + "/jakarta.faces.resource/interlink.css.xhtml?ln=interlink"), false);

        List<Integer> downloaded = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            HttpResponse<String> file = session.openAsIs(portal + "/attachments/" + id);
            if (file.statusCode() == 200) {
                downloaded.add(id);
                assertData(file.headers(), "download " + id);
            } else {
                assertThat(file.headers().allValues("Content-Security-Policy")).as("refused download " + id).hasSize(1);
                assertCommon(file.headers(), "refused download " + id);
            }
        }
        assertThat(downloaded).as("moi.official downloads the demo's CSV of the Safwan crossings").isNotEmpty();
    }

    private static void assertPage(HttpResponse<String> answer, boolean faces) {
        String what = answer.request().uri().getPath() + " (" + answer.statusCode() + ")";
        assertCommon(answer.headers(), what);
        String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).as(what).contains("default-src 'self'", "object-src 'none'", "base-uri 'self'")
                .containsPattern("script-src 'self'( 'nonce-[^']+')?;?$");
        if (faces) {
            assertThat(policy).as(what + ": a Faces page's scripts carry the answer's nonce").contains("'nonce-");
            assertThat(answer.body()).as(what + ": the nonce is on the page's scripts").contains("nonce=\"" + nonce(answer) + "\"");
        }
    }

    private static void assertData(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.request().uri() + ": " + answer.body()).isEqualTo(status);
        assertData(answer.headers(), answer.request().uri().getPath());
    }

    private static void assertData(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertData(HttpHeaders.of(answer.headers(), (name, value) -> true), "API answer " + status);
    }

    private static void assertData(HttpHeaders headers, String what) {
        assertCommon(headers, what);
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).as(what)
                .contains("default-src 'none'", "sandbox").doesNotContain("script-src");
    }

    private static void assertCommon(HttpHeaders headers, String what) {
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).contains("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
        List<String> policies = headers.allValues("Content-Security-Policy");
        assertThat(policies).as(what + ": one policy").hasSize(1);
        assertThat(policies.get(0)).as(what).contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(headers.firstValue("Strict-Transport-Security")).as(what + ": over plain HTTP").isEmpty();
    }

    private static String nonce(HttpResponse<String> page) {
        return page.headers().firstValue("Content-Security-Policy").orElseThrow().replaceAll(".*'nonce-([^']+)'.*", "$1");
    }

    private static HttpResponse<String> anonymous(String url) throws Exception {
        return ANONYMOUS.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
