package org.interlink;

import jakarta.ejb.ApplicationException;

/**
 * Root of every rule violation a user can cause. The message is written for the user: Faces shows
 * it as a message, the REST API as {@code application/problem+json}. Anything else that goes wrong
 * is a bug and surfaces as a server error. Thrown from an EJB, it reaches the caller as it is (not
 * wrapped) and rolls the transaction back, so a refused action changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

    protected BusinessException(String message) {
        super(message);
    }
}
