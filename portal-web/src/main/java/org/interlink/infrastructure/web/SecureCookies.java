package org.interlink.infrastructure.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Over HTTPS ({@code interlink.https=true}) the session cookie is {@code Secure}: the browser never
 * sends it over plain HTTP. On plain HTTP (the run command) it cannot be, or nobody could sign in.
 * It is {@code HttpOnly} and {@code SameSite=Lax} in any case ({@code web.xml}).
 */
@WebListener
public class SecureCookies implements ServletContextListener {

    @Inject
    SecurityHeaders headers;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (headers.https()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
