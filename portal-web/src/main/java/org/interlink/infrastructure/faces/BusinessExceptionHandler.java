package org.interlink.infrastructure.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.interlink.BusinessException;
import org.interlink.caller.security.PortalAuthentication;
import org.interlink.infrastructure.i18n.BundleMessages;
import org.interlink.infrastructure.persistence.DatabaseOutage;
import org.interlink.item.entity.StaleItem;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Shows a refused action as a message on the page the user is on, instead of an error page:
 * a rule of the domain ({@link BusinessException}) or a form the boundary's validation refused. A change someone else
 * saved first is told on the page shown again, as the item is now. The transaction was rolled back, so nothing changed. An AJAX request
 * that met a database outage sends the browser to its page again, which then says "try again" (a 503
 * page cannot be an AJAX answer). Any other exception goes on to the error pages.
 */
public class BusinessExceptionHandler extends ExceptionHandlerWrapper {

    public BusinessExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable exception = events.next().getContext().getException();
            if (faces != null && faces.getPartialViewContext().isAjaxRequest() && DatabaseOutage.among(exception)) {
                // an AJAX answer cannot be the 503 page: the browser is sent to its page again, which says "try again"
                sendToThePageAgain(faces);
                events.remove();
                continue;
            }
            if (faces != null && changedMeanwhile(exception)) {
                // someone else changed the item just now: told so on the page shown again as the item is now (a redirect,
                // so it is read afresh; what the user typed over the older version is not kept)
                Messages.addFlashGlobalError("error.changedMeanwhile");
                sendToThePageAgain(faces);
                events.remove();
                continue;
            }
            Optional<String> message = messageFor(exception);
            if (message.isPresent() && faces != null) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message.get(), null));
                faces.validationFailed();
                faces.renderResponse();
                events.remove();
            }
        }
        getWrapped().handle();
    }

    /**
     * Sends the browser to the page it is on again: its address with the view's parameters (a post's own address has no
     * {@code ?id=}), or, before there is a view, the address asked for.
     */
    private static void sendToThePageAgain(FacesContext faces) {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        UIViewRoot view = faces.getViewRoot();
        String asked = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String page = view != null && view.getViewId() != null
                ? faces.getApplication().getViewHandler().getBookmarkableURL(faces, view.getViewId(), Map.of(), true)
                // never an address a browser would take for another host (//host, /\host)
                : PortalAuthentication.isOwnPath(asked) ? asked : request.getContextPath() + "/";
        try {
            faces.getExternalContext().redirect(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** The refusal in the page's language when the bundles have it ({@code error.<key>}), else in English. */
    public static String text(BusinessException refused) {
        return refused.key() == null
                ? refused.getMessage()
                : BundleMessages.resolveOr("error." + refused.key(), refused.getMessage(), refused.arguments());
    }

    /** What to tell the user about this exception, if it is one a user can cause. */
    static Optional<String> messageFor(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessException business) {
                return Optional.of(text(business));
            }
            if (cause instanceof ConstraintViolationException invalid) {
                return invalid.getConstraintViolations().stream().map(ConstraintViolation::getMessage).sorted().findFirst();
            }
            if (DatabaseOutage.storageFull(cause)) {
                return Optional.of(BundleMessages.resolveOr("error.storageFull",
                        "The portal's database has no room left, so nothing was saved. Tell your administrator, and try again later."));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code exception} is a change someone else made first: a version tag that no longer holds, an optimistic
     * lock, or a deadlock or lock wait given up in the database.
     */
    static boolean changedMeanwhile(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleItem || cause instanceof OptimisticLockException || DatabaseOutage.concurrentChange(cause)) {
                return true;
            }
        }
        return false;
    }
}
