package org.interlink.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Properties;

/**
 * The SMTP server notifications are e-mailed through ({@code interlink.mail.*}). Without a host
 * nothing is sent: the inbox alone tells people, and the portal works as before.
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "interlink.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "interlink.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "interlink.mail.from", defaultValue = "interlink@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "interlink.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "interlink.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "interlink.mail.starttls", defaultValue = "false")
    boolean startTls;

    /** Where the portal is, for the links in the e-mails. */
    @Inject
    @ConfigProperty(name = "interlink.portal-url", defaultValue = "http://localhost:8080")
    String portalUrl;

    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** The Jakarta Mail session properties; every wait on the server is bounded. */
    Properties properties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.orElseThrow());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.auth", Boolean.toString(username.isPresent()));
        return properties;
    }

    Optional<String> username() {
        return username.filter(u -> !u.isBlank());
    }

    String password() {
        return password.orElse("");
    }

    String from() {
        return from;
    }

    String portalUrl() {
        return portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }
}
