package org.interlink.agreement.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.interlink.agreement.boundary.AgreementForm;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.agreement.entity.Agreement;
import org.interlink.agreement.entity.AgreementNotFound;
import org.interlink.caller.security.ApiCaller;
import org.interlink.infrastructure.rest.ApiRefusal;
import org.interlink.infrastructure.rest.BodyLimit;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.view.AttachmentDownload;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
@Path("agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "The register of data-sharing agreements: drafted by an agency administrator of one party, "
        + "active once an administrator of every other party has countersigned; another agency's items above TLP:CLEAR are read "
        + "only under an active agreement that covers them")
public class AgreementsResource {

    @Inject
    ApiCaller caller;

    @Inject
    Agreements agreements;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listAgreements", summary = "The agreements of the caller's agency (a platform administrator: all), by last day")
    public List<AgreementDocument> list() {
        LocalDate today = LocalDate.now(clock);
        return agreements.list(caller.get()).stream().map(a -> AgreementDocument.of(a, today)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "readAgreement", summary = "One agreement of the caller's agency; another agency's is not found")
    public AgreementDocument read(@PathParam("id") long id) {
        return document(agreements.read(caller.get(), id).orElseThrow(() -> new AgreementNotFound(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "draftAgreement", summary = "Draft an agreement (agency-admin): signed for the caller's agency, active once every other party countersigns", description = "Parties: agencies by code (the caller's agency is one), or one community by code, whose members are the parties.")
    @APIResponse(responseCode = "201", description = "Drafted", content = @Content(schema = @Schema(implementation = AgreementDocument.class)))
    public Response draft(AgreementForm form) {
        if (form == null) {
            throw new ApiRefusal("invalid-request", "The request cannot be carried out as asked", 400, "Send the agreement as JSON.");
        }
        AgreementDocument drafted = document(agreements.draft(caller.get(), form));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(drafted.id())).build()).entity(drafted).build();
    }

    @POST
    @Path("{id}/countersign")
    @Operation(operationId = "countersignAgreement", summary = "Countersign a draft for the caller's agency (agency-admin of another party)", description = "When the draft holds a signed document, name the one you read: its documentSha256 in the document parameter (409 agreement-refused when it is missing or the document changed since).")
    public AgreementDocument countersign(@PathParam("id") long id,
            @Parameter(description = "The SHA-256 of the signed document read (documentSha256)") @QueryParam("document") String documentSeen) {
        return document(agreements.countersign(caller.get(), id, documentSeen));
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "suspendAgreement", summary = "Suspend an active agreement (agency-admin of a party), with a reason: it covers nothing from now on")
    public AgreementDocument suspend(@PathParam("id") long id, AgreementStep step) {
        return document(agreements.suspend(caller.get(), id, step == null ? null : step.reason()));
    }

    @POST
    @Path("{id}/resume")
    @Operation(operationId = "resumeAgreement", summary = "Resume a suspended agreement (agency-admin of the party that suspended it)")
    public AgreementDocument resume(@PathParam("id") long id) {
        return document(agreements.resume(caller.get(), id));
    }

    @POST
    @Path("{id}/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "terminateAgreement", summary = "Terminate an agreement for good (agency-admin of a party), with a reason: it covers nothing from now on")
    public AgreementDocument terminate(@PathParam("id") long id, AgreementStep step) {
        return document(agreements.terminate(caller.get(), id, step == null ? null : step.reason()));
    }

    @POST
    @Path("{id}/document")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "attachAgreementDocument", summary = "Attach the signed document to a draft (agency-admin of a party), before the other parties countersign", description = "The body is the file, its type in Content-Type, its name in the filename parameter; checked as an item's attachment (400 invalid-content otherwise, recorded).")
    public AgreementDocument attachDocument(@PathParam("id") long id,
            @Parameter(description = "The file's name, e.g. dsa-signed.pdf", required = true) @QueryParam("filename") String filename,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream file) {
        try {
            return document(agreements.attachDocument(caller.get(), id, filename, contentType, file));
        } finally {
            BodyLimit.drain(file);
        }
    }

    @GET
    @Path("{id}/document")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadAgreementDocument", summary = "The signed document of an agreement of the caller's agency, recorded as a download")
    public Response downloadDocument(@PathParam("id") long id) {
        Attachments.AttachedFile file = agreements.document(caller.get(), id).orElseThrow(() -> new AgreementNotFound(id));
        Response.ResponseBuilder response = Response.ok(file.bytes(), file.contentType());
        AttachmentDownload.headers(file).forEach(response::header);
        return response.build();
    }

    private AgreementDocument document(Agreement agreement) {
        return AgreementDocument.of(agreement, LocalDate.now(clock));
    }
}
