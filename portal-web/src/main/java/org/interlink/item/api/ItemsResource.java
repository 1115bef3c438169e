package org.interlink.item.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlink.caller.entity.Caller;
import org.interlink.infrastructure.rest.BodyLimit;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.view.AttachmentDownload;
import org.interlink.sharing.boundary.SharedItems;

import java.io.InputStream;
import java.util.List;

/**
 * Items of every kind: list, read, history, attachments and the workflow steps. Each call is one
 * use case of the {@link SharedItems} and {@code Items} boundaries, so the visibility gate decides what is found and the
 * audit gate records it; an item the caller may not read is 404, exactly like a missing one.
 */
@ApplicationScoped
@Path("items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Items", description = "Records, recommendations and meeting outcomes: read, history, workflow")
public class ItemsResource {

    @Inject
    ItemApi api;

    @Inject
    SharedItems sharedItems;

    @Inject
    Attachments attachments;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listItems", summary = "List the items the caller reads", description = "Pages through the items of a view, newest change first. changedAfter pulls what changed since the last pull.")
    public ItemPage list(
            @Parameter(description = "ALL, MY_AGENCY, SHARED_WITH_MY_AGENCY or VETTING_QUEUE") @QueryParam("view") String view,
            @Parameter(description = "RECORD, RECOMMENDATION or MEETING_OUTCOME") @QueryParam("kind") String kind,
            @QueryParam("state") String state,
            @QueryParam("marking") String marking,
            @Parameter(description = "Words in the title") @QueryParam("title") String title,
            @Parameter(description = "ISO-8601 instant: only items changed after it") @QueryParam("changedAfter") String changedAfter,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("" + ItemApi.DEFAULT_SIZE) int size) {
        return api.list(uri, kind, view, state, marking, title, changedAfter, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "readItem", summary = "Read an item", description = "Recorded as a read. TLP:AMBER and RED items of other agencies need the reader's purpose.")
    @APIResponse(responseCode = "200", description = "The item; its ETag is the version tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response read(@PathParam("id") long id,
            @Parameter(description = "Why the caller reads it (asked for TLP:AMBER and RED items of other agencies)") @HeaderParam(ItemApi.PURPOSE_HEADER) String purpose) {
        return api.read(uri, id, purpose);
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "readHistory", summary = "Read an item's history", description = "What the caller may read of it: all of it for the owner agency; for others, the publications and what followed them (decisions, progress, action-item updates). Recorded as a read; an AMBER or RED edition of another agency needs the reader's purpose.")
    public List<HistoryEntry> history(@PathParam("id") long id,
            @Parameter(description = "Why the caller reads it (asked for TLP:AMBER and RED items of other agencies)") @HeaderParam(ItemApi.PURPOSE_HEADER) String purpose) {
        ItemId itemId = new ItemId(id);
        Caller caller = api.caller();
        List<ItemEvent> history = api.withPurpose(caller, itemId, () -> sharedItems.history(caller, itemId, ItemApi.given(purpose)));
        if (history.isEmpty()) {
            // every item the caller reads has an entry (its drafting, or its publication): this one they may not read
            throw new ItemNotFound(itemId);
        }
        return history.stream().map(HistoryEntry::of).toList();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadAttachment", summary = "Download an attached file", description = "Recorded as a download; the Digest header carries its SHA-256 (hex). A file of another agency's AMBER or RED edition needs the reader's purpose.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "application/octet-stream"))
    public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId,
            @Parameter(description = "Why the caller reads it (asked for files of TLP:AMBER and RED editions of other agencies)") @HeaderParam(ItemApi.PURPOSE_HEADER) String purpose) {
        Caller caller = api.caller();
        ItemId itemId = new ItemId(id);
        // a file asked for as another item's is "not found" below, whatever its own item needs
        boolean needed = attachments.purposeNeeded(caller, attachmentId).filter(itemId::equals).isPresent();
        Attachments.AttachedFile file = attachments.download(caller, itemId, attachmentId, api.purpose(caller, itemId, purpose, needed))
                .orElseThrow(() -> new ItemNotFound(itemId));
        Response.ResponseBuilder response = Response.ok(file.bytes(), file.contentType());
        AttachmentDownload.headers(file).forEach(response::header);
        return response.build();
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "attachFile", summary = "Attach a file to the draft or returned version (its author)", description = "The body is the file, its type in Content-Type, its name in the filename parameter. Checked as an upload on the item's page: at most interlink.attachments.max-bytes (10 MiB), a type the portal accepts, which the bytes, the name and Content-Type agree on (400 invalid-content otherwise, recorded as a refused change). With If-Match, only onto the version read (412 otherwise). A refused file changes nothing. 201: the item as it is now, with its new ETag; Location names the file.")
    @APIResponse(responseCode = "201", description = "The item with the file; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response attach(@PathParam("id") long id,
            @Parameter(description = "The file's name, e.g. report.pdf", required = true) @QueryParam("filename") String filename,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            InputStream file) {
        // read inside the change, as the page's upload: only once the caller may attach (a refusal costs no read), at most
        // the limit and one byte, and a file too large, broken off or of the wrong type is a refused change, recorded
        Attachments.Attached attached;
        try {
            attached = attachments.attach(api.caller(), new ItemId(id), filename, contentType, file, ItemApi.tag(ifMatch, false));
        } finally {
            // what was not read (a refused or too large file) is dropped, so that a client still sending hears the answer
            BodyLimit.drain(file);
        }
        Response changed = api.changed(uri, attached.item());
        return Response.fromResponse(changed).status(Response.Status.CREATED)
                .location(uri.getBaseUriBuilder().path("items").path(Long.toString(id)).path("attachments")
                        .path(Long.toString(attached.file().getId())).build())
                .build();
    }

    @POST
    @Path("{id}/submit")
    @Operation(operationId = "submitItem", summary = "Submit the current version for vetting (its author)")
    @APIResponse(responseCode = "200", description = "The item's current version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response submit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StepRequest body) {
        return api.step(uri, id, ItemStep.SUBMIT, body, ifMatch);
    }

    @POST
    @Path("{id}/publish")
    @Operation(operationId = "publishItem", summary = "Vet: publish the submitted version (a vetter of the owner agency, never its author)")
    @APIResponse(responseCode = "200", description = "The item's current version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response publish(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StepRequest body) {
        return api.step(uri, id, ItemStep.PUBLISH, body, ifMatch);
    }

    @POST
    @Path("{id}/return")
    @Operation(operationId = "returnItem", summary = "Vet: return the submitted version to its author, saying why")
    @APIResponse(responseCode = "200", description = "The item's current version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response returnToAuthor(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StepRequest body) {
        return api.step(uri, id, ItemStep.RETURN, body, ifMatch);
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawItem", summary = "Withdraw the current version (its author or a vetter of the owner agency)")
    @APIResponse(responseCode = "200", description = "The item's current version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response withdraw(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StepRequest body) {
        return api.step(uri, id, ItemStep.WITHDRAW, body, ifMatch);
    }

    @POST
    @Path("{id}/archive")
    @Operation(operationId = "archiveItem", summary = "Archive the published version: still read, no longer changed")
    @APIResponse(responseCode = "200", description = "The item's current version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response archive(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StepRequest body) {
        return api.step(uri, id, ItemStep.ARCHIVE, body, ifMatch);
    }

    @POST
    @Path("{id}/new-version")
    @Operation(operationId = "startNewVersion", summary = "Start the next version of a published item (the published one stays what others read)")
    @APIResponse(responseCode = "200", description = "The item's current version; ETag is its new tag", content = @Content(schema = @Schema(implementation = ItemDocument.class)))
    public Response newVersion(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, StepRequest body) {
        return api.step(uri, id, ItemStep.NEW_VERSION, body, ifMatch);
    }
}
