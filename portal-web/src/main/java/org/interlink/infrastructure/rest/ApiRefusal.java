package org.interlink.infrastructure.rest;

/**
 * A request the API refuses before any business rule is asked, for a reason of its own protocol
 * (e.g. no If-Match on an update, a body over the limit). Answered as a {@link Problem}; nothing is changed.
 */
public class ApiRefusal extends RuntimeException {

    private final transient Problem problem;

    public ApiRefusal(String slug, String title, int status, String detail) {
        super(detail);
        this.problem = Problem.of(slug, title, status, detail);
    }

    public Problem problem() {
        return problem;
    }
}
