package org.interlink.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from (client address, user agent), as the web tier saw it; the
 * audit gate records it with every event. Work that runs outside a request (start-up, schedules)
 * has no origin and is recorded as internal.
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress;
    private String userAgent;

    public void set(String clientAddress, String userAgent) {
        this.clientAddress = clientAddress;
        this.userAgent = userAgent;
    }

    public String clientAddress() {
        return clientAddress == null ? "internal" : clientAddress;
    }

    public String userAgent() {
        return userAgent;
    }
}
