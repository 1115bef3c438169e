package org.interlink.caller.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The person behind the current request and the agency they act for. Resolved from the token once
 * per request; the rules of who may act for which agency live here.
 *
 * <ul>
 *     <li>A caller belongs to the active agencies named in their {@code organization} claim;
 *     unknown and suspended agencies don't count.</li>
 *     <li>With one agency, that agency is active. With several, the caller chooses; a choice of an
 *     agency they no longer belong to is ignored.</li>
 *     <li>Only a platform administrator may use the portal without belonging to any agency.</li>
 * </ul>
 */
public final class Caller {

    private final PersonId person;
    private final Username username;
    private final String displayName;
    private final Set<Role> roles;
    private final List<Agency> agencies;
    private final Agency activeAgency;

    private Caller(PersonId person, Username username, String displayName, Set<Role> roles, List<Agency> agencies,
            Agency activeAgency) {
        this.person = person;
        this.username = username;
        this.displayName = displayName;
        this.roles = roles;
        this.agencies = agencies;
        this.activeAgency = activeAgency;
    }

    /**
     * @param memberOf the agencies the token names (already looked up; any status)
     * @param chosen   the agency the caller chose to act for earlier in the session, if any
     */
    public static Caller resolve(Username username, String displayName, Collection<Role> roles,
            Collection<Agency> memberOf, Optional<AgencyCode> chosen) {
        return resolve(null, username, displayName, roles, memberOf, chosen);
    }

    /**
     * As {@link #resolve(Username, String, Collection, Collection, Optional)}, for the person with this id at the
     * identity provider (the token's subject). Only a caller with an id is ever a named reader of a TLP:RED item.
     */
    public static Caller resolve(PersonId person, Username username, String displayName, Collection<Role> roles,
            Collection<Agency> memberOf, Optional<AgencyCode> chosen) {
        Objects.requireNonNull(username);
        List<Agency> active = memberOf.stream().filter(Agency::isActive).distinct().toList();
        Set<Role> roleSet = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        Agency acting = chosen.flatMap(code -> find(active, code))
                .orElse(active.size() == 1 ? active.get(0) : null);
        String name = displayName == null || displayName.isBlank() ? username.value() : displayName;
        return new Caller(person, username, name, Set.copyOf(roleSet), active, acting);
    }

    /**
     * The same caller acting for another of their agencies.
     *
     * @throws NotAMemberOfAgency when the caller does not belong to that (active) agency
     */
    public Caller actingFor(AgencyCode code) {
        Agency agency = find(agencies, code).orElseThrow(() -> new NotAMemberOfAgency(username, code));
        return new Caller(person, username, displayName, roles, agencies, agency);
    }

    /** The caller belongs to several agencies and has not said yet which one they act for. */
    public boolean mustChooseAgency() {
        return activeAgency == null && agencies.size() > 1;
    }

    /** The caller belongs to no active agency and is no platform administrator: nothing to do here. */
    public boolean isWithoutAgency() {
        return agencies.isEmpty() && !hasRole(Role.PLATFORM_ADMIN);
    }

    public boolean canSwitchAgency() {
        return agencies.size() > 1;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Username username() {
        return username;
    }

    /** The identity provider's id of the caller; empty for a caller known by name only (never a named reader). */
    public Optional<PersonId> person() {
        return Optional.ofNullable(person);
    }

    /** Whether the caller is one of these people (by id: a later user of the same name is not). */
    public boolean isAmong(Collection<PersonId> people) {
        return person != null && people.contains(person);
    }

    public String displayName() {
        return displayName;
    }

    /** The caller's Interlink roles in declaration order. */
    public List<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles).stream().toList();
    }

    public List<Agency> agencies() {
        return agencies;
    }

    public Optional<Agency> activeAgency() {
        return Optional.ofNullable(activeAgency);
    }

    /**
     * Who acts (the person and their name), for which agency and with which roles: what a figure counted for the caller
     * and kept a while is kept under (a vetter counts their agency's TLP:RED versions, acting for another agency counts
     * others, and a later user of the same name is another person).
     */
    public Acting actingAs() {
        return new Acting(person, username, activeAgency == null ? null : activeAgency.getCode(), Set.copyOf(roles));
    }

    /** {@link #actingAs()}: equal for the same person, name, agency and roles. */
    public record Acting(PersonId person, Username username, AgencyCode agency, Set<Role> roles) implements Serializable {
    }

    private static Optional<Agency> find(List<Agency> agencies, AgencyCode code) {
        return agencies.stream().filter(a -> a.getCode().equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return username + (activeAgency == null ? "" : "@" + activeAgency.getCode());
    }
}
