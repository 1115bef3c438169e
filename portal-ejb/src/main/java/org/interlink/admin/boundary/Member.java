package org.interlink.admin.boundary;

import org.interlink.caller.entity.Role;

import java.io.Serializable;
import java.util.List;

/**
 * A person of an agency as Keycloak knows them: account, name, e-mail, whether they may sign in,
 * their Interlink roles (which count in every agency of theirs) and the codes of all their agencies.
 */
public record Member(String username, String firstName, String lastName, String email, boolean enabled,
        List<Role> roles, List<String> agencies) implements Serializable {

    public Member {
        roles = List.copyOf(roles);
        agencies = List.copyOf(agencies);
    }

    public String name() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    /** The codes of their agencies, for reading: "iom-iq, iq-moi". */
    public String agencyList() {
        return String.join(", ", agencies);
    }

    /** Whether they belong to other agencies than {@code code} too (their roles and account count there as well). */
    public boolean belongsElsewhere(String code) {
        return agencies.stream().anyMatch(agency -> !agency.equals(code));
    }
}
