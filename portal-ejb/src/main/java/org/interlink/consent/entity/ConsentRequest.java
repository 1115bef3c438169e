package org.interlink.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Username;

import java.io.Serializable;
import java.time.Instant;

/**
 * A reader's request that the owner of an item pass it on to a third agency, with a reason, and the owner's decision
 * with its reason. It names the item by id and keeps its owner, so that the owner's queue is read without the items.
 */
@Entity
@Table(name = "consent_request")
@NamedQuery(name = ConsentRequest.PENDING_FOR_OWNER, query = "select c from ConsentRequest c where c.owner = :agency"
        + " and c.status = org.interlink.consent.entity.ConsentStatus.PENDING order by c.id")
@NamedQuery(name = ConsentRequest.OF_AGENCY, query = "select c from ConsentRequest c where c.owner = :agency or c.requester = :agency"
        + " order by c.id desc")
@NamedQuery(name = ConsentRequest.PENDING_FOR_ITEM, query = "select c from ConsentRequest c where c.itemId = :item"
        + " and c.target = :target and c.requester = :requester and c.status = org.interlink.consent.entity.ConsentStatus.PENDING")
public class ConsentRequest implements Serializable {

    public static final String PENDING_FOR_OWNER = "ConsentRequest.pendingForOwner";
    public static final String OF_AGENCY = "ConsentRequest.ofAgency";
    public static final String PENDING_FOR_ITEM = "ConsentRequest.pendingForItem";
    public static final int MAX_REASON = 1000;

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "consent_request_seq", sequenceName = "consent_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_request_seq")
    private Long id;

    @Column(name = "item_id", nullable = false, updatable = false)
    private Long itemId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_agency_id", nullable = false, updatable = false)
    private Agency owner;

    /** The version the requester read when asking. */
    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNumber;

    @ManyToOne(optional = false)
    @JoinColumn(name = "requester_agency_id", nullable = false, updatable = false)
    private Agency requester;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 100)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @ManyToOne(optional = false)
    @JoinColumn(name = "target_agency_id", nullable = false, updatable = false)
    private Agency target;

    @Column(nullable = false, updatable = false, length = MAX_REASON)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ConsentStatus status;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = MAX_REASON)
    private String decisionReason;

    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected ConsentRequest() {
    }

    /**
     * A reader of {@code requester} asks, with a reason, that the owner pass item {@code itemId} (they read its version
     * {@code versionNumber}) on to {@code target}.
     *
     * @throws ConsentRefused without a reason, or with one too long
     */
    public static ConsentRequest ask(long itemId, Agency owner, int versionNumber, Agency requester, Username requestedBy, Agency target,
            String reason, Instant now) {
        return new ConsentRequest(itemId, owner, versionNumber, requester, requestedBy, target,
                required(reason, "Say why the item should be passed on."), now);
    }

    private ConsentRequest(long itemId, Agency owner, int versionNumber, Agency requester, Username requestedBy, Agency target,
            String reason, Instant now) {
        this.itemId = itemId;
        this.owner = owner;
        this.versionNumber = versionNumber;
        this.requester = requester;
        this.requestedBy = requestedBy.value();
        this.target = target;
        this.reason = reason;
        this.requestedAt = now;
        this.status = ConsentStatus.PENDING;
    }

    /** @throws ConsentRefused when the request was decided already */
    public void requirePending() {
        if (status != ConsentStatus.PENDING) {
            throw new ConsentRefused("This request was " + status.name().toLowerCase() + " already.");
        }
    }

    /** The owner's vetter decides, with a reason. */
    public void decide(boolean approved, Username by, String why, Instant now) {
        requirePending();
        this.decisionReason = required(why, approved ? "Say why you consent." : "Say why you decline.");
        this.status = approved ? ConsentStatus.APPROVED : ConsentStatus.DECLINED;
        this.decidedBy = by.value();
        this.decidedAt = now;
    }

    private static String required(String text, String missing) {
        if (text == null || text.isBlank()) {
            throw new ConsentRefused(missing);
        }
        if (text.trim().length() > MAX_REASON) {
            throw new ConsentRefused("At most " + MAX_REASON + " characters.");
        }
        return text.trim();
    }

    /** One line for the audit trail, the history and the notifications. */
    public String describe() {
        return "consent request " + id + " of " + requester.getCode() + " (" + requestedBy + ") to pass item " + itemId + " on to "
                + target.getCode();
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public Agency getOwner() {
        return owner;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public Agency getRequester() {
        return requester;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Agency getTarget() {
        return target;
    }

    public String getReason() {
        return reason;
    }

    public ConsentStatus getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }
}
