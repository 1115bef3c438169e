package org.interlink.dashboard.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;

/** {@code index.xhtml}: the first page after sign-in, who the caller is and what they act as. */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    CurrentCaller currentCaller;

    public Caller getCaller() {
        return currentCaller.get();
    }
}
