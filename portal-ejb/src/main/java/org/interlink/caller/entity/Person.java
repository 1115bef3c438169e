package org.interlink.caller.entity;

import java.io.Serializable;
import java.util.Objects;

/** A person as the identity provider knows them: their id, which grants name, and their username, which people read. */
public record Person(PersonId id, Username username) implements Serializable {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }

    @Override
    public String toString() {
        return username.value();
    }
}
