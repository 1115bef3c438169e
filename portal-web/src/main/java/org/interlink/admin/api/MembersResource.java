package org.interlink.admin.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.interlink.admin.boundary.Member;
import org.interlink.admin.boundary.MemberAdministration;
import org.interlink.caller.entity.Role;
import org.interlink.caller.security.ApiCaller;
import org.interlink.infrastructure.rest.ApiRefusal;

import java.util.List;

/**
 * The agency administrator's members, through the API: the members of the agency the caller acts
 * for, as Keycloak knows them. The rules (only members of the caller's agency, only grantable roles,
 * never another agency's user) are the boundary's; every refusal is audited.
 */
@ApplicationScoped
@Path("members")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "The people of the caller's agency (agency-admin)")
public class MembersResource {

    private static final int MAX_PAGE = 100;

    @Inject
    ApiCaller caller;

    @Inject
    MemberAdministration administration;

    @Context
    UriInfo uri;

    /**
     * A new member: who they are and their roles (from OFFICIAL, LIAISON, VETTER, AUDITOR, AGENCY_ADMIN).
     * (No {@code @Schema} on the list: Payara's OpenAPI would turn the whole schema into an array.)
     */
    @Schema(name = "NewMember", description = "A new member; roles from OFFICIAL, LIAISON, VETTER, AUDITOR, AGENCY_ADMIN (at least one)")
    public record NewMember(@Schema(required = true) String username, @Schema(required = true) String firstName,
            @Schema(required = true) String lastName, @Schema(required = true) String email,
            List<Role> roles) {
    }

    /** The member created and the one-time password for their first sign-in (shown once; Keycloak then asks for their own). */
    @Schema(name = "CreatedMember")
    public record CreatedMember(Member member, String temporaryPassword) {
    }

    /** The roles a member is to have, exactly. */
    @Schema(name = "MemberRoles", description = "The roles a member is to have, exactly (at least one)")
    public record MemberRoles(List<Role> roles) {
    }

    @GET
    @Operation(operationId = "listMembers", summary = "The members of the caller's agency (agency-admin)")
    @APIResponse(responseCode = "200", description = "One page of members", content = @Content(schema = @Schema(implementation = Member.class, type = SchemaType.ARRAY)))
    public List<Member> members(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        caller.get();
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw invalid("first is 0 or more, max between 1 and " + MAX_PAGE + ".");
        }
        return administration.page(first, max);
    }

    @POST
    @Operation(operationId = "createMember", summary = "Create a member of the caller's agency (agency-admin)", description = "The answer carries the one-time password of the first sign-in, once.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CreatedMember.class)))
    public Response create(NewMember member) {
        caller.get();
        if (member == null) {
            throw invalid("Send the new member as JSON.");
        }
        MemberAdministration.Created created = administration.create(member.username(), member.firstName(), member.lastName(),
                member.email(), member.roles() == null ? List.of() : member.roles());
        return Response.created(uri.getAbsolutePathBuilder().path(created.member().username()).build())
                .entity(new CreatedMember(created.member(), created.temporaryPassword())).build();
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "readMember", summary = "One member of the caller's agency (agency-admin)")
    public Member member(@PathParam("username") String username) {
        caller.get();
        return administration.find(username);
    }

    @PUT
    @Path("{username}")
    @Operation(operationId = "addExistingMember", summary = "Make an existing user (e.g. of another agency) a member of the caller's agency too")
    public Member addExisting(@PathParam("username") String username) {
        caller.get();
        return administration.addExisting(username);
    }

    @DELETE
    @Path("{username}")
    @Operation(operationId = "removeMember", summary = "Take a member out of the caller's agency (account and other agencies stay)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("username") String username) {
        caller.get();
        administration.remove(username);
    }

    @PUT
    @Path("{username}/roles")
    @Operation(operationId = "changeMemberRoles", summary = "Give a member exactly these roles; their sessions end so that they hold at once")
    public Member roles(@PathParam("username") String username, MemberRoles roles) {
        caller.get();
        if (roles == null || roles.roles() == null) {
            throw invalid("Send {\"roles\": [...]}.");
        }
        return administration.changeRoles(username, roles.roles());
    }

    @POST
    @Path("{username}/disable")
    @Operation(operationId = "disableMember", summary = "Disable a member's account: signed out everywhere, their next request refused")
    public Member disable(@PathParam("username") String username) {
        caller.get();
        return administration.disable(username);
    }

    @POST
    @Path("{username}/enable")
    @Operation(operationId = "enableMember", summary = "Let a disabled member sign in again")
    public Member enable(@PathParam("username") String username) {
        caller.get();
        return administration.enable(username);
    }

    private static ApiRefusal invalid(String detail) {
        return new ApiRefusal("invalid-request", "The request cannot be carried out as asked", 400, detail);
    }
}
