package org.interlink.caller.control;

import jakarta.enterprise.context.SessionScoped;
import org.interlink.agency.entity.AgencyCode;

import java.io.Serializable;
import java.util.Optional;

/**
 * The agency a caller with several agencies chose to act for, kept for the session. Only the code
 * is kept (small and Serializable, so sessions replicate); the rest is resolved per request.
 */
@SessionScoped
public class ActiveAgencyChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private AgencyCode chosen;

    public Optional<AgencyCode> get() {
        return Optional.ofNullable(chosen);
    }

    public void set(AgencyCode code) {
        this.chosen = code;
    }
}
