package org.interlink.agency.entity;

import org.interlink.BusinessException;

/** A second agency (or community) with a code that is taken. */
public class AgencyAlreadyRegistered extends BusinessException {

    public AgencyAlreadyRegistered(AgencyCode code) {
        super("An agency with the code \"" + code + "\" is already registered.", "AgencyAlreadyRegistered", code);
    }

    private AgencyAlreadyRegistered(String message, String key, Object... arguments) {
        super(message, key, arguments);
    }

    public static AgencyAlreadyRegistered community(AgencyCode code) {
        return new AgencyAlreadyRegistered("A community with the code \"" + code + "\" exists already.", "CommunityAlreadyRegistered",
                code);
    }
}
