package org.interlink.caller.entity;

import java.io.Serializable;
import java.util.Objects;

/** The Keycloak username of a person (e.g. {@code moi.official}); who did what is recorded with it. */
public record Username(String value) implements Serializable {

    public Username {
        Objects.requireNonNull(value, "username");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a username is never blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
