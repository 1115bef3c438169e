package org.interlink.admin.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.boundary.Communities;
import org.interlink.agency.control.AgencyRegistration;
import org.interlink.agency.control.CommunityRegistration;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyAlreadyRegistered;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.agency.entity.AgencyStatus;
import org.interlink.agency.entity.Community;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.infrastructure.keycloak.KeycloakRealm;
import org.interlink.infrastructure.transaction.OnRollback;
import org.interlink.item.entity.NotAllowed;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the platform administrator does: onboard agencies (the Keycloak organization and the
 * portal's agency in one action), suspend and reactivate them, and keep the communities. Every
 * change is audited with what was before and after, in the transaction of the change; a change
 * made in Keycloak is undone if the transaction does not commit ({@link OnRollback}).
 */
@Stateless
public class PlatformAdministration {

    @Inject
    KeycloakRealm keycloak;

    @Inject
    OnRollback onRollback;

    @Inject
    Agencies agencies;

    @Inject
    AgencyRegistration registration;

    @Inject
    Communities communities;

    @Inject
    CommunityRegistration communityRegistration;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditGate audit;

    /**
     * Creates the agency's Keycloak organization (alias = the agency's code) and the portal's agency.
     * If Keycloak refuses or cannot be reached, nothing is created; if the portal's part fails after
     * Keycloak's, the organization is removed again.
     */
    public Agency onboard(String code, String name, AgencyKind kind, String country) {
        requirePlatformAdmin("onboard agency " + code);
        AgencyCode agencyCode = AgencyCode.of(code == null ? "" : code.trim());
        String agencyName = required(name, "name", 200);
        if (kind == null) {
            throw new InvalidAdminRequest("Choose the kind of agency.");
        }
        String countryCode = country(country);
        if (agencies.find(agencyCode).isPresent()) {
            throw new AgencyAlreadyRegistered(agencyCode);
        }
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName(agencyName);
        organization.setAlias(agencyCode.value());
        organization.setDescription(agencyName);
        organization.setEnabled(true);
        String id = keycloak.call(realm -> {
            try (Response created = realm.organizations().create(organization)) {
                if (created.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new InvalidAdminRequest("Keycloak has an organization with this name or code already: "
                            + "choose another, or ask the realm's administrators about it.");
                }
                return CreatedResponseUtil.getCreatedId(created);
            }
        });
        onRollback.undo("Keycloak organization " + agencyCode + " (" + id + ")",
                () -> keycloak.call(realm -> realm.organizations().get(id).delete()).close());
        Agency agency = registration.register(agencyCode, agencyName, kind, countryCode);
        audit.record(caller.get(), AuditAction.ADMIN, AuditOutcome.ALLOWED, null, null,
                "onboarded agency " + agencyCode + ": before none; after \"" + agencyName + "\", " + kind + ", "
                        + (countryCode == null ? "international" : countryCode) + ", ACTIVE, Keycloak organization " + id);
        return agency;
    }

    /** Its people can no longer act for it (sign-in leads to "no agency") and its items stop being shared. */
    public Agency suspend(String code) {
        return changeStatus(code, AgencyStatus.SUSPENDED);
    }

    /** Its people act for it again and what it shared is shared again. */
    public Agency reactivate(String code) {
        return changeStatus(code, AgencyStatus.ACTIVE);
    }

    private Agency changeStatus(String code, AgencyStatus status) {
        requirePlatformAdmin("set the status of agency " + code + " to " + status);
        Agency agency = agency(code);
        AgencyStatus before = agency.getStatus();
        if (before == status) {
            return agency;
        }
        if (status == AgencyStatus.SUSPENDED) {
            agency.suspend();
        } else {
            agency.reactivate();
        }
        boolean enabled = status == AgencyStatus.ACTIVE;
        Optional<String> organization = keycloak.call(realm -> organization(realm, agency.getCode()).map(org -> {
            org.setEnabled(enabled);
            realm.organizations().get(org.getId()).update(org).close();
            return org.getId();
        }));
        organization.ifPresent(id -> onRollback.undo("Keycloak organization " + agency.getCode() + " enabled=" + enabled,
                () -> keycloak.call(realm -> {
                    OrganizationRepresentation org = realm.organizations().get(id).toRepresentation();
                    org.setEnabled(!enabled);
                    return realm.organizations().get(id).update(org);
                }).close()));
        audit.record(caller.get(), AuditAction.ADMIN, AuditOutcome.ALLOWED, null, null,
                "agency " + agency.getCode() + " status: before " + before + "; after " + status
                        + organization.map(id -> ", Keycloak organization " + (enabled ? "enabled" : "disabled"))
                                .orElse(", no Keycloak organization"));
        return agency;
    }

    /** A new community of the given agencies. */
    public Community createCommunity(String code, String name, List<String> memberCodes) {
        requirePlatformAdmin("create community " + code);
        AgencyCode communityCode = AgencyCode.of(code == null ? "" : code.trim());
        String communityName = required(name, "name", 200);
        List<Agency> members = memberCodes == null ? List.of() : memberCodes.stream().map(this::agency).toList();
        Community community = communityRegistration.register(communityCode, communityName, members);
        audit.record(caller.get(), AuditAction.ADMIN, AuditOutcome.ALLOWED, null, null,
                "created community " + communityCode + ": before none; after \"" + communityName + "\", members " + codes(community));
        return community;
    }

    /** Adds an agency to a community, or takes it out ({@code member} false). */
    public Community changeCommunity(String communityCode, String agencyCode, boolean member) {
        requirePlatformAdmin("change the members of community " + communityCode);
        Community community = communities.find(AgencyCode.of(communityCode))
                .orElseThrow(() -> new InvalidAdminRequest("There is no community " + communityCode + "."));
        Agency agency = agency(agencyCode);
        String before = codes(community);
        boolean changed = member ? community.add(agency) : community.remove(agency);
        if (changed) {
            audit.record(caller.get(), AuditAction.ADMIN, AuditOutcome.ALLOWED, null, null,
                    "community " + community.getCode() + " members: before " + before + "; after " + codes(community));
        }
        return community;
    }

    /** Only a platform administrator does any of this: anyone else is refused, and the attempt audited. */
    private void requirePlatformAdmin(String attempt) {
        Caller admin = caller.get();
        if (!admin.hasRole(Role.PLATFORM_ADMIN)) {
            audit.recordRefusal(admin, AuditAction.ADMIN, null, "refused to " + attempt + ": not a platform administrator");
            throw new NotAllowed("Only a platform administrator manages agencies and communities.");
        }
    }

    private Agency agency(String code) {
        return agencies.find(AgencyCode.of(code == null ? "" : code.trim()))
                .orElseThrow(() -> new InvalidAdminRequest("There is no agency " + code + "."));
    }

    /**
     * The agency's organization in Keycloak: the one whose alias is the agency's code (Keycloak's
     * search matches names and domains, not aliases; the platform has tens of agencies).
     */
    static Optional<OrganizationRepresentation> organization(RealmResource realm, AgencyCode code) {
        return realm.organizations().list(0, 10_000).stream()
                .filter(org -> code.value().equals(org.getAlias())).findFirst();
    }

    private static String codes(Community community) {
        return community.getMembers().stream().map(a -> a.getCode().value()).sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String country(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new InvalidAdminRequest("The country is a two-letter ISO code (e.g. IQ), or empty for an international body.");
        }
        return code;
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidAdminRequest("The " + field + " is required.");
        }
        if (value.trim().length() > max) {
            throw new InvalidAdminRequest("The " + field + " is longer than " + max + " characters.");
        }
        return value.trim();
    }
}
