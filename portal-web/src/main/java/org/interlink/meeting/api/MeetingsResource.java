package org.interlink.meeting.api;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlink.item.api.ItemApi;
import org.interlink.item.api.ItemDocument;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.meeting.boundary.MeetingForm;
import org.interlink.meeting.boundary.Meetings;
import org.interlink.meeting.entity.MeetingVersion;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Drafting and editing meeting outcomes through the API; reading, listing and the workflow steps are the
 * common item endpoints ({@code /items}). The body is the same {@link MeetingForm} the pages fill and
 * the {@code content} an item is read with. The action items of a published meeting are read and updated
 * (by officials and liaisons of their owner agency) under {@code /meetings/{id}/action-items}.
 */
@ApplicationScoped
@Path("meetings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meeting outcomes")
public class MeetingsResource {

    @Inject
    ItemApi api;

    @Inject
    Items items;

    @Inject
    Meetings meetings;

    @Context
    UriInfo uri;

    @POST
    @Operation(operationId = "createMeeting", summary = "Draft a new meeting outcome", description = "201 with the item's address (Location) and its tag (ETag).")
    @APIResponse(responseCode = "201", description = "Drafted; Location reads it, ETag is its tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response create(MeetingForm form) {
        return api.created(uri, items.draft(api.caller(), form));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateMeeting", summary = "Change the draft (or returned) version of a meeting outcome", description = "If-Match must carry the ETag read: a change over someone else's is refused with 412 and changes nothing.")
    @APIResponse(responseCode = "200", description = "The changed version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MeetingForm form) {
        return api.changed(uri, items.edit(api.caller(), new ItemId(id), form, ItemApi.tag(ifMatch, true)));
    }

    @GET
    @Path("{id}/action-items")
    @Operation(operationId = "listActionItems", summary = "Read the action items of a published meeting outcome", description = "With their status, overdue flag and last update; recorded as a read of the meeting "
            + "(TLP:AMBER and RED of another agency: say why in " + ItemApi.PURPOSE_HEADER + ").")
    @APIResponse(responseCode = "200", description = "The action items in meeting order", content = @Content(schema = @Schema(implementation = ActionItemDocument.class, type = SchemaType.ARRAY)))
    public List<ActionItemDocument> actionItems(@PathParam("id") long id, @HeaderParam(ItemApi.PURPOSE_HEADER) String purpose) {
        return documents(ItemApi.published(api.dossier(id, purpose), MeetingVersion.class, ItemKind.MEETING_OUTCOME));
    }

    @PUT
    @Path("{id}/action-items/{number}")
    @Operation(operationId = "updateActionItem", summary = "Update the status of an action item", description = "Officials and liaisons of the action item's owner agency, with a note, on the published meeting.")
    @APIResponse(responseCode = "200", description = "The meeting's action items after the update", content = @Content(schema = @Schema(implementation = ActionItemDocument.class, type = SchemaType.ARRAY)))
    public List<ActionItemDocument> updateActionItem(@PathParam("id") long id, @PathParam("number") int number, ActionItemUpdate body) {
        ActionItemUpdate update = body == null ? new ActionItemUpdate(null, null) : body;
        return documents(meetings.updateActionItem(api.caller(), new ItemId(id), number, update.status(), update.note()));
    }

    private static List<ActionItemDocument> documents(MeetingVersion meeting) {
        return IntStream.range(0, meeting.getActionItems().size())
                .mapToObj(i -> ActionItemDocument.of(i + 1, meeting.getActionItems().get(i))).toList();
    }
}
