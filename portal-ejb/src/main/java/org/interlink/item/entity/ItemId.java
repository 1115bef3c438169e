package org.interlink.item.entity;

import java.io.Serializable;
import java.util.Optional;

/** The identity of an item, as it appears in addresses ({@code item.xhtml?id=123}). */
public record ItemId(long value) implements Serializable {

    public ItemId {
        if (value <= 0) {
            throw new IllegalArgumentException("item ids are positive");
        }
    }

    /** The id in a request parameter, or empty when it is no id at all (so it is "not found" too). */
    public static Optional<ItemId> parse(String text) {
        try {
            long value = Long.parseLong(text == null ? "" : text.trim());
            return value > 0 ? Optional.of(new ItemId(value)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
