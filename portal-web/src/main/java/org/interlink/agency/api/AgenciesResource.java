package org.interlink.agency.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlink.admin.boundary.PlatformAdministration;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyStatus;
import org.interlink.caller.security.ApiCaller;
import org.interlink.infrastructure.rest.ApiRefusal;

import java.util.List;

/**
 * The directory of agencies: what a calling system needs to address items (grants, addressees,
 * action-item owners), open to every caller of the API like the pages' choosers (it holds no item);
 * and, for a platform administrator only, onboarding and suspending agencies.
 */
@ApplicationScoped
@Path("agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "The agencies of the portal; onboarding and suspension by a platform administrator")
public class AgenciesResource {

    @Inject
    ApiCaller caller;

    @Inject
    Agencies agencies;

    @Inject
    PlatformAdministration administration;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listAgencies", summary = "All agencies, by name")
    public List<AgencyDocument> agencies() {
        caller.get();
        return agencies.all().stream().map(AgencyDocument::of).toList();
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "readAgency", summary = "One agency")
    public AgencyDocument agency(@PathParam("code") String code) {
        caller.get();
        return agencies.find(AgencyCode.of(code)).map(AgencyDocument::of)
                .orElseThrow(() -> notFound("agency", code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "onboardAgency", summary = "Onboard an agency (platform-admin)", description = "Creates the agency's Keycloak organization (alias = code) and the portal's agency in one action; "
            + "if either fails, neither is kept. 503 keycloak-unavailable when Keycloak cannot be reached.")
    @APIResponse(responseCode = "201", description = "Onboarded", content = @Content(schema = @Schema(implementation = AgencyDocument.class)))
    public Response onboard(AgencyDocument agency) {
        caller.get();
        if (agency == null) {
            throw new ApiRefusal("invalid-request", "The request cannot be carried out as asked", 400, "Send the agency as JSON.");
        }
        AgencyDocument onboarded = AgencyDocument.of(administration.onboard(agency.code(), agency.name(), agency.kind(), agency.country()));
        return Response.created(uri.getAbsolutePathBuilder().path(onboarded.code()).build()).entity(onboarded).build();
    }

    @PUT
    @Path("{code}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeAgencyStatus", summary = "Suspend or reactivate an agency (platform-admin)", description = "SUSPENDED: its people can no longer act for it and its items stop being shared; ACTIVE: both again.")
    public AgencyDocument status(@PathParam("code") String code, AgencyStatusChange change) {
        caller.get();
        if (change == null || change.status() == null) {
            throw new ApiRefusal("invalid-request", "The request cannot be carried out as asked", 400,
                    "Send {\"status\": \"ACTIVE\"|\"SUSPENDED\"}.");
        }
        return AgencyDocument.of(change.status() == AgencyStatus.ACTIVE ? administration.reactivate(code) : administration.suspend(code));
    }

    static ApiRefusal notFound(String what, String code) {
        return new ApiRefusal("not-found", "Not found", 404, "There is no " + what + " \"" + code + "\".");
    }
}
