package org.interlink.caller.entity;

import java.io.Serializable;
import java.util.Objects;

/**
 * The identity provider's id of a person (Keycloak's user id, the tokens' {@code sub}). Unlike a username, it is
 * never given to anyone else: a user created later under a name that was once granted something does not get it.
 */
public record PersonId(String value) implements Serializable {

    public PersonId {
        Objects.requireNonNull(value, "person id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a person id has 1 to 64 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
