package org.interlink.notification.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.notification.boundary.Notifications;
import org.interlink.notification.entity.Notification;
import org.interlink.notification.entity.NotificationKind;
import org.interlink.sharing.boundary.Attention;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * {@code notifications.xhtml}: the caller's notifications for the agency they act for, newest first,
 * paged in the database through the gate; opening one marks it read and shows its item; and the
 * kinds of notification the caller gets e-mail for.
 */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Notifications notifications;

    @Inject
    Attention attention;

    @Inject
    CurrentCaller currentCaller;

    private final Inbox model = new Inbox();
    private List<Notification> aboutAgreements;
    /** An array, not a list: Faces converts the checked values to the enum for an array. */
    private NotificationKind[] mailKinds;

    public LazyDataModel<Attention.Entry> getModel() {
        return model;
    }

    /** Marks the notification read and shows its item or agreement (someone else's: the list again). */
    public String open(long id) {
        return notifications.open(caller(), id).map(subject -> subject.item() != null
                ? "/item?faces-redirect=true&id=" + subject.item().value()
                : "/agency/agreements?faces-redirect=true&id=" + subject.agreement())
                .orElse("/notifications?faces-redirect=true");
    }

    /** The caller's notifications about their agency's agreements, read once per view. */
    public List<Notification> getAboutAgreements() {
        if (aboutAgreements == null) {
            aboutAgreements = notifications.aboutAgreements(caller());
        }
        return aboutAgreements;
    }

    public String markAllRead() {
        int marked = notifications.markAllRead(caller());
        Messages.addFlashGlobalInfo("notice.markedRead", marked);
        return "/notifications?faces-redirect=true";
    }

    public String saveMail() {
        EnumSet<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        kinds.addAll(Arrays.asList(getMailKinds()));
        notifications.mailFor(caller(), kinds);
        Messages.addFlashGlobalInfo("notice.mailSettingsSaved");
        return "/notifications?faces-redirect=true";
    }

    public NotificationKind[] getKinds() {
        return NotificationKind.values();
    }

    public NotificationKind[] getMailKinds() {
        if (mailKinds == null) {
            mailKinds = notifications.mailKinds(caller()).toArray(NotificationKind[]::new);
        }
        return mailKinds;
    }

    public void setMailKinds(NotificationKind[] mailKinds) {
        this.mailKinds = mailKinds;
    }

    public boolean isMailConfigured() {
        return notifications.isMailConfigured();
    }

    private Caller caller() {
        return currentCaller.get();
    }

    /** The inbox, one page at a time from the database; rows are known by the notification's id. */
    final class Inbox extends LazyDataModel<Attention.Entry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(Math.min(Integer.MAX_VALUE, attention.inboxSize(caller())));
        }

        @Override
        public List<Attention.Entry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return attention.inbox(caller(), first, pageSize);
        }

        @Override
        public String getRowKey(Attention.Entry entry) {
            return String.valueOf(entry.notification().getId());
        }

        @Override
        public Attention.Entry getRowData(String rowKey) {
            return getWrappedData() == null
                    ? null
                    : getWrappedData().stream()
                            .filter(e -> String.valueOf(e.notification().getId()).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
