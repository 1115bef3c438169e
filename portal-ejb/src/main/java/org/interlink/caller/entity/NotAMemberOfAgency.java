package org.interlink.caller.entity;

import org.interlink.BusinessException;
import org.interlink.agency.entity.AgencyCode;

/** The caller tried to act for an agency they do not belong to. */
public class NotAMemberOfAgency extends BusinessException {

    public NotAMemberOfAgency(Username username, AgencyCode code) {
        super(username + " is not a member of the agency \"" + code + "\" and cannot act for it.", "NotAMemberOfAgency", username, code);
    }
}
