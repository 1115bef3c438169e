package org.interlink;

/**
 * Root of every rule violation a user can cause. The message is written for the user: Faces shows
 * it as a message, the REST API as {@code application/problem+json}. Anything else that goes wrong
 * is a bug and surfaces as a server error.
 */
public abstract class BusinessException extends RuntimeException {

    protected BusinessException(String message) {
        super(message);
    }
}
