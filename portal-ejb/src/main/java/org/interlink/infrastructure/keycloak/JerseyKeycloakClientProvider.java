package org.interlink.infrastructure.keycloak;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import org.glassfish.jersey.client.proxy.WebResourceFactory;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

import javax.net.ssl.SSLContext;
import java.util.concurrent.TimeUnit;

/**
 * Runs keycloak-admin-client on Payara's own Jersey instead of the RESTEasy it brings (which, in
 * the same application, takes over JAX-RS and breaks the OIDC sign-out; STACK.md). Registered in
 * {@code META-INF/services}; Keycloak's admin client finds it there.
 */
public class JerseyKeycloakClientProvider implements ResteasyClientProvider {

    @Override
    public Client newRestEasyClient(Object customJacksonProvider, SSLContext sslContext, boolean disableTrustManager) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                // Jersey would read the token response with JSON-B or MOXy (access_token comes back null)
                .property("jersey.config.disableJsonBinding", true)
                .property("jersey.config.disableMoxyJson", true)
                // the admin API sends PUTs without a body (e.g. joining a group)
                .property("jersey.config.client.suppressHttpComplianceValidation", true)
                .register(customJacksonProvider != null ? customJacksonProvider : jackson());
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    @Override
    public <R> R targetProxy(WebTarget target, Class<R> targetClass) {
        return WebResourceFactory.newResource(targetClass, target);
    }

    /** JSON as Keycloak's own client reads and writes it: no nulls sent, unknown fields ignored. */
    private static JacksonJsonProvider jackson() {
        ObjectMapper mapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new JacksonJsonProvider(mapper);
    }
}
