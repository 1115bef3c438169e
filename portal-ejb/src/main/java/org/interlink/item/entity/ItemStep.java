package org.interlink.item.entity;

/** A step a caller may take on an item now; {@link Item#stepsFor} lists them for the page. */
public enum ItemStep {
    EDIT, SUBMIT, PUBLISH, RETURN, WITHDRAW, ARCHIVE, NEW_VERSION
}
