package org.interlink.records.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.interlink.item.entity.ItemId;
import org.interlink.records.boundary.RecordForm;

/**
 * Drafting and editing migration-management records through the API; reading, listing and the workflow steps are the
 * common item endpoints ({@code /items}). The body is the same {@link RecordForm} the pages fill and
 * the {@code content} an item is read with.
 */
@ApplicationScoped
@Path("records")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Records")
public class RecordsResource {

    @Inject
    ItemApi api;

    @Inject
    Items items;

    @Context
    UriInfo uri;

    @POST
    @Operation(operationId = "createRecord", summary = "Draft a new migration-management record", description = "201 with the item's address (Location) and its tag (ETag).")
    @APIResponse(responseCode = "201", description = "Drafted; Location reads it, ETag is its tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response create(RecordForm form) {
        return api.created(uri, items.draft(api.caller(), form));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateRecord", summary = "Change the draft (or returned) version of a migration-management record", description = "If-Match must carry the ETag read: a change over someone else's is refused with 412 and changes nothing.")
    @APIResponse(responseCode = "200", description = "The changed version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RecordForm form) {
        return api.changed(uri, items.edit(api.caller(), new ItemId(id), form, ItemApi.tag(ifMatch, true)));
    }
}
