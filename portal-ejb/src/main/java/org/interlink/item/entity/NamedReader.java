package org.interlink.item.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * A person a TLP:RED version is shared with: the grant holds by their id at the identity provider; the
 * username is kept to show whom it names. (Grants made before ids were kept have none and name nobody.)
 */
@Embeddable
public class NamedReader implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "person_id", length = 64)
    private String personId;

    @Column(name = "username", length = 100, nullable = false)
    private String username;

    protected NamedReader() {
    }

    NamedReader(Person person) {
        this.personId = person.id().value();
        this.username = person.username().value();
    }

    /** The person, if the grant names one by id. */
    public Optional<Person> person() {
        return personId == null
                ? Optional.empty()
                : Optional.of(new Person(new PersonId(personId), new Username(username)));
    }

    public String getUsername() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedReader that && Objects.equals(personId, that.personId) && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return Objects.hash(personId, username);
    }
}
