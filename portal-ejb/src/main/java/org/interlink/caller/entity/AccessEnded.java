package org.interlink.caller.entity;

import org.interlink.BusinessException;

/**
 * An administrator ended this person's access (disabled them, changed their roles or agencies)
 * after the sign-in or token the request comes with: it no longer counts.
 */
public class AccessEnded extends BusinessException {

    public AccessEnded(Username username) {
        super("An administrator ended the access of " + username + " after this sign-in (account disabled, or roles or "
                + "agencies changed): sign in again, or get a new token.", "AccessEnded", username);
    }
}
