package org.interlink.recommendation.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlink.item.api.ItemApi;
import org.interlink.item.api.ItemDocument;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Dossier;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.recommendation.boundary.RecommendationForm;
import org.interlink.recommendation.boundary.Recommendations;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.sharing.boundary.SharedItems;

/**
 * Drafting and editing recommendations through the API; reading, listing and the workflow steps are the
 * common item endpoints ({@code /items}). The body is the same {@link RecommendationForm} the pages fill and
 * the {@code content} an item is read with. The addressee's follow-up (decision, progress, implemented) has its
 * own endpoints; only officials of the addressee agency take it.
 */
@ApplicationScoped
@Path("recommendations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationsResource {

    @Inject
    ItemApi api;

    @Inject
    Recommendations recommendations;

    @Inject
    Items items;

    @Inject
    SharedItems sharedItems;

    @Context
    UriInfo uri;

    @POST
    @Operation(operationId = "createRecommendation", summary = "Draft a new recommendation", description = "201 with the item's address (Location) and its tag (ETag).")
    @APIResponse(responseCode = "201", description = "Drafted; Location reads it, ETag is its tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response create(RecommendationForm form) {
        return api.created(uri, items.draft(api.caller(), form));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateRecommendation", summary = "Change the draft (or returned) version of a recommendation", description = "If-Match must carry the ETag read: a change over someone else's is refused with 412 and changes nothing.")
    @APIResponse(responseCode = "200", description = "The changed version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RecommendationForm form) {
        return api.changed(uri, items.edit(api.caller(), new ItemId(id), form, ItemApi.tag(ifMatch, true)));
    }

    @GET
    @Path("{id}/follow-up")
    @Operation(operationId = "readFollowUp", summary = "Read what became of a recommendation", description = "The addressee's decision and progress with their timeline, as far as the caller reads the recommendation; "
            + "recorded as a read (TLP:AMBER and RED of another agency: say why in " + ItemApi.PURPOSE_HEADER + ").")
    @APIResponse(responseCode = "200", description = "The follow-up", content = @Content(schema = @Schema(implementation = FollowUpDocument.class)))
    public FollowUpDocument followUp(@PathParam("id") long id, @HeaderParam(ItemApi.PURPOSE_HEADER) String purpose) {
        Dossier dossier = api.dossier(id, purpose);
        return FollowUpDocument.of(ItemApi.published(dossier, RecommendationVersion.class, ItemKind.RECOMMENDATION), dossier.history());
    }

    @POST
    @Path("{id}/decision")
    @Operation(operationId = "decideRecommendation", summary = "Accept, partially accept or reject a recommendation", description = "Officials of the addressee agency, once, with a rationale; 409 when it was decided already.")
    @APIResponse(responseCode = "200", description = "The follow-up after the decision", content = @Content(schema = @Schema(implementation = FollowUpDocument.class)))
    public FollowUpDocument decide(@PathParam("id") long id, DecisionRequest body) {
        DecisionRequest decision = body == null ? new DecisionRequest(null, null) : body;
        return answer(recommendations.decide(api.caller(), new ItemId(id), decision.decision(), decision.rationale()));
    }

    @POST
    @Path("{id}/progress")
    @Operation(operationId = "reportProgress", summary = "Report the progress of an accepted recommendation", description = "Officials of the addressee agency: percent (0 to 99) and a note; 409 before a decision or after rejection.")
    @APIResponse(responseCode = "200", description = "The follow-up after the report", content = @Content(schema = @Schema(implementation = FollowUpDocument.class)))
    public FollowUpDocument progress(@PathParam("id") long id, ProgressRequest body) {
        if (body == null || body.percent() == null) {
            throw ItemApi.invalid("percent", "percent is a number from 0 to 99");
        }
        return answer(recommendations.reportProgress(api.caller(), new ItemId(id), body.percent(), body.note()));
    }

    @POST
    @Path("{id}/implemented")
    @Operation(operationId = "markImplemented", summary = "Mark an accepted recommendation implemented", description = "Officials of the addressee agency, with an optional note; progress becomes 100 %.")
    @APIResponse(responseCode = "200", description = "The follow-up, implemented", content = @Content(schema = @Schema(implementation = FollowUpDocument.class)))
    public FollowUpDocument implemented(@PathParam("id") long id, ProgressRequest body) {
        return answer(recommendations.implemented(api.caller(), new ItemId(id), body == null ? null : body.note()));
    }

    /** The answer to a follow-up step: the follow-up with its timeline as far as the caller reads the history. */
    private FollowUpDocument answer(RecommendationVersion version) {
        return FollowUpDocument.of(version, sharedItems.historyAfterChange(api.caller(), version.getItem()));
    }
}
