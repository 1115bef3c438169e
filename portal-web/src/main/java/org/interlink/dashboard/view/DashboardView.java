package org.interlink.dashboard.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.notification.boundary.Notifications;
import org.interlink.sharing.control.Attention;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;

/**
 * {@code index.xhtml}: the first page after sign-in: what needs the caller's attention (each count
 * links to its list), who the caller is and what they act as.
 */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Notifications notifications;

    private Attention.Counts attention;

    public Caller getCaller() {
        return currentCaller.get();
    }

    /** The "needs my attention" counts, computed through the gate once per request. */
    public Attention.Counts getAttention() {
        if (attention == null) {
            attention = notifications.attention(getCaller());
        }
        return attention;
    }
}
