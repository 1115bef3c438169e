package org.interlink.audit.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * What an auditor looks for: a time range, an actor (part of the username), an agency (the actor's
 * or the item owner's), an action, an item, an outcome. Empty fields do not narrow. The caller's
 * reach (their agency, or everything for a platform administrator) always applies on top.
 */
public record AuditFilter(Instant from, Instant to, String actor, String agency, AuditAction action, Long itemId,
        AuditOutcome outcome) implements Serializable {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, "from", from);
        append(text, "to", to);
        append(text, "actor", actor);
        append(text, "agency", agency);
        append(text, "action", action);
        append(text, "item", itemId);
        append(text, "outcome", outcome);
        return text.length() == 0 ? "all events" : text.toString().trim();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            text.append(name).append('=').append(value).append(' ');
        }
    }
}
