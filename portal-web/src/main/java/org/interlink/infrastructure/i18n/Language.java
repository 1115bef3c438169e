package org.interlink.infrastructure.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Username;
import org.interlink.infrastructure.keycloak.KeycloakRealm;
import org.interlink.notification.boundary.Notifications;

import java.io.Serializable;
import java.security.Principal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The language of the pages: English, French or Arabic (right to left). A signed-in person's choice
 * is remembered with them (the portal's directory of people) and comes back at their next sign-in;
 * until they choose, the first of their browser's languages the portal speaks, else English.
 */
@Named
@SessionScoped
public class Language implements Serializable {

    /** The languages of the pages, in the order the switcher offers them. */
    public static final List<String> SUPPORTED = List.of("en", "fr", "ar");

    private static final long serialVersionUID = 1L;
    private static final String RIGHT_TO_LEFT = "ar";

    @Inject
    Notifications notifications;

    @Inject
    CurrentCaller caller;

    @Inject
    KeycloakRealm keycloak;

    private String tag;
    /** Whose language {@link #tag} is (null: nobody signed in); a session may outlive a sign-out and see a sign-in. */
    private String resolvedFor;

    /** The language tag of the pages ({@code en}, {@code fr}, {@code ar}). */
    public String getTag() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        String person = context.getUserPrincipal() == null ? null : context.getUserPrincipal().getName();
        if (tag == null || !Objects.equals(person, resolvedFor)) {
            tag = initial(context);
            resolvedFor = person;
        }
        return tag;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getTag());
    }

    /** {@code rtl} for Arabic, else {@code ltr}: the {@code dir} of the whole page. */
    public String getDirection() {
        return RIGHT_TO_LEFT.equals(getTag()) ? "rtl" : "ltr";
    }

    /** The other languages, to switch to. */
    public List<String> getOthers() {
        return SUPPORTED.stream().filter(other -> !other.equals(getTag())).toList();
    }

    /** Switches the pages to {@code wanted} and remembers it for the signed-in person; shows the same page again. */
    public String switchTo(String wanted) {
        if (!SUPPORTED.contains(wanted)) {
            return null;
        }
        tag = wanted;
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getExternalContext().getUserPrincipal() != null) {
            notifications.chooseLanguage(caller.get(), wanted);
            keycloak.rememberLocale(faces.getExternalContext().getUserPrincipal().getName(), wanted);
        }
        faces.getViewRoot().setLocale(getLocale());
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    private String initial(ExternalContext context) {
        Principal principal = context.getUserPrincipal();
        if (principal != null) {
            var chosen = notifications.language(new Username(principal.getName())).filter(SUPPORTED::contains);
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        for (Iterator<Locale> browser = context.getRequestLocales(); browser.hasNext();) {
            String language = browser.next().getLanguage();
            if (SUPPORTED.contains(language)) {
                return language;
            }
        }
        return SUPPORTED.get(0);
    }
}
