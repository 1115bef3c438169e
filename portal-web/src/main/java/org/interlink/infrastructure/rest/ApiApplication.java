package org.interlink.infrastructure.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.interlink.admin.api.MembersResource;
import org.interlink.agency.api.AgenciesResource;
import org.interlink.agency.api.CommunitiesResource;
import org.interlink.agreement.api.AgreementsResource;
import org.interlink.consent.api.ConsentResource;
import org.interlink.item.api.ItemsResource;
import org.interlink.meeting.api.MeetingsResource;
import org.interlink.recommendation.api.RecommendationsResource;
import org.interlink.records.api.RecordsResource;

import java.util.Map;
import java.util.Set;

/**
 * The REST API for system-to-system exchange, version 1. Its classes are listed here, not scanned:
 * the Keycloak admin client in the WAR carries JAX-RS resource interfaces that must never become
 * endpoints (STACK.md).
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Interlink API", version = "1", description = "Exchange of vetted migration-management records, recommendations and meeting outcomes between "
        + "the systems of member agencies. Every call is checked by the same visibility rules as the portal's "
        + "pages and recorded in the audit trail. Errors are application/problem+json with a stable type."), security = @SecurityRequirement(name = "keycloak"), components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT", description = "An access token from the portal's Keycloak realm with the audience interlink-api: client credentials "
        + "of a system's confidential client (its service account acts for one agency), or a user's token.")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ItemsResource.class, RecordsResource.class, RecommendationsResource.class, MeetingsResource.class,
                AgenciesResource.class, CommunitiesResource.class, MembersResource.class, AgreementsResource.class, ConsentResource.class,
                ProblemMapper.class, ValidationProblems.class, JsonConfig.class, BodyLimit.class, OperationName.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        // errors keep their problem+json body instead of becoming the container's HTML error page
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
