package org.interlink.agency.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The short, stable identity of an agency (e.g. {@code iq-moi}); the alias of its Keycloak
 * Organization and the value of the {@code organization} claim.
 */
public final class AgencyCode implements Serializable, Comparable<AgencyCode> {

    private static final long serialVersionUID = 1L;
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    private final String value;

    private AgencyCode(String value) {
        this.value = value;
    }

    /**
     * @throws InvalidAgencyCode when the text is not 2-32 lower-case letters, digits or hyphens
     *                           starting with a letter
     */
    public static AgencyCode of(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidAgencyCode(value);
        }
        return new AgencyCode(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgencyCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public int compareTo(AgencyCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
