package org.interlink.agency.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.caller.boundary.ApiCaller;
import org.interlink.infrastructure.rest.ApiRefusal;

import java.util.List;

/**
 * The directory of agencies, read-only: what a calling system needs to address items (grants,
 * addressees, action-item owners). Open to every caller of the API, like the pages' choosers; it
 * holds no item.
 */
@Path("agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "The agencies of the portal (read-only)")
public class AgenciesResource {

    @Inject
    ApiCaller caller;

    @Inject
    Agencies agencies;

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

    static ApiRefusal notFound(String what, String code) {
        return new ApiRefusal("not-found", "Not found", 404, "There is no " + what + " \"" + code + "\".");
    }
}
