package org.interlink.admin.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.interlink.agency.boundary.Access;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.InvalidAgencyCode;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.infrastructure.keycloak.KeycloakRealm;
import org.interlink.infrastructure.transaction.OnRollback;
import org.interlink.item.entity.NotAllowed;
import org.interlink.notification.boundary.Notifications;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What an agency administrator does for their agency (the one they act for), in Keycloak: list its
 * members, create a member, change a member's roles, disable or enable a member's account, add an
 * existing user of another agency, remove a member. The rules are kept here, on the server:
 * <ul>
 *     <li>only an {@code agency-admin} acting for an agency does any of this (anyone else is refused,
 *     audited — the pages are closed to them too, but the rule is here);</li>
 *     <li>only members of the administrator's agency are touched; anyone else — another agency's
 *     user or no user at all, alike — is refused, and the attempt is audited;</li>
 *     <li>only {@link #GRANTABLE} roles are given: never {@code platform-admin};</li>
 *     <li>roles and accounts count in every agency of a person, so an administrator changes them only
 *     for people who belong to their agency alone (those of several agencies are the platform's to
 *     change) — an agency counts here whatever its status: a suspended agency's people are still
 *     its people; they never change their own; a user who administers an agency or the platform is not
 *     added to another agency;</li>
 *     <li>an existing user is added only while they belong to an active agency of the portal: an
 *     account of no agency (or only of suspended ones) is not taken in by whichever administrator
 *     asks first;</li>
 *     <li>service accounts — the users Keycloak keeps for every client that calls with its own
 *     credentials, the portal's included — belong to no one through the portal: a system is bound to
 *     its agency by its client's token mapper, not by membership, and whoever could add it to their
 *     agency could then re-role or disable another agency's system. They are never opened, added,
 *     created, changed, disabled, enabled or removed here; that is the realm administrators' work.</li>
 * </ul>
 * Disabling ends the person's Keycloak sessions and their portal sessions and tokens (next request
 * refused, {@link Access}); a change of roles or agencies ends their portal sessions, so that the
 * change holds from their next request. Every change is audited with before and after in the
 * transaction of the change; Keycloak's part is undone if that transaction does not commit.
 */
@Stateless
public class MemberAdministration {

    /** The roles an agency administrator may give. */
    public static final Set<Role> GRANTABLE = EnumSet.of(Role.OFFICIAL, Role.LIAISON, Role.VETTER, Role.AUDITOR, Role.AGENCY_ADMIN);

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");
    /** Keycloak names a client's service account {@code service-account-<client id>} (ServiceAccountConstants). */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final String PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    KeycloakRealm keycloak;

    @Inject
    OnRollback onRollback;

    @Inject
    CurrentCaller caller;

    @Inject
    Agencies agencies;

    @Inject
    Access access;

    @Inject
    Notifications notifications;

    @Inject
    AuditGate audit;

    /** A member just created, with the one-time password they sign in with first (Keycloak then asks for their own). */
    public record Created(Member member, String temporaryPassword) {
    }

    public long count() {
        Agency agency = agency(caller.get());
        return keycloak.call(realm -> organization(realm, agency).members().count());
    }

    /** One page of the agency's members (audited as a list). */
    public List<Member> page(int first, int max) {
        Caller admin = caller.get();
        Agency agency = agency(admin);
        List<Member> members = keycloak.call(realm -> organization(realm, agency).members().list(first, max, false).stream()
                .map(user -> member(realm, user)).toList());
        audit.record(admin, AuditAction.LIST, AuditOutcome.ALLOWED, null, null,
                "members of " + agency.getCode() + " from " + first + ": " + members.size());
        return members;
    }

    /** One member of the agency (audited); anyone else is refused, and the attempt audited. */
    public Member find(String username) {
        Caller admin = caller.get();
        Agency agency = agency(admin);
        Member member = keycloak.call(realm -> member(realm, admin, agency, username, "open").member());
        audit.record(admin, AuditAction.VIEW, AuditOutcome.ALLOWED, null, null, "member " + member.username() + " of " + agency.getCode());
        return member;
    }

    public Created create(String username, String firstName, String lastName, String email, Collection<Role> roles) {
        Caller admin = caller.get();
        Agency agency = agency(admin);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidAdminRequest("The username has 3 to 100 lower-case letters, digits, dots, dashes or underscores, "
                    + "starting with a letter or digit.");
        }
        if (name.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            throw serviceAccountRefusal(admin, "create " + name, name);
        }
        String first = PlatformAdministration.required(firstName, "first name", 100);
        String last = PlatformAdministration.required(lastName, "last name", 100);
        String mail = email == null ? "" : email.trim();
        if (!EMAIL.matcher(mail).matches() || mail.length() > 320) {
            throw new InvalidAdminRequest("Give the person's e-mail address (name@domain).");
        }
        Set<Role> wanted = grantable(admin, roles, "create " + name);
        String password = temporaryPassword();
        Member member = keycloak.call(realm -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(name);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(mail);
            user.setEnabled(true);
            user.setEmailVerified(true);
            String id;
            try (Response created = realm.users().create(user)) {
                if (created.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new InvalidAdminRequest("A user with this username or e-mail address exists already. "
                            + "To make an existing user a member of your agency, add them as an existing user.");
                }
                if (created.getStatusInfo().getFamily() == Response.Status.Family.CLIENT_ERROR) {
                    // e.g. the realm's user profile refuses a field
                    throw new InvalidAdminRequest("Keycloak refused the new user (" + created.readEntity(String.class) + ").");
                }
                id = CreatedResponseUtil.getCreatedId(created);
            }
            onRollback.undo("Keycloak user " + name, () -> keycloak.call(r -> r.users().delete(id)).close());
            realm.users().get(id).roles().realmLevel().add(representations(realm, wanted));
            try (Response added = organization(realm, agency).members().addMember(id)) {
                expectSuccess(added, "add " + name + " to " + agency.getCode());
            }
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            realm.users().get(id).resetPassword(credential);
            return reload(realm, id);
        });
        changed(admin, member, "created member " + name + " of " + agency.getCode() + ": before none; after "
                + describe(member) + ", one-time password to be changed at first sign-in");
        return new Created(member, password);
    }

    /** Gives the member exactly these roles; their portal sessions end so that the new roles hold at once. */
    public Member changeRoles(String username, Collection<Role> roles) {
        Caller admin = caller.get();
        Agency agency = agency(admin);
        Set<Role> wanted = grantable(admin, roles, "change the roles of " + username);
        return keycloak.call(realm -> {
            Account account = soleMember(realm, admin, agency, username, "change the roles of");
            Member before = account.member();
            Set<Role> current = before.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(before.roles());
            if (current.equals(wanted)) {
                return before;
            }
            Set<Role> added = EnumSet.copyOf(wanted);
            added.removeAll(current);
            Set<Role> removed = EnumSet.copyOf(current);
            removed.removeAll(wanted);
            String id = account.id();
            applyRoles(realm, id, added, removed);
            onRollback.undo("roles of Keycloak user " + username, () -> keycloak.call(r -> {
                applyRoles(r, id, removed, added);
                return null;
            }));
            access.revoke(new Username(username));
            Member after = reload(realm, id);
            changed(admin, after, "roles of " + username + " in " + agency.getCode() + ": before " + before.roles()
                    + "; after " + after.roles() + ", portal sessions ended");
            return after;
        });
    }

    /** The member can no longer sign in; their Keycloak sessions, portal sessions and API tokens end now. */
    public Member disable(String username) {
        return setEnabled(username, false);
    }

    public Member enable(String username) {
        return setEnabled(username, true);
    }

    private Member setEnabled(String username, boolean enabled) {
        Caller admin = caller.get();
        Agency agency = agency(admin);
        String verb = enabled ? "enable" : "disable";
        return keycloak.call(realm -> {
            Account account = soleMember(realm, admin, agency, username, verb);
            Member before = account.member();
            if (before.enabled() == enabled) {
                return before;
            }
            String id = account.id();
            enabled(realm, id, enabled);
            onRollback.undo(verb + " Keycloak user " + username, () -> keycloak.call(r -> {
                enabled(r, id, !enabled);
                return null;
            }));
            if (!enabled) {
                realm.users().get(id).logout();
                access.revoke(new Username(username));
            }
            Member after = reload(realm, id);
            changed(admin, after, "account of " + username + " in " + agency.getCode() + ": before "
                    + (enabled ? "disabled" : "enabled") + "; after " + (enabled ? "enabled" : "disabled, sessions ended"));
            return after;
        });
    }

    /** Makes an existing user (of another agency) a member of the administrator's agency too. */
    public Member addExisting(String username) {
        Caller admin = caller.get();
        Agency agency = agency(admin);
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return keycloak.call(realm -> {
            if (name.startsWith(SERVICE_ACCOUNT_PREFIX)) {
                throw serviceAccountRefusal(admin, "add " + name + " to " + agency.getCode(), name);
            }
            UserRepresentation user = user(realm, name)
                    .orElseThrow(() -> new InvalidAdminRequest("There is no user \"" + name + "\": create them as a new member."));
            if (isServiceAccount(realm, user)) {
                throw serviceAccountRefusal(admin, "add " + name + " to " + agency.getCode(), name);
            }
            Member before = member(realm, user);
            if (before.agencies().contains(agency.getCode().value())) {
                throw new InvalidAdminRequest(name + " is a member of your agency already.");
            }
            if (before.roles().contains(Role.AGENCY_ADMIN) || before.roles().contains(Role.PLATFORM_ADMIN)) {
                throw refusal(admin, "add " + name + " to " + agency.getCode() + ": they administer an agency or the platform",
                        name + " administers an agency or the platform; an administrator is not added to another agency.");
            }
            if (activeAgencies(before).isEmpty()) {
                throw refusal(admin, "add " + name + " to " + agency.getCode() + ": they belong to no active agency (agencies "
                        + before.agencies() + ")",
                        new NotAllowed(name + " belongs to no active agency of the portal; only people of an active agency are "
                                + "added to another. Ask the platform's administrators.", "noActiveAgency", name));
            }
            try (Response added = organization(realm, agency).members().addMember(user.getId())) {
                expectSuccess(added, "add " + name + " to " + agency.getCode());
            }
            onRollback.undo("membership of " + name + " in " + agency.getCode(),
                    () -> keycloak.call(r -> organization(r, agency).members().member(user.getId()).delete()).close());
            Member after = member(realm, user);
            changed(admin, after, "agencies of " + name + ": before " + before.agencies() + "; after " + after.agencies()
                    + " (added by " + agency.getCode() + ", roles " + after.roles() + ")");
            return after;
        });
    }

    /** Takes the member out of the administrator's agency (their account and other agencies stay). */
    public Member remove(String username) {
        Caller admin = caller.get();
        Agency agency = agency(admin);
        return keycloak.call(realm -> {
            Account account = member(realm, admin, agency, username, "remove");
            Member before = account.member();
            if (before.username().equals(admin.username().value())) {
                throw new InvalidAdminRequest("You cannot remove yourself; ask another administrator of your agency.");
            }
            String id = account.id();
            organization(realm, agency).members().member(id).delete().close();
            onRollback.undo("membership of " + username + " in " + agency.getCode(),
                    () -> keycloak.call(r -> organization(r, agency).members().addMember(id)).close());
            access.revoke(new Username(username));
            Member after = reload(realm, id);
            changed(admin, after, "agencies of " + username + ": before " + before.agencies() + "; after " + after.agencies()
                    + " (removed by " + agency.getCode() + "), portal sessions ended");
            return after;
        });
    }

    /** The agency the caller administers: the one they act for, if they are its {@code agency-admin}. */
    private Agency agency(Caller admin) {
        if (!admin.hasRole(Role.AGENCY_ADMIN) || admin.activeAgency().isEmpty()) {
            throw refusal(admin, "manage members without being an agency administrator acting for an agency",
                    "Only an agency administrator manages the members of their agency.");
        }
        return admin.activeAgency().get();
    }

    /** The roles asked for, if all are {@link #GRANTABLE}; asking for another is refused and audited. */
    private Set<Role> grantable(Caller admin, Collection<Role> roles, String attempt) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidAdminRequest("Give the person at least one role.");
        }
        Set<Role> wanted = EnumSet.copyOf(roles);
        if (!GRANTABLE.containsAll(wanted)) {
            Set<Role> refused = EnumSet.copyOf(wanted);
            refused.removeAll(GRANTABLE);
            throw refusal(admin, attempt + " with roles " + wanted, "An agency administrator does not give the roles " + refused + ".");
        }
        return wanted;
    }

    /** A member as Keycloak knows them, with their Keycloak id (for the calls that change them). */
    private record Account(String id, Member member) {
    }

    /**
     * A member of the agency (refused and audited for anyone else: another agency's user, or nobody);
     * a service account is refused before anything else is asked of Keycloak about it, member or not.
     */
    private Account member(RealmResource realm, Caller admin, Agency agency, String username, String verb) {
        String name = username == null ? "" : username.trim();
        if (name.toLowerCase(Locale.ROOT).startsWith(SERVICE_ACCOUNT_PREFIX)) {
            throw serviceAccountRefusal(admin, verb + " " + name, name);
        }
        Optional<UserRepresentation> user = user(realm, name);
        if (user.isPresent() && isServiceAccount(realm, user.get())) {
            throw serviceAccountRefusal(admin, verb + " " + name, name);
        }
        return user.map(found -> new Account(found.getId(), member(realm, found)))
                .filter(account -> account.member().agencies().contains(agency.getCode().value()))
                .orElseThrow(() -> refusal(admin, verb + " " + name + ": not a member of " + agency.getCode(),
                        name + " is not a member of your agency."));
    }

    /**
     * Whether the user is a client's service account: Keycloak says so on the user
     * ({@code serviceAccountClientId}, asked of the user itself: a search may not carry it), or the
     * name is Keycloak's for one ({@value #SERVICE_ACCOUNT_PREFIX}…, which Keycloak keeps for them).
     */
    private static boolean isServiceAccount(RealmResource realm, UserRepresentation user) {
        if (user.getServiceAccountClientId() != null
                || user.getUsername() != null && user.getUsername().toLowerCase(Locale.ROOT).startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return true;
        }
        return realm.users().get(user.getId()).toRepresentation().getServiceAccountClientId() != null;
    }

    private NotAllowed serviceAccountRefusal(Caller admin, String attempt, String username) {
        return refusal(admin, attempt + ": a service account (a system's account, managed in Keycloak only)",
                new NotAllowed(username + " is a system's service account: it belongs to no agency through the portal and is "
                        + "managed by the realm's administrators only.", "serviceAccount", username));
    }

    /** The person's agencies that are active agencies of the portal (an organization unknown to the portal counts for none). */
    private List<Agency> activeAgencies(Member member) {
        List<AgencyCode> codes = member.agencies().stream().flatMap(alias -> {
            try {
                return Stream.of(AgencyCode.of(alias));
            } catch (InvalidAgencyCode notAnAgency) {
                return Stream.empty();
            }
        }).toList();
        return codes.isEmpty() ? List.of() : agencies.withCodes(codes).stream().filter(Agency::isActive).toList();
    }

    /** A member of the agency alone, not the administrator: the only kind whose account and roles they change. */
    private Account soleMember(RealmResource realm, Caller admin, Agency agency, String username, String verb) {
        Account account = member(realm, admin, agency, username, verb);
        Member member = account.member();
        if (member.username().equals(admin.username().value())) {
            throw new InvalidAdminRequest("You cannot " + verb + " yourself; ask another administrator of your agency.");
        }
        if (member.belongsElsewhere(agency.getCode().value()) || member.roles().contains(Role.PLATFORM_ADMIN)) {
            throw refusal(admin, verb + " " + member.username() + ": also of " + member.agencies(),
                    member.username() + " is also a member of another agency " + member.agencies()
                            + "; their account and roles count there too and are changed by the platform's administrators.");
        }
        return account;
    }

    private NotAllowed refusal(Caller admin, String attempt, String message) {
        return refusal(admin, attempt, new NotAllowed(message));
    }

    private NotAllowed refusal(Caller admin, String attempt, NotAllowed refused) {
        audit.recordRefusal(admin, AuditAction.ADMIN, null, "refused to " + attempt);
        return refused;
    }

    /** Audits the change and tells the notification directory the person's agencies and roles now. */
    private void changed(Caller admin, Member member, String details) {
        audit.record(admin, AuditAction.ADMIN, AuditOutcome.ALLOWED, null, null, details);
        List<Agency> memberOf = member.enabled()
                ? agencies.withCodes(member.agencies().stream().map(AgencyCode::of).toList())
                : List.of();
        notifications.administered(Caller.resolve(new Username(member.username()), member.name(), member.roles(),
                memberOf, Optional.empty()), member.email());
    }

    private static OrganizationResource organization(RealmResource realm, Agency agency) {
        OrganizationRepresentation organization = PlatformAdministration.organization(realm, agency.getCode())
                .orElseThrow(() -> new InvalidAdminRequest("Keycloak has no organization for " + agency.getCode()
                        + "; ask the platform's administrators."));
        return realm.organizations().get(organization.getId());
    }

    private static Optional<UserRepresentation> user(RealmResource realm, String username) {
        return realm.users().searchByUsername(username, true).stream()
                .filter(user -> username.equalsIgnoreCase(user.getUsername())).findFirst();
    }

    /** The member as Keycloak has them now, after a change. */
    private static Member reload(RealmResource realm, String id) {
        return member(realm, realm.users().get(id).toRepresentation());
    }

    private static Member member(RealmResource realm, UserRepresentation user) {
        List<Role> roles = realm.users().get(user.getId()).roles().realmLevel().listAll().stream()
                .map(role -> Role.fromClaim(role.getName())).flatMap(Optional::stream).sorted().toList();
        List<String> memberOf = realm.organizations().members().getOrganizations(user.getId(), true).stream()
                .map(OrganizationRepresentation::getAlias).sorted().toList();
        return new Member(user.getUsername(), user.getFirstName(), user.getLastName(), user.getEmail(),
                Boolean.TRUE.equals(user.isEnabled()), roles, memberOf);
    }

    private static void applyRoles(RealmResource realm, String id, Set<Role> add, Set<Role> remove) {
        if (!add.isEmpty()) {
            realm.users().get(id).roles().realmLevel().add(representations(realm, add));
        }
        if (!remove.isEmpty()) {
            realm.users().get(id).roles().realmLevel().remove(representations(realm, remove));
        }
    }

    private static void enabled(RealmResource realm, String id, boolean enabled) {
        UserRepresentation user = realm.users().get(id).toRepresentation();
        user.setEnabled(enabled);
        realm.users().get(id).update(user);
    }

    private static List<RoleRepresentation> representations(RealmResource realm, Set<Role> roles) {
        return roles.stream().map(role -> realm.roles().get(role.claim()).toRepresentation()).toList();
    }

    private static void expectSuccess(Response response, String what) {
        if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            throw new IllegalStateException("Keycloak refused to " + what + ": HTTP " + response.getStatus());
        }
    }

    private static String describe(Member member) {
        return member.name() + " <" + member.email() + ">, " + (member.enabled() ? "enabled" : "disabled")
                + ", roles " + member.roles() + ", agencies " + member.agencies();
    }

    /** Four groups of four letters and digits that are not mistaken for each other (~79 bits). */
    static String temporaryPassword() {
        return IntStream.range(0, 4).mapToObj(group -> IntStream.range(0, 4)
                .mapToObj(i -> String.valueOf(PASSWORD_LETTERS.charAt(RANDOM.nextInt(PASSWORD_LETTERS.length()))))
                .collect(Collectors.joining()))
                .collect(Collectors.joining("-"));
    }
}
