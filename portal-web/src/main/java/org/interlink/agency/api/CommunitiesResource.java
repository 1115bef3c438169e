package org.interlink.agency.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlink.agency.boundary.Communities;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.caller.security.ApiCaller;

import java.util.List;

/** The communities (named sets of agencies an item can be shared with at once), read-only. */
@ApplicationScoped
@Path("communities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communities", description = "Named sets of agencies (read-only)")
public class CommunitiesResource {

    @Inject
    ApiCaller caller;

    @Inject
    Communities communities;

    @GET
    @Operation(operationId = "listCommunities", summary = "All communities, by name, with their member agencies")
    public List<CommunityDocument> communities() {
        caller.get();
        return communities.all().stream().map(CommunityDocument::of).toList();
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "readCommunity", summary = "One community")
    public CommunityDocument community(@PathParam("code") String code) {
        caller.get();
        AgencyCode wanted = AgencyCode.of(code);
        return communities.all().stream().filter(c -> c.getCode().equals(wanted)).findFirst().map(CommunityDocument::of)
                .orElseThrow(() -> AgenciesResource.notFound("community", code));
    }
}
