package org.interlink.notification.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.Agency;
import org.interlink.agreement.entity.Agreement;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.item.boundary.ItemChanged;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemVersion;
import org.interlink.meeting.entity.ActionItem;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.notification.entity.MailStatus;
import org.interlink.notification.entity.Notification;
import org.interlink.notification.entity.NotificationKind;
import org.interlink.notification.entity.Recipient;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.sharing.control.VisibilityGate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides who hears of a change, inside the change's transaction: for each kind, the people of the
 * right agency and roles, never the one who made the change, and only those the visibility gate
 * lets read the item (a notification never tells anyone of an item they may not read).
 *
 * <ul>
 *     <li>submitted → the vetters of the owner agency (not the author);</li>
 *     <li>returned, published → the author of the version;</li>
 *     <li>a recommendation published → the officials of the addressee agency;</li>
 *     <li>a recommendation decided, progress reported, implemented → the officials and liaisons of
 *     the submitting agency;</li>
 *     <li>a meeting outcome published → officials and liaisons of each agency that owns one of its
 *     action items; an action item overdue → those of its owner agency ({@link #overdue});</li>
 *     <li>an agreement ending within 30, then 7 days → the administrators of each party ({@link #agreementEnding}).</li>
 * </ul>
 */
@Stateless
public class Notifier {

    private static final Set<Role> WRITERS = EnumSet.of(Role.OFFICIAL, Role.LIAISON);

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    VisibilityGate gate;

    @Inject
    MailSettings mail;

    @Inject
    Clock clock;

    @Inject
    Event<NotificationsCreated> created;

    public void changed(@Observes ItemChanged change) {
        Item item = change.item();
        ItemEvent entry = change.entry();
        Caller actor = change.actor();
        ItemVersion version = item.getVersions().stream().filter(v -> v.getNumber() == entry.getVersionNumber()).findFirst()
                .orElseThrow();
        List<Notification> made = new ArrayList<>();
        Agency owner = item.getOwner();
        String by = actor.displayName() + actor.activeAgency().map(a -> " (" + a.getName() + ")").orElse("");
        switch (entry.getAction()) {
            case SUBMITTED -> made.addAll(notify(NotificationKind.VETTING_WAITING, version, owner, actor,
                    directory.of(owner, EnumSet.of(Role.VETTER)).stream().filter(r -> !r.username().equals(version.getAuthor())),
                    "Version " + version.getNumber() + " submitted by " + by + "."));
            case RETURNED -> made.addAll(notify(NotificationKind.ITEM_RETURNED, version, owner, actor, author(version),
                    "Returned by " + by + ": " + entry.getComment().orElse("")));
            case PUBLISHED -> {
                made.addAll(notify(NotificationKind.ITEM_PUBLISHED, version, owner, actor, author(version),
                        "Version " + version.getNumber() + " published by " + by + "."));
                if (version instanceof RecommendationVersion recommendation) {
                    Agency addressee = recommendation.getAddressee();
                    made.addAll(notify(NotificationKind.RECOMMENDATION_ADDRESSED, version, addressee, actor,
                            directory.of(addressee, EnumSet.of(Role.OFFICIAL)).stream(),
                            "From " + owner.getName() + ", for your agency's decision."));
                }
                if (version instanceof MeetingVersion meeting) {
                    meeting.getActionItems().stream().map(ActionItem::getOwner).distinct()
                            .forEach(agency -> made.addAll(
                                    notify(NotificationKind.ACTION_ASSIGNED, version, agency, actor, directory.of(agency, WRITERS).stream(),
                                            actionsOf(meeting, agency))));
                }
            }
            case DECIDED, PROGRESS_REPORTED, IMPLEMENTED -> made.addAll(notify(NotificationKind.RECOMMENDATION_FOLLOWED_UP, version, owner,
                    actor, directory.of(owner, WRITERS).stream(), by + ": " + entry.getComment().orElse("")));
            default -> {
                // other changes stay in the history and the audit trail
            }
        }
        queueMail(made);
    }

    /** Tells the owner's vetters (not the version's author) that a reader asks to pass the item on. */
    public void consentRequested(ItemVersion version, Caller requester, String text) {
        Agency owner = version.getItem().getOwner();
        queueMail(notify(NotificationKind.CONSENT_REQUESTED, version, owner, requester,
                directory.of(owner, EnumSet.of(Role.VETTER)).stream().filter(r -> !r.username().equals(version.getAuthor())),
                text));
    }

    /** Tells the person who asked to pass the item on what the owner decided (if they still read it). */
    public void consentDecided(ItemVersion version, Caller vetter, Username requester, Agency requesterAgency, String text) {
        queueMail(notify(NotificationKind.CONSENT_DECIDED, version, requesterAgency, vetter, directory.find(requester).stream(), text));
    }

    /** Tells the administrators of {@code party} that one of its agreements ends soon ({@code text} says when and what stops). */
    public void agreementEnding(Agreement agreement, Agency party, String text) {
        if (!party.isActive()) {
            return;
        }
        Instant now = Instant.now(clock);
        List<Notification> made = new ArrayList<>();
        // those who administer the party now, as the directory last saw their token
        directory.of(party, EnumSet.of(Role.AGENCY_ADMIN)).stream().filter(r -> r.actingFor(party).activeAgency().isPresent())
                .forEach(r -> {
                    Notification notification = new Notification(r.username(), party, NotificationKind.AGREEMENT_ENDING, agreement, text,
                            now,
                            mailStatus());
                    em.persist(notification);
                    made.add(notification);
                });
        queueMail(made);
    }

    /** Tells the owner agencies of the meeting's newly overdue action items (numbers from 1). */
    public void overdue(MeetingVersion meeting, List<Integer> numbers) {
        List<Notification> made = new ArrayList<>();
        numbers.stream().map(n -> meeting.getActionItems().get(n - 1).getOwner()).distinct().forEach(agency -> {
            String which = String.join("; ", numbers.stream().filter(n -> meeting.getActionItems().get(n - 1).getOwner().equals(agency))
                    .map(n -> n + ". " + meeting.getActionItems().get(n - 1).getDescription() + " (due "
                            + meeting.getActionItems().get(n - 1).getDueOn() + ")")
                    .toList());
            made.addAll(notify(NotificationKind.ACTION_OVERDUE, meeting, agency, null, directory.of(agency, WRITERS).stream(),
                    "Overdue: " + which));
        });
        queueMail(made);
    }

    /**
     * Notifies those of {@code candidates} who read the version the notification is about (it may quote it: a
     * reader of a newer, lower-marked draft is not told what an older TLP:RED edition says).
     */
    private List<Notification> notify(NotificationKind kind, ItemVersion version, Agency agency, Caller actor,
            Stream<Recipient> candidates, String text) {
        Item item = version.getItem();
        Instant now = Instant.now(clock);
        Set<String> told = new LinkedHashSet<>();
        List<Notification> made = new ArrayList<>();
        candidates.filter(r -> actor == null || !r.username().equals(actor.username()))
                .filter(r -> r.isMemberOf(agency) && told.add(r.username().value()))
                .filter(r -> gate.readable(r.actingFor(agency), version))
                .forEach(r -> {
                    Notification notification = new Notification(r.username(), agency, kind, item, text, now, mailStatus());
                    em.persist(notification);
                    made.add(notification);
                });
        return made;
    }

    private MailStatus mailStatus() {
        return mail.isConfigured() ? MailStatus.PENDING : MailStatus.NOT_CONFIGURED;
    }

    private Stream<Recipient> author(ItemVersion version) {
        return directory.find(version.getAuthor()).stream();
    }

    private static String actionsOf(MeetingVersion meeting, Agency agency) {
        List<ActionItem> actions = meeting.getActionItems();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).getOwner().equals(agency)) {
                mine.add((i + 1) + ". " + actions.get(i).getDescription() + " (due " + actions.get(i).getDueOn() + ")");
            }
        }
        return "For " + agency.getName() + ": " + String.join("; ", mine);
    }

    private void queueMail(List<Notification> made) {
        List<Long> pending = made.stream().filter(n -> n.getMail() == MailStatus.PENDING).map(Notification::getId).toList();
        if (!pending.isEmpty()) {
            created.fire(new NotificationsCreated(pending));
        }
    }
}
