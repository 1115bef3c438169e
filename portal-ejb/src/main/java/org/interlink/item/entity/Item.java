package org.interlink.item.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.interlink.BusinessException;
import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.sharing.entity.Sharing;
import org.interlink.workflow.entity.FourEyesViolation;
import org.interlink.workflow.entity.IllegalTransition;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A shared item: a record, a recommendation or a meeting outcome, owned by one agency. All changes
 * go through the intent methods here, which hold the rules and write the history:
 * <ul>
 *     <li>officials and liaisons draft items for the agency they act for; the author edits and
 *     submits their version;</li>
 *     <li>a vetter of the owner agency publishes or returns a submitted version, with a comment,
 *     and never their own (four eyes);</li>
 *     <li>editing a published item starts a new version; the published one stays what others
 *     read until the new one is published, which supersedes it and takes over what followed it
 *     (decision, progress, action items' updates) if it is shared exactly as it was;</li>
 *     <li>the author or a vetter of the owner agency withdraws a version or archives a
 *     published one.</li>
 * </ul>
 * A refused step throws and changes nothing.
 */
@Entity
@Table(name = "item")
public class Item implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "item_seq", sequenceName = "item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private ItemKind kind;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_agency_id", nullable = false, updatable = false)
    private Agency owner;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @OneToMany(mappedBy = "item", cascade = {CascadeType.PERSIST, CascadeType.MERGE})
    @OrderBy("number ASC")
    private List<ItemVersion> versions = new ArrayList<>();

    @OneToMany(mappedBy = "item", cascade = {CascadeType.PERSIST, CascadeType.MERGE})
    @OrderBy("at ASC, id ASC")
    private List<ItemEvent> events = new ArrayList<>();

    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    /** The entry of the last change made through this object (not stored: the history is). */
    @Transient
    private transient ItemEvent lastChange;

    protected Item() {
    }

    /**
     * A new item owned by the agency the author acts for, with a first version in DRAFT.
     *
     * @throws NotAllowed when the author is no official or liaison, or acts for no agency
     */
    public static Item draft(Caller author, ItemContent content, Sharing sharing, Instant now) {
        return draft(author, content, Texts.none(), sharing, now);
    }

    /** As {@link #draft(Caller, ItemContent, Sharing, Instant)}, with the texts' language and translations. */
    public static Item draft(Caller author, ItemContent content, Texts texts, Sharing sharing, Instant now) {
        Agency owner = author.activeAgency()
                .orElseThrow(() -> new NotAllowed("Choose the agency you act for before you write an item.", "item.noAgency"));
        if (!author.hasRole(Role.OFFICIAL) && !author.hasRole(Role.LIAISON)) {
            throw new NotAllowed("Only officials and liaisons write items.", "item.writersOnly");
        }
        check(owner, content, sharing);
        sharing.checkUntil(LocalDate.ofInstant(now, ZoneOffset.UTC));
        Item item = new Item();
        item.kind = content.kind();
        item.owner = owner;
        item.createdAt = now;
        item.createdBy = author.username().value();
        ItemVersion first = content.createVersion();
        first.start(item, 1, author.username(), now);
        first.revise(content, texts, sharing, now);
        item.versions.add(first);
        item.record(author, first, ItemAction.DRAFTED, null, now, true);
        return item;
    }

    /** The author changes the content and sharing of their version while it is a draft or returned. */
    public void edit(Caller caller, ItemContent content, Sharing sharing, Instant now) {
        edit(caller, content, current().texts(), sharing, now);
    }

    /** As {@link #edit(Caller, ItemContent, Sharing, Instant)}, with the texts' language and translations. */
    public void edit(Caller caller, ItemContent content, Texts texts, Sharing sharing, Instant now) {
        ItemVersion version = current();
        checkEdit(caller, version);
        if (content.kind() != kind) {
            throw new InvalidContent("This item is a " + kind + ", not a " + content.kind() + ".");
        }
        check(owner, content, sharing);
        sharing.checkUntil(LocalDate.ofInstant(now, ZoneOffset.UTC));
        version.revise(content, texts, sharing, now);
        record(caller, version, ItemAction.EDITED, null, now, true);
    }

    /**
     * The author attaches a file to their draft (or returned) version, within the policy's limits.
     *
     * @param content the stored bytes (the same object for the same SHA-256, so files are kept once)
     */
    /** Whether the caller may attach a file to the current version now: its author, while it is editable (else refused). */
    public void checkAttach(Caller caller) {
        checkEdit(caller, current());
    }

    public Attachment attach(Caller caller, String filename, String contentType, AttachmentContent content,
            AttachmentPolicy policy, Instant now) {
        ItemVersion version = current();
        checkEdit(caller, version);
        policy.check(filename, contentType, content.getSize());
        Attachment attachment = new Attachment(version, AttachmentPolicy.cleanName(filename),
                AttachmentPolicy.cleanType(contentType), content, caller.username(), now);
        version.attach(attachment, now);
        record(caller, version, ItemAction.ATTACHED, attachment.getFilename(), now, true);
        return attachment;
    }

    /** The author removes a file from their draft (or returned) version. */
    public void detach(Caller caller, long attachmentId, Instant now) {
        ItemVersion version = current();
        checkEdit(caller, version);
        Attachment attachment = version.getAttachments().stream().filter(a -> a.getId() == attachmentId).findFirst()
                .orElseThrow(() -> new InvalidContent("This version has no such attachment."));
        version.detach(attachment, now);
        record(caller, version, ItemAction.DETACHED, attachment.getFilename(), now, true);
    }

    /** The author hands their draft (or returned) version to the vetters. */
    public void submit(Caller caller, Instant now) {
        ItemVersion version = current();
        checkSubmit(caller, version);
        version.submitted(now);
        record(caller, version, ItemAction.SUBMITTED, null, now, false);
    }

    /** A vetter of the owner agency publishes a submitted version; a previously published one is superseded. */
    public void publish(Caller vetter, String comment, Instant now) {
        ItemVersion version = current();
        requireVetter(vetter, version, comment);
        Optional<ItemVersion> previous = published();
        version.published(vetter.username(), now);
        record(vetter, version, ItemAction.PUBLISHED, comment.trim(), now, true);
        previous.ifPresent(old -> {
            // what followed the old edition was written for its audience: it goes on only to the same audience
            if (old.sharing().equals(version.sharing())) {
                version.carryOver(old);
            }
            old.moveTo(WorkflowState.SUPERSEDED, now);
            // a consequence of the publication, recorded after it; the publication stays the change
            ItemEvent change = lastChange;
            record(vetter, old, ItemAction.SUPERSEDED, "superseded by version " + version.getNumber(), now, false);
            lastChange = change;
        });
    }

    /**
     * A vetter of the owner agency (not the author of the published version) consents to pass the item on to
     * {@code to}: a new version, the published one's copy shared with that agency too, is published at once with
     * {@code comment} (who asked, why, why consented) in the history; the old one is superseded. Only an item shared
     * with named agencies, with no newer version under way.
     *
     * @return the new version's sharing
     */
    public Sharing forwardWithConsent(Caller vetter, Agency to, String comment, Instant now) {
        requireOwnerAgency(vetter, "consent to pass on");
        if (!vetter.hasRole(Role.VETTER)) {
            throw new NotAllowed("Only vetters of " + owner.getName() + " decide on passing its items on.", "item.vettersOnly",
                    owner.getName());
        }
        ItemVersion published = current();
        requireState(published, published.getState() == WorkflowState.PUBLISHED, "passed on (decide once the version under way"
                + " is published or withdrawn)");
        if (published.isAuthoredBy(vetter.username())) {
            throw new FourEyesViolation();
        }
        Sharing before = published.sharing();
        if (before.scope() != Scope.NAMED_AGENCIES) {
            throw new IllegalSharing("Only an item shared with named agencies is passed on by consent; this one is shared with "
                    + before.scope().name().toLowerCase().replace('_', ' ') + ".", "sharing.consentNamedOnly");
        }
        if (before.agencies().contains(to) || to.equals(owner)) {
            throw new IllegalSharing(to.getName() + " reads this item already.", "sharing.readsAlready", to.getName());
        }
        Set<Agency> agencies = new LinkedHashSet<>(before.agencies());
        agencies.add(to);
        Sharing after = new Sharing(before.marking(), Scope.NAMED_AGENCIES, agencies, Set.of(), Set.of(), before.until(),
                before.handling(), before.handlingNote());
        after.check(owner);
        ItemVersion next = published.content().createVersion();
        // the published version's copy, its author's still (four eyes stay about who wrote it); the consent is the vetting
        next.start(this, versions.stream().mapToInt(ItemVersion::getNumber).max().orElse(0) + 1, published.getAuthor(), now);
        next.revise(published.content(), published.texts(), after, now);
        published.copyAttachmentsTo(next);
        published.current(false);
        versions.add(next);
        next.published(vetter.username(), now);
        // what followed the published version goes on: its readers read the new one too, with the agency consented to
        next.carryOver(published);
        record(vetter, next, ItemAction.PUBLISHED, comment, now, true);
        published.moveTo(WorkflowState.SUPERSEDED, now);
        ItemEvent change = lastChange;
        record(vetter, published, ItemAction.SUPERSEDED, "superseded by version " + next.getNumber(), now, false);
        lastChange = change;
        return after;
    }

    /** A vetter of the owner agency sends a submitted version back to its author, saying why. */
    public void returnToAuthor(Caller vetter, String comment, Instant now) {
        ItemVersion version = current();
        requireVetter(vetter, version, comment);
        version.moveTo(WorkflowState.RETURNED, now);
        record(vetter, version, ItemAction.RETURNED, comment.trim(), now, false);
    }

    /**
     * The author or a vetter of the owner agency withdraws the current version. A withdrawn new
     * version leaves the published one current; a withdrawn published version is no longer shared.
     */
    public void withdraw(Caller caller, String comment, Instant now) {
        ItemVersion version = current();
        checkWithdraw(caller, version);
        WorkflowState state = version.getState();
        Optional<ItemVersion> stillPublished = state == WorkflowState.PUBLISHED ? Optional.empty() : published();
        version.moveTo(WorkflowState.WITHDRAWN, now);
        record(caller, version, ItemAction.WITHDRAWN, blankToNull(comment), now, false);
        stillPublished.ifPresent(published -> {
            version.current(false);
            published.current(true);
        });
    }

    /** The author or a vetter of the owner agency archives the published version: still readable, no longer changed. */
    public void archive(Caller caller, Instant now) {
        ItemVersion version = current();
        checkArchive(caller, version);
        version.moveTo(WorkflowState.ARCHIVED, now);
        record(caller, version, ItemAction.ARCHIVED, null, now, false);
    }

    /**
     * An official or liaison of the owner agency starts the next version of a published item, as a
     * copy they author. The published version stays what others read.
     */
    public void startNewVersion(Caller caller, Instant now) {
        ItemVersion version = current();
        checkNewVersion(caller, version);
        ItemVersion next = version.content().createVersion();
        // after the newest number, withdrawn drafts' included (the published version may be older than they are)
        next.start(this, versions.stream().mapToInt(ItemVersion::getNumber).max().orElse(0) + 1, caller.username(), now);
        next.revise(version.content(), version.texts(), version.sharing(), now);
        version.copyAttachmentsTo(next);
        version.current(false);
        versions.add(next);
        record(caller, next, ItemAction.NEW_VERSION, null, now, true);
    }

    /**
     * A step of the follow-through on the shared version (published or archived): a decision on a
     * recommendation, progress, an action item's status. Those who read the item take it — the
     * addressee of a recommendation, the owner agency of an action item — so the kind's rules in
     * {@code step} decide who may; the history records it for everyone who reads the version.
     *
     * @param step applies the change to the shared version and says what it was, for the history
     * @return what {@code step} said it was
     * @throws IllegalTransition when no version is shared (yet)
     */
    public <V extends ItemVersion> String followThrough(Caller caller, Class<V> type, ItemAction action, Instant now,
            Function<V, String> step) {
        if (!action.isFollowThrough()) {
            throw new IllegalArgumentException(action + " is no follow-through");
        }
        ItemVersion shared = published().orElseThrow(() -> new IllegalTransition(
                "This " + kind.label() + " is not published, so nothing follows it up yet."));
        if (!type.isInstance(shared)) {
            throw new InvalidContent("This item is a " + kind.label() + ".");
        }
        String what = step.apply(type.cast(shared));
        record(caller, shared, action, what, now, false);
        return what;
    }

    /**
     * Refuses a change made against another state of the item than its current version's.
     *
     * @param expected the {@link ItemVersion#tag() tag} the caller read, or null when they sent none
     * @throws StaleItem when the current version has another tag
     */
    public void requireTag(String expected) {
        String tag = current().tag();
        if (expected != null && !expected.equals(tag)) {
            throw new StaleItem(expected, tag);
        }
    }

    /** The steps the caller may take on this item now (the same rules the steps themselves enforce). */
    public Set<ItemStep> stepsFor(Caller caller) {
        ItemVersion version = current();
        Set<ItemStep> steps = EnumSet.noneOf(ItemStep.class);
        addIf(steps, ItemStep.EDIT, () -> checkEdit(caller, version));
        addIf(steps, ItemStep.SUBMIT, () -> checkSubmit(caller, version));
        addIf(steps, ItemStep.PUBLISH, () -> requireVetter(caller, version, "a comment"));
        addIf(steps, ItemStep.RETURN, () -> requireVetter(caller, version, "a comment"));
        addIf(steps, ItemStep.WITHDRAW, () -> checkWithdraw(caller, version));
        addIf(steps, ItemStep.ARCHIVE, () -> checkArchive(caller, version));
        addIf(steps, ItemStep.NEW_VERSION, () -> checkNewVersion(caller, version));
        return steps;
    }

    private static void addIf(Set<ItemStep> steps, ItemStep step, Runnable check) {
        try {
            check.run();
            steps.add(step);
        } catch (BusinessException refused) {
            // not a step for this caller now
        }
    }

    private void checkEdit(Caller caller, ItemVersion version) {
        requireAuthor(caller, version, "change");
        requireState(version, version.getState().isEditable(), "changed");
    }

    private void checkSubmit(Caller caller, ItemVersion version) {
        requireAuthor(caller, version, "submit");
        requireState(version, version.getState().isEditable(), "submitted");
    }

    private void checkWithdraw(Caller caller, ItemVersion version) {
        requireAuthorOrVetter(caller, version, "withdraw");
        WorkflowState state = version.getState();
        requireState(version, state.isEditable() || state == WorkflowState.SUBMITTED || state == WorkflowState.PUBLISHED,
                "withdrawn");
    }

    private void checkArchive(Caller caller, ItemVersion version) {
        requireAuthorOrVetter(caller, version, "archive");
        requireState(version, version.getState() == WorkflowState.PUBLISHED, "archived");
    }

    private void checkNewVersion(Caller caller, ItemVersion version) {
        requireOwnerAgency(caller, "change");
        if (!caller.hasRole(Role.OFFICIAL) && !caller.hasRole(Role.LIAISON)) {
            throw new NotAllowed("Only officials and liaisons write items.", "item.writersOnly");
        }
        requireState(version, version.getState() == WorkflowState.PUBLISHED, "changed (start a new version of a published item only)");
        // TLP:RED's readers may not share it further, and a new version is a copy of its text and files that its
        // author may re-mark: only the originator of a RED edition starts the next one
        if (version.getMarking() == Marking.RED && !version.isAuthoredBy(caller.username())) {
            throw new NotAllowed("Only the author of a TLP:RED edition starts its next version: its readers may not share it further.",
                    "item.redNextVersionByAuthor");
        }
    }

    /** The version the owner agency works on. */
    public ItemVersion current() {
        return versions.stream().filter(ItemVersion::isCurrent).findFirst()
                .orElseThrow(() -> new IllegalStateException("item " + id + " has no current version"));
    }

    /** The version others read: published (or published and archived), if any. */
    public Optional<ItemVersion> published() {
        return versions.stream().filter(v -> v.getState().isShared()).findFirst();
    }

    /** The item as the audit trail names it. */
    public ItemReference reference() {
        return new ItemReference(id, owner.getCode());
    }

    public boolean isOwnedBy(Agency agency) {
        return owner.equals(agency);
    }

    private static void check(Agency owner, ItemContent content, Sharing sharing) {
        if (content.title() == null || content.title().isBlank()) {
            throw new InvalidContent("Give the item a title.", "item.noTitle");
        }
        if (content.summary() == null || content.summary().isBlank()) {
            throw new InvalidContent("Give the item a summary.", "item.noSummary");
        }
        sharing.check(owner);
        content.check(owner, sharing);
    }

    private void requireOwnerAgency(Caller caller, String action) {
        if (!caller.activeAgency().map(owner::equals).orElse(false)) {
            throw new NotAllowed("Only people acting for " + owner.getName() + " may " + action + " this item.");
        }
    }

    private void requireAuthor(Caller caller, ItemVersion version, String action) {
        requireOwnerAgency(caller, action);
        if (!version.isAuthoredBy(caller.username())) {
            throw new NotAllowed("Only " + version.getAuthor() + ", who wrote this version, may " + action + " it.");
        }
    }

    private void requireAuthorOrVetter(Caller caller, ItemVersion version, String action) {
        requireOwnerAgency(caller, action);
        if (!version.isAuthoredBy(caller.username()) && !caller.hasRole(Role.VETTER)) {
            throw new NotAllowed("Only the author or a vetter of " + owner.getName() + " may " + action + " this item.");
        }
    }

    private void requireVetter(Caller vetter, ItemVersion version, String comment) {
        requireOwnerAgency(vetter, "vet");
        if (!vetter.hasRole(Role.VETTER)) {
            throw new NotAllowed("Only vetters of " + owner.getName() + " vet its items.", "item.vettersOnly", owner.getName());
        }
        if (version.isAuthoredBy(vetter.username())) {
            throw new FourEyesViolation();
        }
        requireState(version, version.getState() == WorkflowState.SUBMITTED, "vetted (only submitted items are)");
        if (comment == null || comment.isBlank()) {
            throw new InvalidContent("Say why in a comment: it goes into the item's history.", "item.commentRequired");
        }
    }

    private static void requireState(ItemVersion version, boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalTransition("Version " + version.getNumber() + " is " + version.getState()
                    + " and cannot be " + what + ".");
        }
    }

    private void record(Caller actor, ItemVersion version, ItemAction action, String comment, Instant now,
            boolean withSnapshot) {
        String agency = actor.activeAgency().map(a -> a.getCode().value()).orElse(null);
        lastChange = new ItemEvent(this, version, now, actor.username(), agency, action, comment,
                withSnapshot ? version.snapshot() : null);
        events.add(lastChange);
    }

    /** The history entry of the last change made through this object, if any (for those who must hear of it). */
    public Optional<ItemEvent> lastChange() {
        return Optional.ofNullable(lastChange);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public ItemId id() {
        return new ItemId(Objects.requireNonNull(id, "not persisted yet"));
    }

    public Long getId() {
        return id;
    }

    public ItemKind getKind() {
        return kind;
    }

    public Agency getOwner() {
        return owner;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<ItemVersion> getVersions() {
        return List.copyOf(versions);
    }

    public List<ItemEvent> getEvents() {
        return List.copyOf(events);
    }

    @Override
    public String toString() {
        return kind + " " + id + " of " + owner.getCode();
    }
}
