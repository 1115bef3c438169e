package org.interlink.agency.entity;

import org.interlink.BusinessException;

/** An agency code that does not have the form of one. */
public class InvalidAgencyCode extends BusinessException {

    public InvalidAgencyCode(String value) {
        super("\"" + value + "\" is not an agency code: use 2 to 32 lower-case letters, digits or hyphens, starting with a letter.",
                "InvalidAgencyCode", value);
    }
}
