package org.interlink.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.infrastructure.persistence.ScheduledWork;
import org.interlink.item.entity.ItemId;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.notification.control.Directory;
import org.interlink.notification.control.MailSettings;
import org.interlink.notification.control.Notifier;
import org.interlink.notification.control.ReadMarks;
import org.interlink.notification.entity.Notification;
import org.interlink.notification.entity.NotificationKind;
import org.interlink.notification.entity.Recipient;
import org.interlink.sharing.control.VisibilityGate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The caller's notifications (the inbox and its unread count are {@code sharing.boundary.Attention}'s):
 * opening a notification, e-mail settings per kind, and the hourly look for overdue action items. People become known to it when they sign in.
 */
@Stateless
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    /** The notifications about agreements shown (two reminders per agreement: a few agreements' worth). */
    static final int AGREEMENT_NOTICES = 20;

    @Resource
    SessionContext context;

    @Inject
    Directory directory;

    @Inject
    ScheduledWork scheduledWork;

    @Inject
    VisibilityGate gate;

    @Inject
    ReadMarks marks;

    @Inject
    Notifier notifier;

    @Inject
    AuditGate audit;

    @Inject
    Clock clock;

    @Inject
    MailSettings mail;

    /** Remembers who signed in, so that they can be notified (and e-mailed at {@code email}). */
    public void signedIn(@NotNull Caller caller, String email) {
        directory.seen(caller, email, Instant.now(clock));
    }

    /**
     * Keeps the directory in step with an administrator's change (created, roles changed, added to
     * or removed from an agency, disabled): {@code person} with the agencies and roles they have now.
     */
    public void administered(@NotNull Caller person, String email) {
        directory.describe(person, email);
    }

    /** Marks the caller's notification read and answers what it is about (empty: not theirs). */
    public Optional<Subject> open(@NotNull Caller caller, long id) {
        return marks.read(caller, id, Instant.now(clock))
                .map(n -> n.getItem() != null ? new Subject(n.getItem().id(), null) : new Subject(null, n.getAgreement().getId()));
    }

    /**
     * The newest notifications about their agency's agreements (the reminders before one ends) of an agency administrator,
     * for the agency they act for (someone no longer an administrator: none); recorded as a list naming the agreements.
     */
    public List<Notification> aboutAgreements(@NotNull Caller caller) {
        if (!caller.hasRole(Role.AGENCY_ADMIN) || caller.activeAgency().isEmpty()) {
            return List.of();
        }
        List<Notification> found = marks.aboutAgreements(caller, AGREEMENT_NOTICES);
        if (!found.isEmpty()) {
            audit.record(caller, AuditAction.LIST, AuditOutcome.ALLOWED, null, null, "notifications about agreements: "
                    + found.stream().map(n -> n.getAgreement().qualifiedReference()).distinct().toList());
        }
        return found;
    }

    /** How many notifications about agreements the caller has not read (an agency administrator's; not recorded: a number). */
    public long unreadAboutAgreements(@NotNull Caller caller) {
        return caller.hasRole(Role.AGENCY_ADMIN) && caller.activeAgency().isPresent() ? marks.unreadAboutAgreements(caller) : 0;
    }

    public int markAllRead(@NotNull Caller caller) {
        return marks.allRead(caller, Instant.now(clock));
    }

    /** Whether notifications are e-mailed at all (a mail server is configured). */
    public boolean isMailConfigured() {
        return mail.isConfigured();
    }

    /** The kinds the caller gets e-mail for (all of them until they turn some off). */
    public Set<NotificationKind> mailKinds(@NotNull Caller caller) {
        Set<NotificationKind> kinds = EnumSet.allOf(NotificationKind.class);
        directory.find(caller.username()).ifPresent(r -> kinds.removeAll(r.getMailOff()));
        return kinds;
    }

    /** The caller chooses the kinds they get e-mail for; recorded in the audit trail. */
    public void mailFor(@NotNull Caller caller, @NotNull Set<NotificationKind> kinds) {
        Recipient recipient = directory.find(caller.username()).orElseGet(() -> directory.seen(caller, null, Instant.now(clock)));
        recipient.mailFor(kinds);
        audit.record(caller, AuditAction.UPDATE, AuditOutcome.ALLOWED, null, null, "e-mail notifications off for "
                + recipient.getMailOff().stream().map(Enum::name).sorted().toList());
    }

    /** The language the person chose for the pages, if they chose one. */
    public Optional<String> language(@NotNull Username username) {
        return directory.find(username).flatMap(Recipient::getLocale);
    }

    /** The caller chooses the language of their pages (a supported language tag); recorded in the audit trail. */
    public void chooseLanguage(@NotNull Caller caller, @NotNull String languageTag) {
        Recipient recipient = directory.find(caller.username()).orElseGet(() -> directory.seen(caller, null, Instant.now(clock)));
        String before = recipient.getLocale().orElse("browser");
        recipient.chooseLanguage(languageTag);
        audit.record(caller, AuditAction.UPDATE, AuditOutcome.ALLOWED, null, null, "language: before " + before + "; after " + languageTag);
    }

    /**
     * The hourly look, outside a transaction: the look itself runs in its own (through the container), and its failure (the
     * database unreachable) is logged and tried again the next hour — thrown out of the timer, it would make Payara drop the
     * timer until a restart.
     */
    @Schedule(hour = "*", minute = "7", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void hourly() {
        try {
            // once an hour however many nodes run the portal
            if (scheduledWork.claim("overdue action items", Duration.ofHours(1))) {
                context.getBusinessObject(Notifications.class).notifyOverdue(LocalDate.now(clock));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "overdue action items not looked for this hour: " + e, e);
        }
    }

    /**
     * Tells the owner agencies of action items overdue on {@code today}, once per action item.
     *
     * @return how many action items were newly overdue
     */
    public int notifyOverdue(@NotNull LocalDate today) {
        int count = 0;
        for (MeetingVersion meeting : gate.newlyOverdue(today)) {
            List<Integer> numbers = meeting.takeNewlyOverdue(today);
            notifier.overdue(meeting, numbers);
            count += numbers.size();
        }
        return count;
    }

    /** What an opened notification is about: an item, or an agreement of the caller's agency. */
    public record Subject(ItemId item, Long agreement) {
    }
}
