package org.interlink.admin.boundary;

import org.interlink.BusinessException;

/** An administration request that cannot be carried out as asked (missing or wrong fields, unknown names). */
public class InvalidAdminRequest extends BusinessException {

    public InvalidAdminRequest(String message) {
        super(message);
    }
}
