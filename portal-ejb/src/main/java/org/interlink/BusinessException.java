package org.interlink;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;

/**
 * Root of every rule violation a user can cause. The message is written for the user: Faces shows
 * it as a message, the REST API as {@code application/problem+json}. Anything else that goes wrong
 * is a bug and surfaces as a server error. Thrown from an EJB, it reaches the caller as it is (not
 * wrapped) and rolls the transaction back, so a refused action changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

    private final String key;
    private final String[] arguments;

    protected BusinessException(String message) {
        this(message, null);
    }

    /**
     * @param message   the text in English (the API's problem detail, the logs)
     * @param key       the key of the same text in the pages' message bundles ({@code error.<key>}), which
     *                  show it in the reader's language
     * @param arguments what the text names ({0}, {1} …)
     */
    protected BusinessException(String message, String key, Object... arguments) {
        super(message);
        this.key = key;
        this.arguments = Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new);
    }

    /** The key of the text in the pages' message bundles (null: the English message only). */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
