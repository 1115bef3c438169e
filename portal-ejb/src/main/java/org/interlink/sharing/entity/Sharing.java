package org.interlink.sharing.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.Community;
import org.interlink.caller.entity.Person;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A marking with the scope and grants it is shared with. The most restrictive wins, and an
 * illegal combination is refused with the rule it breaks, never silently fixed:
 * <ul>
 *     <li>TLP:RED goes to named people only (by their id at the identity provider), and only TLP:RED goes to
 *     named people;</li>
 *     <li>TLP:AMBER+STRICT stays within the owner agency or goes to named agencies (no onward
 *     sharing through communities or to all members);</li>
 *     <li>TLP:AMBER is never shared with all member agencies;</li>
 *     <li>a scope that names agencies, communities or people names at least one, and a scope that
 *     names none carries no grants.</li>
 * </ul>
 */
public record Sharing(Marking marking, Scope scope, Set<Agency> agencies, Set<Community> communities, Set<Person> people,
        LocalDate until, HandlingCode handling, String handlingNote) {

    /** The longest note of an H3 handling code. */
    public static final int MAX_HANDLING_NOTE = 500;

    public Sharing {
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(scope, "scope");
        agencies = Set.copyOf(agencies);
        communities = Set.copyOf(communities);
        people = Set.copyOf(people);
        handling = handling == null ? HandlingCode.defaultFor(marking) : handling;
        // only H3 has words of its own
        handlingNote = handling != HandlingCode.H3 || handlingNote == null || handlingNote.isBlank() ? null : handlingNote.trim();
    }

    /** A sharing without an end, with the handling code of its marking. */
    public Sharing(Marking marking, Scope scope, Set<Agency> agencies, Set<Community> communities, Set<Person> people) {
        this(marking, scope, agencies, communities, people, null, null, null);
    }

    public static Sharing ownAgency(Marking marking) {
        return new Sharing(marking, Scope.OWN_AGENCY, Set.of(), Set.of(), Set.of());
    }

    public static Sharing allMembers(Marking marking) {
        return new Sharing(marking, Scope.ALL_MEMBERS, Set.of(), Set.of(), Set.of());
    }

    public static Sharing withAgencies(Marking marking, Set<Agency> agencies) {
        return new Sharing(marking, Scope.NAMED_AGENCIES, agencies, Set.of(), Set.of());
    }

    public static Sharing withCommunities(Marking marking, Set<Community> communities) {
        return new Sharing(marking, Scope.COMMUNITIES, Set.of(), communities, Set.of());
    }

    public static Sharing withPeople(Set<Person> people) {
        return new Sharing(Marking.RED, Scope.NAMED_USERS, Set.of(), Set.of(), people);
    }

    /**
     * @param owner the agency that owns the item (it always sees its own items, so naming it is pointless)
     * @throws IllegalSharing naming the first rule the combination breaks
     */
    public void check(Agency owner) {
        if (marking == Marking.RED && scope != Scope.NAMED_USERS) {
            throw new IllegalSharing("TLP:RED is for named people only: choose the people who may read it.", "sharing.redNamedOnly");
        }
        if (scope == Scope.NAMED_USERS && marking != Marking.RED) {
            throw new IllegalSharing("Only TLP:RED items are shared with named people; other markings are shared with agencies.",
                    "sharing.namedOnlyRed");
        }
        if (marking == Marking.AMBER_STRICT && scope != Scope.OWN_AGENCY && scope != Scope.NAMED_AGENCIES) {
            throw new IllegalSharing("TLP:AMBER+STRICT stays within named agencies: no communities, not all members.",
                    "sharing.amberStrict");
        }
        if (marking == Marking.AMBER && scope == Scope.ALL_MEMBERS) {
            throw new IllegalSharing("TLP:AMBER may not be shared with all member agencies: choose named agencies or communities.",
                    "sharing.amberNotAll");
        }
        requireGrants(scope == Scope.NAMED_AGENCIES, agencies.isEmpty(), "Name at least one agency to share with.", "sharing.noAgency");
        requireGrants(scope == Scope.COMMUNITIES, communities.isEmpty(), "Name at least one community to share with.",
                "sharing.noCommunity");
        requireGrants(scope == Scope.NAMED_USERS, people.isEmpty(), "Name at least one person who may read this TLP:RED item.",
                "sharing.noPerson");
        if (scope != Scope.NAMED_AGENCIES && !agencies.isEmpty()
                || scope != Scope.COMMUNITIES && !communities.isEmpty()
                || scope != Scope.NAMED_USERS && !people.isEmpty()) {
            throw new IllegalSharing(
                    "Grants must match the scope: agencies for named agencies, communities for communities, people for TLP:RED.",
                    "sharing.grantsMismatch");
        }
        if (agencies.contains(owner)) {
            throw new IllegalSharing("The owner agency always sees its own items: name only other agencies.", "sharing.ownerNamed");
        }
        if (handling == HandlingCode.H3 && handlingNote == null) {
            throw new IllegalSharing("Handling code H3 says its restrictions in words: write them in the note.", "sharing.handlingNote");
        }
        if (handlingNote != null && handlingNote.length() > MAX_HANDLING_NOTE) {
            throw new IllegalSharing("The handling note is longer than " + MAX_HANDLING_NOTE + " characters.", "sharing.handlingNoteLong");
        }
        if (until != null && scope != Scope.NAMED_AGENCIES && scope != Scope.NAMED_USERS) {
            throw new IllegalSharing("Only a share with named agencies or named people has an end date.", "sharing.untilNamedOnly");
        }
    }

    /**
     * A new end date must not have passed already ({@code today}: the day the author saves it).
     *
     * @throws IllegalSharing when it has
     */
    public void checkUntil(LocalDate today) {
        if (until != null && until.isBefore(today)) {
            throw new IllegalSharing("The end date of the sharing has passed: choose today or a later day.", "sharing.untilPassed");
        }
    }

    /** Whether an agency other than the owner is in the audience (named people aside). */
    public boolean reaches(Agency agency) {
        return switch (scope) {
            case ALL_MEMBERS -> true;
            case NAMED_AGENCIES -> agencies.contains(agency);
            case COMMUNITIES -> communities.stream().anyMatch(c -> c.includes(agency));
            case OWN_AGENCY, NAMED_USERS -> false;
        };
    }

    private static void requireGrants(boolean scopeNeedsThem, boolean none, String rule, String key) {
        if (scopeNeedsThem && none) {
            throw new IllegalSharing(rule, key);
        }
    }
}
