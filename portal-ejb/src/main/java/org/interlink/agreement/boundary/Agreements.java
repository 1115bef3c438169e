package org.interlink.agreement.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.interlink.BusinessException;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.boundary.Communities;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.Community;
import org.interlink.agreement.entity.Agreement;
import org.interlink.agreement.entity.AgreementCover;
import org.interlink.agreement.entity.AgreementNotFound;
import org.interlink.agreement.entity.AgreementParty;
import org.interlink.agreement.entity.AgreementStatus;
import org.interlink.agreement.entity.InvalidAgreement;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.infrastructure.persistence.ScheduledWork;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.entity.AttachmentContent;
import org.interlink.item.entity.NotAllowed;
import org.interlink.notification.control.Notifier;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.sharing.entity.Sharing;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The register of data-sharing agreements. Everyone acting for an agency reads its agreements, a platform
 * administrator all of them; an agency administrator acting for a party drafts, countersigns, suspends, resumes and
 * terminates. Every step, and every refused one, is audited. Activating writes what the gate reads
 * ({@link AgreementCover}); suspending or terminating deletes it, in the same transaction, so the next read of every
 * path already knows.
 */
@Stateless
public class Agreements {

    /** An agreement is shown as ending this many days before its last day; its administrators are reminded then. */
    public static final int ENDING_DAYS = 30;

    /** The last reminder, this many days before an agreement's last day. */
    public static final int LAST_REMINDER_DAYS = 7;

    private static final Logger LOG = Logger.getLogger(Agreements.class.getName());

    @Resource
    SessionContext context;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditGate audit;

    @Inject
    ScheduledWork scheduledWork;

    @Inject
    Clock clock;

    @Inject
    Agencies agencies;

    @Inject
    Communities communities;

    @Inject
    VisibilityGate gate;

    @Inject
    Attachments attachments;

    @Inject
    Notifier notifier;

    /** The agreements the caller reads: a platform administrator's all, anyone else's their agency's. */
    public List<Agreement> visibleTo(Caller caller) {
        if (caller.hasRole(Role.PLATFORM_ADMIN)) {
            return em.createNamedQuery(Agreement.ALL, Agreement.class).getResultList();
        }
        return caller.activeAgency().map(agency -> em.createNamedQuery(Agreement.OF_AGENCY, Agreement.class)
                .setParameter("agency", agency).getResultList()).orElse(List.of());
    }

    /** One agreement the caller reads; another agency's is "not found", as one that does not exist. */
    public Optional<Agreement> find(Caller caller, long id) {
        Agreement agreement = em.find(Agreement.class, id);
        if (agreement == null || !caller.hasRole(Role.PLATFORM_ADMIN)
                && !caller.activeAgency().map(agreement::isParty).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(agreement);
    }

    /** An agency administrator drafts an agreement between their agency and others; it is signed for their agency. */
    public Agreement draft(Caller caller, AgreementForm form) {
        return draft(caller, form, Instant.now(clock));
    }

    private Agreement draft(Caller caller, AgreementForm form, Instant at) {
        Agency drafting = administered(caller, "draft an agreement");
        try {
            Community community = null;
            Collection<Agency> parties;
            if (form.getCommunity() != null && !form.getCommunity().isBlank()) {
                community = communities.find(AgencyCode.of(form.getCommunity().trim()))
                        .orElseThrow(() -> new InvalidAgreement("There is no community " + form.getCommunity().trim() + "."));
                parties = community.getMembers();
            } else {
                parties = named(form.getAgencies(), drafting);
            }
            String reference = form.getReference() == null ? "" : form.getReference().trim();
            // unique per drafting agency, so the answer tells nothing of other agencies' agreements
            if (!em.createNamedQuery(Agreement.BY_REFERENCE, Agreement.class).setParameter("drafting", drafting)
                    .setParameter("reference", reference).getResultList().isEmpty()) {
                throw new InvalidAgreement("Your agency has an agreement with the reference " + reference + " already.");
            }
            Agreement agreement = Agreement.draft(form.terms(), drafting, caller.username(), parties, community, at);
            em.persist(agreement);
            em.flush();
            recordForEveryParty(caller, drafting, agreement, agreement.describe() + " drafted and signed for "
                    + drafting.getCode() + ": \"" + agreement.getTitle() + "\", covers " + agreement.getCoverage() + " up to "
                    + agreement.getHighestMarking().label() + ", " + agreement.getValidFrom() + " to " + agreement.getValidUntil()
                    + ", purposes " + agreement.getPurposes());
            return agreement;
        } catch (BusinessException refused) {
            // a bad term, an unknown or malformed agency or community code: refused and recorded alike
            audit.recordRefusal(caller, AuditAction.ADMIN, null, "agreement not drafted: " + refused.getMessage());
            throw refused;
        }
    }

    private Set<Agency> named(List<String> codes, Agency drafting) {
        Set<AgencyCode> wanted = new HashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (code != null && !code.isBlank()) {
                wanted.add(AgencyCode.of(code.trim()));
            }
        }
        Set<Agency> found = new HashSet<>(agencies.withCodes(wanted));
        if (found.size() != wanted.size()) {
            throw new InvalidAgreement("No agency has the code " + wanted.stream()
                    .filter(c -> found.stream().noneMatch(a -> a.getCode().equals(c))).map(AgencyCode::value).sorted()
                    .collect(Collectors.joining(", ")) + ".");
        }
        found.add(drafting);
        return found;
    }

    /** As {@link #countersign(Caller, long, String)}, for a draft without a signed document. */
    public Agreement countersign(Caller caller, long id) {
        return countersign(caller, id, null);
    }

    /**
     * An administrator of another party countersigns the draft, and the signed document they read ({@code documentSeen}:
     * its SHA-256); when every party has, it is active at once.
     */
    public Agreement countersign(Caller caller, long id, String documentSeen) {
        return step(caller, id, "countersign", (agreement, agency) -> {
            if (agreement.countersign(agency, caller.username(), documentSeen, Instant.now(clock), today())) {
                cover(agreement);
                return "countersigned for " + agency.getCode() + "; every party has signed: active";
            }
            return "countersigned for " + agency.getCode() + "; waits for the other parties";
        });
    }

    /**
     * Records an agreement the two parties signed on {@code signedOn}, on paper before the register existed (the demo's
     * expired one): drafted by {@code drafter} and countersigned by {@code countersigner} that day, active from then on
     * (until its last day).
     */
    public Agreement registerSignedEarlier(Caller drafter, Caller countersigner, AgreementForm form, LocalDate signedOn) {
        Instant then = signedOn.atStartOfDay(clock.getZone()).toInstant();
        Agreement agreement = draft(drafter, form, then);
        Agency party = administered(countersigner, "countersign agreement " + agreement.getId());
        if (agreement.countersign(party, countersigner.username(), null, then, signedOn)) {
            cover(agreement);
        }
        em.flush();
        audit.record(countersigner, AuditAction.ADMIN, AuditOutcome.ALLOWED, null, null, agreement.describe() + " countersigned for "
                + party.getCode() + " on " + signedOn + " (signed before the register)");
        return agreement;
    }

    /** An administrator of a party attaches the signed document to the draft, before the other parties countersign it. */
    public Agreement attachDocument(Caller caller, long id, String filename, String declaredType, InputStream upload) {
        return step(caller, id, "attach the signed document to", (agreement, agency) -> {
            // before a byte is read: a refused step's upload costs nothing
            agreement.checkDocumentOpen(agency);
            Attachments.AttachedFile stored = attachments.store(filename, declaredType, upload);
            agreement.document(agency, stored.filename(), stored.contentType(), stored.sha256());
            return "signed document " + stored.filename() + " (" + stored.size() + " bytes, sha256 " + stored.sha256() + ") attached by "
                    + agency.getCode();
        });
    }

    /** The signed document of an agreement the caller reads, recorded as a download; empty when there is none. */
    public Optional<Attachments.AttachedFile> document(Caller caller, long id) {
        Optional<Agreement> found = find(caller, id).filter(a -> a.getDocumentSha256() != null);
        if (found.isEmpty()) {
            audit.recordRefusal(caller, AuditAction.DOWNLOAD, null, "signed document of agreement " + id + " not found");
            return Optional.empty();
        }
        Agreement agreement = found.get();
        byte[] bytes = em.find(AttachmentContent.class, agreement.getDocumentSha256()).getBytes();
        recordRead(caller, AuditAction.DOWNLOAD, agreement, "signed document " + agreement.getDocumentName() + " of "
                + agreement.describe());
        return Optional.of(new Attachments.AttachedFile(agreement.getDocumentName(), agreement.getDocumentType(), bytes.length,
                agreement.getDocumentSha256(), bytes));
    }

    /** A party suspends the agreement: from this moment it covers nothing, until that party resumes it. */
    public Agreement suspend(Caller caller, long id, String reason) {
        String why = reason(reason, "suspend");
        return step(caller, id, "suspend", (agreement, agency) -> {
            agreement.suspend(agency, today());
            uncover(agreement);
            return "suspended by " + agency.getCode() + ": " + why;
        });
    }

    /** The party that suspended the agreement resumes it. */
    public Agreement resume(Caller caller, long id) {
        return step(caller, id, "resume", (agreement, agency) -> {
            agreement.resume(agency);
            cover(agreement);
            return "resumed by " + agency.getCode();
        });
    }

    /** A party ends the agreement for good: from this moment it covers nothing. */
    public Agreement terminate(Caller caller, long id, String reason) {
        String why = reason(reason, "terminate");
        return step(caller, id, "terminate", (agreement, agency) -> {
            agreement.terminate(agency);
            uncover(agreement);
            return "terminated by " + agency.getCode() + ": " + why;
        });
    }

    private static String reason(String reason, String step) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidAgreement("Say why you " + step + " the agreement.");
        }
        return reason.trim();
    }

    /** One step of an administrator of a party on an agreement they read, locked against a step at the same time. */
    private Agreement step(Caller caller, long id, String what, Step step) {
        Agency agency = administered(caller, what + " agreement " + id);
        Agreement agreement = find(caller, id).orElse(null);
        if (agreement == null) {
            audit.recordRefusal(caller, AuditAction.ADMIN, null, "refused to " + what + " agreement " + id + ": not found");
            throw new AgreementNotFound(id);
        }
        em.lock(agreement, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(agreement);
        try {
            String done = step.take(agreement, agency);
            em.flush();
            recordForEveryParty(caller, agency, agreement, agreement.describe() + " " + done);
            return agreement;
        } catch (BusinessException refused) {
            audit.recordRefusal(caller, AuditAction.ADMIN, null, "refused to " + what + " " + agreement.describe() + ": "
                    + refused.getMessage());
            throw refused;
        }
    }

    /** An agreement's step is recorded in the acting agency's chain and in every other party's: their auditors read it too. */
    /** A read of an agreement; one by someone not acting for a party (a platform administrator) goes to every party's chain too. */
    private void recordRead(Caller caller, AuditAction action, Agreement agreement, String details) {
        audit.record(caller, action, AuditOutcome.ALLOWED, null, null, details);
        if (!caller.activeAgency().map(agreement::isParty).orElse(false)) {
            agreement.getParties()
                    .forEach(party -> audit.recordIn(caller, action, AuditOutcome.ALLOWED, party.getAgency().getCode().value(),
                            details));
        }
    }

    private void recordForEveryParty(Caller caller, Agency acting, Agreement agreement, String details) {
        audit.record(caller, AuditAction.ADMIN, AuditOutcome.ALLOWED, null, null, details);
        agreement.getParties().stream().map(AgreementParty::getAgency).filter(party -> !party.equals(acting))
                .forEach(party -> audit.recordIn(caller, AuditAction.ADMIN, AuditOutcome.ALLOWED, party.getCode().value(), details));
    }

    /** The agreements the caller reads, recorded as a read of the register (see {@link #visibleTo}). */
    public List<Agreement> list(Caller caller) {
        List<Agreement> found = visibleTo(caller);
        audit.record(caller, AuditAction.LIST, AuditOutcome.ALLOWED, null, null, "agreements: " + found.size());
        return found;
    }

    /** One agreement the caller reads, recorded; another agency's is refused (recorded) as one that does not exist. */
    public Optional<Agreement> read(Caller caller, long id) {
        Optional<Agreement> found = find(caller, id);
        if (found.isEmpty()) {
            audit.recordRefusal(caller, AuditAction.VIEW, null, "agreement " + id + " not found");
        } else {
            recordRead(caller, AuditAction.VIEW, found.get(), found.get().describe());
        }
        return found;
    }

    @FunctionalInterface
    private interface Step {
        /** @return what was done, for the audit trail */
        String take(Agreement agreement, Agency agency);
    }

    private void cover(Agreement agreement) {
        for (AgreementCover cover : agreement.covers()) {
            em.createNativeQuery("insert into agreement_cover (reader_agency_id, owner_agency_id, coverage, marking, agreement_id,"
                    + " valid_from, valid_until) values (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, cover.getReaderId()).setParameter(2, cover.getOwnerId())
                    .setParameter(3, cover.getCoverage().name()).setParameter(4, cover.getMarking().name())
                    .setParameter(5, cover.getAgreementId()).setParameter(6, cover.getValidFrom())
                    .setParameter(7, cover.getValidUntil()).executeUpdate();
        }
    }

    private void uncover(Agreement agreement) {
        em.createQuery("delete from AgreementCover k where k.agreementId = :id").setParameter("id", agreement.getId()).executeUpdate();
    }

    /** The agency the caller administers: the one they act for, if they are its agency administrator. */
    private Agency administered(Caller caller, String attempt) {
        if (!caller.hasRole(Role.AGENCY_ADMIN) || caller.activeAgency().isEmpty()) {
            audit.recordRefusal(caller, AuditAction.ADMIN, null,
                    "refused to " + attempt + ": not an agency administrator acting for an agency");
            throw new NotAllowed("Only an agency administrator acting for a party drafts, signs, suspends or ends an agreement.");
        }
        return caller.activeAgency().get();
    }

    /**
     * Refuses to share a draft of {@code owner} by name with an agency that no agreement valid today allows to read it
     * (its kind or record type, its marking), naming the agency and what is missing. TLP:CLEAR needs none; shares with
     * all members or with communities are not refused: the gate shows them only to the agencies an agreement covers.
     */
    public void requireCovered(Agency owner, Sharing sharing, Coverage coverage) {
        if (sharing.marking() == Marking.CLEAR || sharing.scope() != Scope.NAMED_AGENCIES) {
            return;
        }
        LocalDate today = today();
        List<Long> covered = em.createQuery("select k.readerId from AgreementCover k where k.ownerId = :owner and k.readerId in :readers"
                + " and k.coverage = :coverage and k.marking = :marking and k.validFrom <= :today and k.validUntil >= :today", Long.class)
                .setParameter("owner", owner.getId())
                .setParameter("readers", sharing.agencies().stream().map(Agency::getId).toList())
                .setParameter("coverage", coverage).setParameter("marking", sharing.marking()).setParameter("today", today)
                .getResultList();
        List<Agency> missing = new ArrayList<>(sharing.agencies().stream().filter(a -> !covered.contains(a.getId())).toList());
        if (!missing.isEmpty()) {
            String names = missing.stream().map(Agency::getName).sorted().collect(Collectors.joining(", "));
            String what = coverage.name().toLowerCase().replace('_', ' ');
            throw new IllegalSharing("No active data-sharing agreement between " + owner.getName() + " and " + names + " covers "
                    + what + " marked " + sharing.marking().label() + ". Ask your agency administrator to register one, or share"
                    + " with other agencies or under a lower marking.", "sharing.noAgreement", names, what, sharing.marking().label());
        }
    }

    /** An agreement ending soon: its days left and, per other party, how many items stop being shared with it. */
    public record Ending(Agreement agreement, long daysLeft, List<Stopping> stopping) {
    }

    /** {@code items} of the caller's agency stop being shared with {@code partner}. */
    public record Stopping(Agency partner, long items) {
    }

    /**
     * The active agreements of the administrator's agency whose last day is within {@value #ENDING_DAYS} days, soonest
     * first, each with what stops being shared with each other party when it ends (nothing another agreement covers).
     * Empty for anyone but an agency administrator.
     */
    public List<Ending> endingSoon(Caller caller) {
        if (!caller.hasRole(Role.AGENCY_ADMIN) || caller.activeAgency().isEmpty()) {
            return List.of();
        }
        Agency own = caller.activeAgency().get();
        LocalDate today = today();
        List<Ending> ending = new ArrayList<>();
        for (Agreement agreement : em.createNamedQuery(Agreement.OF_AGENCY, Agreement.class).setParameter("agency", own)
                .getResultList()) {
            if (agreement.status(today) != AgreementStatus.ACTIVE || agreement.getValidUntil().isAfter(today.plusDays(ENDING_DAYS))) {
                continue;
            }
            List<Stopping> stopping = agreement.getParties().stream().map(AgreementParty::getAgency).filter(a -> !a.equals(own))
                    .map(partner -> new Stopping(partner, gate.sharedOnlyUnder(agreement.getId(), own, partner, agreement.getCoverage(),
                            agreement.markings(), agreement.getValidUntil().plusDays(1))))
                    .toList();
            ending.add(new Ending(agreement, ChronoUnit.DAYS.between(today, agreement.getValidUntil()), stopping));
        }
        ending.sort(Comparator.comparing(e -> e.agreement().getValidUntil()));
        return ending;
    }

    /**
     * The hourly look for agreements to remind of, outside a transaction: the look runs in its own, and its failure is
     * logged and tried again the next hour (thrown out of the timer, it would make Payara drop the timer).
     */
    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void hourly() {
        LocalDate today = today();
        Agreements self = context.getBusinessObject(Agreements.class);
        try {
            // once an hour however many nodes run the portal
            if (!scheduledWork.claim("agreement reminders", Duration.ofHours(1))) {
                return;
            }
            for (Long id : self.endingOn(today)) {
                try {
                    self.remindOne(id, today);
                } catch (RuntimeException e) {
                    // one agreement's failure does not hold back the others' reminders: it is tried again the next hour
                    LOG.log(Level.WARNING, "agreement " + id + " not reminded of this hour: " + e, e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "agreements ending not looked for this hour: " + e, e);
        }
    }

    /**
     * Reminds the administrators of every party of an active agreement {@value #ENDING_DAYS} days, and again
     * {@value #LAST_REMINDER_DAYS} days, before its last day, each reminder once: it is claimed by a conditional update of
     * the agreement, so a second look (another hour, another node) finds it taken. In the caller's transaction (the
     * demo's seeding); the hourly look takes each agreement in a transaction of its own. An agreement activated with a week
     * or less to run gets only the last one. Each party's reminder says how many of its items stop being shared with each
     * other party then (as the dashboard does).
     *
     * @return how many agreements were reminded of
     */
    public int remindEnding(LocalDate today) {
        int reminded = 0;
        for (Long id : endingOn(today)) {
            reminded += remind(id, today) ? 1 : 0;
        }
        return reminded;
    }

    /** The active agreements whose last day is within {@value #ENDING_DAYS} days of {@code today}. */
    public List<Long> endingOn(LocalDate today) {
        return em.createNamedQuery(Agreement.ENDING, Agreement.class).setParameter("active", AgreementStatus.ACTIVE)
                .setParameter("today", today).setParameter("last", today.plusDays(ENDING_DAYS)).getResultStream()
                .map(Agreement::getId).toList();
    }

    /** As {@link #remindEnding} for one agreement, in a transaction of its own (the hourly look's). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remindOne(long id, LocalDate today) {
        return remind(id, today);
    }

    /**
     * Claims the reminder due for one agreement and, claimed, notifies every party: the claim holds only while the
     * agreement is still active and ends on the day read (a suspension committed meanwhile wins).
     */
    private boolean remind(long id, LocalDate today) {
        Agreement agreement = em.find(Agreement.class, id);
        long daysLeft = ChronoUnit.DAYS.between(today, agreement.getValidUntil());
        int reminder = daysLeft <= LAST_REMINDER_DAYS ? LAST_REMINDER_DAYS : ENDING_DAYS;
        int claimed = em.createNativeQuery("update agreement set reminded_days = ? where id = ? and status = ? and valid_until = ?"
                + " and (reminded_days is null or reminded_days > ?)")
                .setParameter(1, reminder).setParameter(2, id).setParameter(3, AgreementStatus.ACTIVE.name())
                .setParameter(4, agreement.getValidUntil()).setParameter(5, reminder).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        for (AgreementParty party : agreement.getParties()) {
            notifier.agreementEnding(agreement, party.getAgency(), reminderText(agreement, party.getAgency(), daysLeft));
        }
        return true;
    }

    private String reminderText(Agreement agreement, Agency own, long daysLeft) {
        String stopping = agreement.getParties().stream().map(AgreementParty::getAgency).filter(a -> !a.equals(own))
                .map(partner -> gate.sharedOnlyUnder(agreement.getId(), own, partner, agreement.getCoverage(), agreement.markings(),
                        agreement.getValidUntil().plusDays(1)) + " with " + partner.getName())
                .collect(Collectors.joining(", "));
        return agreement.qualifiedReference() + " (" + agreement.getTitle() + ") ends on " + agreement.getValidUntil() + ", in "
                + daysLeft + (daysLeft == 1 ? " day" : " days") + ". Items of your agency that stop being shared then: " + stopping
                + ".";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
