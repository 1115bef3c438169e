package org.interlink.consent.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.interlink.BusinessException;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.consent.entity.ConsentNotFound;
import org.interlink.consent.entity.ConsentRefused;
import org.interlink.consent.entity.ConsentRequest;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.NotAllowed;
import org.interlink.notification.control.Notifier;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Sharing;
import org.interlink.workflow.entity.FourEyesViolation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Consent to forward: a reader of another agency's item asks its owner to pass it on to a third agency, with a reason;
 * the owner's vetters (not the author of the published version) approve — a new published version shares it with that
 * agency too, under an agreement that covers it — or decline, which changes nothing. Nobody widens the sharing of an
 * item they do not own: the request is all a reader can do. Every step and every refusal is recorded in the owner's
 * chain; the owner's vetters are told of a request, the requester of the decision.
 */
@Stateless
public class ConsentRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    VisibilityGate gate;

    @Inject
    Items items;

    @Inject
    AuditGate audit;

    @Inject
    Agencies agencies;

    @Inject
    Agreements agreements;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    /** A reader of another agency's item asks its owner to pass it on to the agency with {@code agencyCode}. */
    public ConsentRequest request(Caller caller, ItemId id, String agencyCode, String reason) {
        // refused as "not found", the request rolls back: the refusal is recorded in a transaction of its own
        ItemVersion read = gate.readApart(caller, id, AuditAction.SHARING_CHANGE, "asking to pass it on")
                .orElseThrow(() -> new ItemNotFound(id));
        Item item = read.getItem();
        Agency from = caller.activeAgency().orElseThrow();
        try {
            if (item.isOwnedBy(from)) {
                throw new ConsentRefused("Your agency owns this item: change its sharing instead.");
            }
            Agency target = agencies.find(AgencyCode.of(agencyCode == null ? "" : agencyCode.trim()))
                    .orElseThrow(() -> new ConsentRefused("There is no agency " + agencyCode + "."));
            if (target.equals(item.getOwner()) || target.equals(from) || read.getAgencyGrants().contains(target)) {
                throw new ConsentRefused(target.getName() + " reads this item already.");
            }
            if (!em.createNamedQuery(ConsentRequest.PENDING_FOR_ITEM, ConsentRequest.class).setParameter("item", item.getId())
                    .setParameter("target", target).setParameter("requester", from).getResultList().isEmpty()) {
                throw new ConsentRefused("Your agency's request to pass this item on to " + target.getName()
                        + " is waiting for its owner already.");
            }
            ConsentRequest request = ConsentRequest.ask(item.getId(), item.getOwner(), read.getNumber(), from, caller.username(), target,
                    reason, now());
            em.persist(request);
            em.flush();
            audit.record(caller, AuditAction.SHARING_CHANGE, AuditOutcome.ALLOWED, item.reference(), null,
                    request.describe() + " asked: " + request.getReason());
            notifier.consentRequested(read, caller, from.getName() + " asks to pass it on to " + target.getName() + ": "
                    + request.getReason());
            return request;
        } catch (BusinessException refused) {
            audit.recordRefusal(caller, AuditAction.SHARING_CHANGE, item.reference(),
                    "consent to pass item " + item.getId() + " on not asked: " + refused.getMessage());
            throw refused;
        }
    }

    /** The requests waiting for the decision of the caller's agency, for its vetters (nobody else: empty). */
    public List<ConsentRequest> queue(Caller caller) {
        if (!caller.hasRole(Role.VETTER) || caller.activeAgency().isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(ConsentRequest.PENDING_FOR_OWNER, ConsentRequest.class)
                .setParameter("agency", caller.activeAgency().get()).setMaxResults(200).getResultList();
    }

    /** The requests the caller's agency made or was asked, newest first. */
    public List<ConsentRequest> ofAgency(Caller caller) {
        return caller.activeAgency().map(agency -> em.createNamedQuery(ConsentRequest.OF_AGENCY, ConsentRequest.class)
                .setParameter("agency", agency).setMaxResults(200).getResultList()).orElse(List.of());
    }

    /** One request the caller's agency made or was asked; any other is "not found". */
    public Optional<ConsentRequest> find(Caller caller, long id) {
        ConsentRequest request = em.find(ConsentRequest.class, id);
        if (request == null || caller.activeAgency().filter(a -> a.equals(request.getOwner()) || a.equals(request.getRequester()))
                .isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(request);
    }

    /** The requests the caller's agency made or was asked (see {@link #ofAgency}), recorded as a read. */
    public List<ConsentRequest> list(Caller caller) {
        List<ConsentRequest> found = ofAgency(caller);
        audit.record(caller, AuditAction.LIST, AuditOutcome.ALLOWED, null, null, "consent requests: " + found.size());
        return found;
    }

    /** One request (see {@link #find}), recorded; another agency's is refused (recorded) as one that does not exist. */
    public Optional<ConsentRequest> read(Caller caller, long id) {
        Optional<ConsentRequest> found = find(caller, id);
        if (found.isEmpty()) {
            audit.recordRefusal(caller, AuditAction.VIEW, null, "consent request " + id + " not found");
        } else {
            audit.record(caller, AuditAction.VIEW, AuditOutcome.ALLOWED, null, null, found.get().describe());
        }
        return found;
    }

    /**
     * A vetter of the owner agency consents: the item is published again, shared with the agency asked for too (an
     * agreement must cover it), and the requester is told.
     */
    public ConsentRequest approve(Caller vetter, long id, String why) {
        ConsentRequest request = forDecision(vetter, id, "approve");
        Agency target = request.getTarget();
        Item item = items.change(vetter, new ItemId(request.getItemId()), AuditAction.SHARING_CHANGE, changed -> {
            request.decide(true, vetter.username(), why, now());
            // the history (read by every reader of the new version) names the request, not who asked or why: the owner's
            // audit chain and the request hold those
            String comment = "Passed on to " + target.getName() + " with the provider's consent (consent request " + request.getId() + ").";
            Sharing after = changed.forwardWithConsent(vetter, target, comment, now());
            agreements.requireCovered(changed.getOwner(), Sharing.withAgencies(after.marking(), Set.of(target)),
                    changed.current().getCoverage());
            return new Items.Change(AuditAction.SHARING_CHANGE, request.describe() + " (\"" + request.getReason() + "\") approved: "
                    + request.getDecisionReason() + "; version " + changed.current().getNumber() + " published, shared with "
                    + target.getCode() + " too");
        });
        notifier.consentDecided(item.current(), vetter, new Username(request.getRequestedBy()), request.getRequester(),
                "Passed on to " + target.getName() + ": " + request.getDecisionReason());
        return request;
    }

    /** A vetter of the owner agency declines, saying why: nothing changes but the request, and the requester is told. */
    public ConsentRequest decline(Caller vetter, long id, String why) {
        ConsentRequest request = forDecision(vetter, id, "decline");
        Item item = gate.findForChange(vetter, new ItemId(request.getItemId())).orElseThrow(() -> new ItemNotFound(
                new ItemId(request.getItemId())));
        try {
            request.requirePending();
            ItemVersion shared = item.published().orElseThrow(() -> new ConsentRefused("The item is no longer published."));
            if (shared.isAuthoredBy(vetter.username())) {
                throw new FourEyesViolation();
            }
            request.decide(false, vetter.username(), why, now());
            em.flush();
            audit.record(vetter, AuditAction.SHARING_CHANGE, AuditOutcome.ALLOWED, item.reference(), null,
                    request.describe() + " declined: " + request.getDecisionReason());
            notifier.consentDecided(shared, vetter, new Username(request.getRequestedBy()), request.getRequester(),
                    "Not passed on to " + request.getTarget().getName() + ": " + request.getDecisionReason());
            return request;
        } catch (BusinessException refused) {
            audit.recordRefusal(vetter, AuditAction.SHARING_CHANGE, item.reference(), request.describe() + " not declined: "
                    + refused.getMessage());
            throw refused;
        }
    }

    /** The request, locked, for a vetter of its owner agency; anyone else is refused (recorded) and told "not found". */
    private ConsentRequest forDecision(Caller vetter, long id, String step) {
        ConsentRequest request = em.find(ConsentRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || vetter.activeAgency().filter(request.getOwner()::equals).isEmpty()) {
            audit.recordRefusal(vetter, AuditAction.SHARING_CHANGE, null, "refused to " + step + " consent request " + id + ": not found");
            throw new ConsentNotFound(id);
        }
        if (!vetter.hasRole(Role.VETTER)) {
            audit.recordRefusal(vetter, AuditAction.SHARING_CHANGE, null, "refused to " + step + " " + request.describe()
                    + ": not a vetter");
            throw new NotAllowed("Only vetters of " + request.getOwner().getName() + " decide on passing its items on.");
        }
        if (vetter.username().value().equals(request.getRequestedBy()) || vetter.agencies().contains(request.getRequester())) {
            // someone acting for both agencies would otherwise ask and consent alone
            audit.recordRefusal(vetter, AuditAction.SHARING_CHANGE, null, "refused to " + step + " " + request.describe()
                    + ": the decider asked, or acts for the agency that asked");
            throw new NotAllowed("You asked for this, or act for the agency that asked: another vetter of "
                    + request.getOwner().getName() + " decides.");
        }
        return request;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
