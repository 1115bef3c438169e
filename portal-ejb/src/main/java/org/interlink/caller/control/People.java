package org.interlink.caller.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the identity provider knows, for grants that name people: a username becomes the person's id when an item is
 * shared with them, and the id must still be a person's when the item is published. The identity provider's
 * directory registers itself at start ({@link #use}: Keycloak's admin API, {@code infrastructure.keycloak}), so the
 * rules never talk to Keycloak themselves; people known for sure without asking — the demo personas, whose ids the
 * demo realm fixes — are {@link #know known} here. With no directory, only the known people exist: naming anyone
 * else is refused (fail closed).
 */
@ApplicationScoped
public class People {

    /** The identity provider's directory of people. */
    public interface Directory {

        /** The person with this username, if there is one (service accounts are no people). */
        Optional<Person> find(Username username);

        /** Whether this id is still a person's. */
        boolean exists(PersonId id);
    }

    private final Map<Username, Person> known = new ConcurrentHashMap<>();
    private volatile Directory directory;

    /** The identity provider's directory from now on. */
    public void use(Directory directory) {
        this.directory = directory;
    }

    /** A person known to exist with this id, asked of nobody. */
    public void know(Person person) {
        known.put(person.username(), person);
    }

    public Optional<Person> find(Username username) {
        Person person = known.get(username);
        if (person != null) {
            return Optional.of(person);
        }
        Directory asked = directory;
        return asked == null ? Optional.empty() : asked.find(username);
    }

    public boolean exists(PersonId id) {
        if (known.values().stream().anyMatch(person -> person.id().equals(id))) {
            return true;
        }
        Directory asked = directory;
        return asked != null && asked.exists(id);
    }
}
