package org.interlink.sharing.entity;

/**
 * What the provider allows a reader to do with an item, beside its marking (after the SIENA handling codes): H0 use for
 * the agreed purposes only; H1 not for use in court without the provider's permission; H2 no onward dissemination
 * without the provider's permission (the default for TLP:AMBER and above); H3 other restrictions, in words shown to
 * every reader.
 */
public enum HandlingCode {
    H0, H1, H2, H3;

    /** The code a version gets when its author chooses none: H2 for TLP:AMBER and above, H0 below. */
    public static HandlingCode defaultFor(Marking marking) {
        return marking.ordinal() >= Marking.AMBER.ordinal() ? H2 : H0;
    }
}
