package org.interlink.sharing.entity;

/**
 * Traffic Light Protocol 2.0 markings, from least to most restrictive. Every item carries one; it
 * limits which scopes the item may be shared with (see {@link Sharing}).
 */
public enum Marking {
    CLEAR("TLP:CLEAR"), GREEN("TLP:GREEN"), AMBER("TLP:AMBER"), AMBER_STRICT("TLP:AMBER+STRICT"), RED("TLP:RED");

    private final String label;

    Marking(String label) {
        this.label = label;
    }

    /** The marking as TLP 2.0 writes it, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return label;
    }

    /** CSS-friendly name, e.g. {@code amber-strict}. */
    public String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
