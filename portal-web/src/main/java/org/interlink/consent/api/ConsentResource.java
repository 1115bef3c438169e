package org.interlink.consent.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.interlink.caller.security.ApiCaller;
import org.interlink.consent.boundary.ConsentRequests;
import org.interlink.consent.entity.ConsentNotFound;
import org.interlink.infrastructure.rest.ApiRefusal;
import org.interlink.item.entity.ItemId;

import java.util.List;

@ApplicationScoped
@Path("consent-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "Consent to forward: a reader of another agency's item asks its owner to pass it on to a third "
        + "agency; a vetter of the owner (not the version's author) approves, publishing a version shared with that agency too, or declines")
public class ConsentResource {

    @Inject
    ApiCaller caller;

    @Inject
    ConsentRequests consents;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listConsentRequests", summary = "The requests the caller's agency made or was asked, newest first")
    public List<ConsentDocument> list() {
        return consents.list(caller.get()).stream().map(ConsentDocument::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "readConsentRequest", summary = "One request the caller's agency made or was asked")
    public ConsentDocument read(@PathParam("id") long id) {
        return ConsentDocument.of(consents.read(caller.get(), id).orElseThrow(() -> new ConsentNotFound(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "askConsent", summary = "Ask the owner of an item the caller reads to pass it on to another agency, with a reason")
    @APIResponse(responseCode = "201", description = "Asked", content = @Content(schema = @Schema(implementation = ConsentDocument.class)))
    public Response ask(ConsentAsked asked) {
        if (asked == null || asked.item() == null) {
            throw new ApiRefusal("invalid-request", "The request cannot be carried out as asked", 400,
                    "Send {\"item\": id, \"agency\": code, \"reason\": text}.");
        }
        ConsentDocument made = ConsentDocument.of(consents.request(caller.get(), new ItemId(asked.item()), asked.agency(), asked.reason()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(made.id())).build()).entity(made).build();
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveConsent", summary = "Approve (vetter of the owner agency): a new version, shared with the agency asked for too, is published")
    public ConsentDocument approve(@PathParam("id") long id, ConsentDecision decision) {
        return ConsentDocument.of(consents.approve(caller.get(), id, decision == null ? null : decision.reason()));
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declineConsent", summary = "Decline (vetter of the owner agency), with a reason: nothing changes")
    public ConsentDocument decline(@PathParam("id") long id, ConsentDecision decision) {
        return ConsentDocument.of(consents.decline(caller.get(), id, decision == null ? null : decision.reason()));
    }
}
