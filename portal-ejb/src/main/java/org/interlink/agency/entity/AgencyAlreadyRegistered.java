package org.interlink.agency.entity;

import org.interlink.BusinessException;

/** A second agency with a code that is taken. */
public class AgencyAlreadyRegistered extends BusinessException {

    public AgencyAlreadyRegistered(AgencyCode code) {
        super("An agency with the code \"" + code + "\" is already registered.");
    }
}
