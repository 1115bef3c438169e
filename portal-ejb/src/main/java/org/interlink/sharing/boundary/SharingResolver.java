package org.interlink.sharing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.boundary.Communities;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.Community;
import org.interlink.caller.control.People;
import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.Username;
import org.interlink.item.entity.InvalidContent;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.sharing.entity.Sharing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a form sends into a {@link Sharing}: codes become agencies and communities, and only
 * the grants of the chosen scope are kept (a form may still hold choices of another scope the
 * user looked at), usernames become the people's ids at the identity provider. Unknown codes and
 * names are refused with a message.
 */
@ApplicationScoped
public class SharingResolver {

    @Inject
    Agencies agencies;

    @Inject
    Communities communities;

    @Inject
    People people;

    public Sharing resolve(SharingForm form) {
        Marking marking = form.getMarking();
        Scope scope = form.getScope();
        if (marking == null || scope == null) {
            throw new InvalidContent("Choose a TLP marking and who the item is shared with.");
        }
        Set<Agency> named = scope == Scope.NAMED_AGENCIES ? agencies(form.getAgencies()) : Set.of();
        Set<Community> groups = scope == Scope.COMMUNITIES ? communities(form.getCommunities()) : Set.of();
        Set<Person> readers = scope == Scope.NAMED_USERS ? people(form.getPeople()) : Set.of();
        return new Sharing(marking, scope, named, groups, readers, form.getUntil(), form.getHandling(), form.getHandlingNote());
    }

    /** The agencies with these codes; an unknown code is refused. */
    public Set<Agency> agencies(List<String> codes) {
        Set<AgencyCode> wanted = codes.stream().map(AgencyCode::of).collect(Collectors.toSet());
        Set<Agency> found = new HashSet<>(agencies.withCodes(wanted));
        if (found.size() != wanted.size()) {
            throw new InvalidContent("No agency has the code " + wanted.stream()
                    .filter(c -> found.stream().noneMatch(a -> a.getCode().equals(c))).findFirst().orElseThrow() + ".");
        }
        return found;
    }

    private Set<Community> communities(List<String> codes) {
        Set<Community> found = communities.all().stream()
                .filter(c -> codes.contains(c.getCode().value())).collect(Collectors.toSet());
        if (found.size() != new HashSet<>(codes).size()) {
            throw new InvalidContent("One of the chosen communities does not exist.");
        }
        return found;
    }

    /** The people with these usernames (comma- or space-separated), by their id; an unknown name is refused. */
    private Set<Person> people(String text) {
        Set<Person> found = new HashSet<>();
        for (String name : text.split("[,\\s]+")) {
            if (!name.isBlank()) {
                Username username = new Username(name.trim().toLowerCase(Locale.ROOT));
                found.add(people.find(username).orElseThrow(() -> new IllegalSharing("Nobody signs in to the portal as \""
                        + username + "\": name people by their username.", "sharing.unknownPerson", username.value())));
            }
        }
        return found;
    }
}
