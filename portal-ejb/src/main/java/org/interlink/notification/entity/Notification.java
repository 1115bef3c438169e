package org.interlink.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.interlink.agency.entity.Agency;
import org.interlink.agreement.entity.Agreement;
import org.interlink.caller.entity.Username;
import org.interlink.item.entity.Item;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * One notification of one person, acting for one agency, about one item (what happened, never the
 * item's title or content, which the inbox shows through the gate when the person opens it) or about
 * one agreement of their agency (its reminders before it ends): when, whether they read it and what
 * became of its e-mail.
 */
@Entity
@Table(name = "notification")
public class Notification implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 100)
    private String recipient;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id", nullable = false, updatable = false)
    private Agency agency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private NotificationKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id", updatable = false)
    private Item item;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id", updatable = false)
    private Agreement agreement;

    @Column(nullable = false, updatable = false, length = 500)
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_status", nullable = false, length = 16)
    private MailStatus mail;

    protected Notification() {
    }

    public Notification(Username recipient, Agency agency, NotificationKind kind, Item item, String text, Instant now,
            MailStatus mail) {
        this(recipient, agency, kind, text, now, mail);
        this.item = item;
    }

    /** A notification about an agreement of {@code agency} (the person administers it for that agency). */
    public Notification(Username recipient, Agency agency, NotificationKind kind, Agreement agreement, String text, Instant now,
            MailStatus mail) {
        this(recipient, agency, kind, text, now, mail);
        this.agreement = agreement;
    }

    private Notification(Username recipient, Agency agency, NotificationKind kind, String text, Instant now, MailStatus mail) {
        this.recipient = recipient.value();
        this.agency = agency;
        this.kind = kind;
        this.text = text.length() > 500 ? text.substring(0, 499) + "…" : text;
        this.createdAt = now;
        this.mail = mail;
    }

    public void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public void mailed(MailStatus status) {
        this.mail = status;
    }

    public boolean isFor(Username username) {
        return recipient.equals(username.value());
    }

    public Long getId() {
        return id;
    }

    public Username getRecipient() {
        return new Username(recipient);
    }

    public Agency getAgency() {
        return agency;
    }

    public NotificationKind getKind() {
        return kind;
    }

    /** The item it is about; {@code null} for a notification about an agreement. */
    public Item getItem() {
        return item;
    }

    /** The agreement it is about; {@code null} for a notification about an item. */
    public Agreement getAgreement() {
        return agreement;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Optional<Instant> getReadAt() {
        return Optional.ofNullable(readAt);
    }

    public boolean isUnread() {
        return readAt == null;
    }

    public MailStatus getMail() {
        return mail;
    }
}
