package org.interlink.infrastructure.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.context.FacesContext;
import org.omnifaces.util.Messages;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * Messages the pages add (confirmations, refusals) are keys of the message bundle, in the page's
 * language: OmniFaces' {@link Messages} resolves each through this resolver. A text that is no key
 * is shown as it is.
 */
@ApplicationScoped
public class BundleMessages {

    private static final Logger LOG = Logger.getLogger(BundleMessages.class.getName());

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            Messages.setResolver(BundleMessages::resolve);
        } catch (IllegalStateException alreadySet) {
            LOG.fine("message resolver already set");
        }
    }

    /** The text of {@code key} in the page's language, else {@code fallback}; with its parameters. */
    public static String resolveOr(String key, String fallback, Object... parameters) {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean known = faces != null && faces.getApplication().getResourceBundle(faces, "msg").containsKey(key);
        return known ? resolve(key, parameters) : fallback;
    }

    /** The text of {@code message} (a key, or a text) with its parameters, in the language of the page. */
    public static String resolve(String message, Object... parameters) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = message;
        Locale locale = Locale.ENGLISH;
        if (faces != null) {
            ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
            locale = faces.getViewRoot() == null ? msg.getLocale() : faces.getViewRoot().getLocale();
            if (msg.containsKey(message)) {
                text = msg.getString(message);
            }
        }
        return parameters == null || parameters.length == 0 ? text : new MessageFormat(text, locale).format(parameters);
    }
}
