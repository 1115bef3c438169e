package org.interlink.item.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.Customizer;
import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.Community;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.HandlingCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.sharing.entity.Sharing;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One version of an item: its content, marking and sharing, and its vetting state. The first
 * version is created with the item; editing a published item starts the next one, while the
 * published one stays what others read until the new one is published. Changed only through
 * {@link Item}, which keeps the rules and the history.
 */
@Entity
@Table(name = "item_version")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "dtype", length = 31)
@Customizer(ItemVersion.KindsOuterJoined.class)
public abstract class ItemVersion implements Serializable {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "item_version_seq", sequenceName = "item_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_version_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private Item item;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 4000)
    private String summary;

    /** The language of {@link #title} and {@link #summary} (null: not stated). */
    @Column(name = "text_language", length = 8)
    private String language;

    /** The title and summary in other languages, by language. */
    @ElementCollection
    @CollectionTable(name = "item_version_text", joinColumns = @JoinColumn(name = "version_id"))
    @MapKeyColumn(name = "language", length = 8)
    private Map<String, TranslatedText> translations = new HashMap<>();

    /** The words the version is found by (see {@link #searchText()}); indexed for full-text search on PostgreSQL. */
    @Column(name = "search_text", nullable = false, length = 16000)
    private String searchText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Marking marking;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Scope scope;

    /** What the provider allows readers to do with this version (after the SIENA handling codes). */
    @Enumerated(EnumType.STRING)
    @Column(name = "handling_code", nullable = false, length = 2)
    private HandlingCode handlingCode;

    /** The restrictions of handling code H3, in words shown to every reader (null for the other codes). */
    @Column(name = "handling_note", length = 500)
    private String handlingNote;

    /** The last day of a share with named agencies or people (null: no end); the gate reads it with the day. */
    @Column(name = "shared_until")
    private LocalDate sharedUntil;

    /** What this version is for the data-sharing agreements (its kind, a record's type): the gate compares it with theirs. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Coverage coverage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private WorkflowState state;

    /** The version the owner agency works on: the newest one that is not withdrawn. */
    @Column(name = "current_version", nullable = false)
    private boolean current;

    @Column(nullable = false, length = 100, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 100)
    private String publishedBy;

    @ManyToMany
    @JoinTable(name = "item_version_agency", joinColumns = @JoinColumn(name = "version_id"), inverseJoinColumns = @JoinColumn(name = "agency_id"))
    private Set<Agency> agencyGrants = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "item_version_community", joinColumns = @JoinColumn(name = "version_id"), inverseJoinColumns = @JoinColumn(name = "community_id"))
    private Set<Community> communityGrants = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "item_version_user", joinColumns = @JoinColumn(name = "version_id"))
    private Set<NamedReader> userGrants = new LinkedHashSet<>();

    @OneToMany(mappedBy = "version", cascade = {CascadeType.PERSIST, CascadeType.REMOVE}, orphanRemoval = true)
    @OrderBy("id ASC")
    private List<Attachment> attachments = new ArrayList<>();

    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected ItemVersion() {
    }

    // --- changed by Item only ---

    void start(Item item, int number, Username author, Instant now) {
        this.item = item;
        this.number = number;
        this.author = author.value();
        this.state = WorkflowState.DRAFT;
        this.current = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void revise(ItemContent content, Texts texts, Sharing sharing, Instant now) {
        this.title = content.title().trim();
        this.summary = content.summary().trim();
        this.language = texts.language();
        this.translations = new HashMap<>(texts.others());
        apply(content);
        this.coverage = covers();
        this.searchText = searchText();
        this.marking = sharing.marking();
        this.scope = sharing.scope();
        this.sharedUntil = sharing.until();
        this.handlingCode = sharing.handling();
        this.handlingNote = sharing.handlingNote();
        this.agencyGrants = new LinkedHashSet<>(sharing.agencies());
        this.communityGrants = new LinkedHashSet<>(sharing.communities());
        this.userGrants = sharing.people().stream().map(NamedReader::new).collect(Collectors.toCollection(LinkedHashSet::new));
        this.updatedAt = now;
    }

    void moveTo(WorkflowState next, Instant now) {
        this.state = next;
        this.updatedAt = now;
    }

    void submitted(Instant now) {
        this.submittedAt = now;
        moveTo(WorkflowState.SUBMITTED, now);
    }

    void published(Username vetter, Instant now) {
        this.publishedAt = now;
        this.publishedBy = vetter.value();
        moveTo(WorkflowState.PUBLISHED, now);
    }

    void current(boolean current) {
        this.current = current;
    }

    void attach(Attachment attachment, Instant now) {
        attachments.add(attachment);
        this.updatedAt = now;
    }

    void detach(Attachment attachment, Instant now) {
        attachments.remove(attachment);
        this.updatedAt = now;
    }

    /** The attachments of this version carried over to the next one (same stored files). */
    void copyAttachmentsTo(ItemVersion next) {
        attachments.forEach(a -> next.attachments.add(a.copyTo(next)));
    }

    /** What search matches: the title and the summary, in every language they are written in. */
    private String searchText() {
        StringBuilder words = new StringBuilder(title).append(' ').append(summary);
        translations.values().forEach(text -> words.append(' ').append(text.getTitle()).append(' ').append(text.getSummary()));
        return words.toString();
    }

    // --- implemented by each kind ---

    /** Takes over the kind's own fields from {@code content} (title, summary and sharing are done). */
    protected abstract void apply(ItemContent content);

    /** What this version's content is for the agreements, once applied. */
    protected abstract Coverage covers();

    /** The content of this version, to edit it or to start the next version from it. */
    public abstract ItemContent content();

    /** Adds the kind's own fields to the history snapshot. */
    protected abstract void describe(JsonObjectBuilder snapshot);

    /**
     * Takes over, on publication, what followed the version this one supersedes (a recommendation's
     * decision and progress, the status of a meeting's action items): that is the readers' work,
     * not the author's, and a new edition does not undo it.
     */
    protected void carryOver(ItemVersion superseded) {
    }

    /** The fields of a snapshot that hold the ids of linked items (see {@link #links()} and the kinds' {@link #describe}). */
    public static final List<String> SNAPSHOT_LINKS = List.of("meeting", "recommendations");

    /** The items this version links to (a recommendation's meeting, a meeting's recommendations). */
    public Set<Item> links() {
        return Set.of();
    }

    /** The content, marking and sharing as JSON, for the history. */
    public String snapshot() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("version", number)
                .add("title", title)
                .add("summary", summary)
                .add("marking", marking.label())
                .add("scope", scope.name())
                .add("agencies", names(agencyGrants.stream().map(a -> a.getCode().value())))
                .add("communities", names(communityGrants.stream().map(c -> c.getCode().value())))
                .add("people", names(userGrants.stream().map(NamedReader::getUsername)))
                .add("peopleIds", names(namedPeople().stream().map(Person::id).map(PersonId::value)));
        json.add("handling", handlingCode.name());
        if (handlingNote != null) {
            json.add("handlingNote", handlingNote);
        }
        if (sharedUntil != null) {
            json.add("sharedUntil", sharedUntil.toString());
        }
        if (language != null) {
            json.add("language", language);
        }
        if (!translations.isEmpty()) {
            json.add("translations", translated());
        }
        JsonArrayBuilder files = JSON.createArrayBuilder();
        attachments.forEach(a -> files.add(JSON.createObjectBuilder().add("name", a.getFilename())
                .add("type", a.getContentType()).add("size", a.getSize()).add("sha256", a.getSha256())));
        json.add("attachments", files);
        describe(json);
        return json.build().toString();
    }

    private JsonObjectBuilder translated() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        new TreeMap<>(translations).forEach((lang, text) -> json.add(lang,
                JSON.createObjectBuilder().add("title", text.getTitle()).add("summary", text.getSummary())));
        return json;
    }

    private static JsonArrayBuilder names(Stream<String> names) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        names.sorted().forEach(array::add);
        return array;
    }

    /**
     * Tells this state of the version from every other: its number and its optimistic-lock version,
     * e.g. {@code 2.5}. The API sends it as the ETag and expects it back in If-Match.
     */
    public String tag() {
        return number + "." + lockVersion;
    }

    public Sharing sharing() {
        return new Sharing(marking, scope, agencyGrants, communityGrants, namedPeople(), sharedUntil, handlingCode, handlingNote);
    }

    public boolean isAuthoredBy(Username username) {
        return author.equals(username.value());
    }

    public Long getId() {
        return id;
    }

    public Item getItem() {
        return item;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    /** The language of the title and summary as written (null: not stated). */
    public String getLanguage() {
        return language;
    }

    /** The title and summary in their language and the other languages they are given in. */
    public Texts texts() {
        return new Texts(language, translations);
    }

    /** The title for a reader of {@code language}: in their language when the author gave it, else as written. */
    public String titleIn(String language) {
        return TranslatedText.titleIn(translations, language, title);
    }

    /** The summary for a reader of {@code language}: in their language when the author gave it, else as written. */
    public String summaryIn(String language) {
        return TranslatedText.summaryIn(translations, language, summary);
    }

    /** The language the reader of {@code language} reads the title and summary in (null: as written, language not stated). */
    public String languageFor(String language) {
        return TranslatedText.languageFor(translations, language, this.language);
    }

    public HandlingCode getHandlingCode() {
        return handlingCode;
    }

    public String getHandlingNote() {
        return handlingNote;
    }

    public LocalDate getSharedUntil() {
        return sharedUntil;
    }

    public Coverage getCoverage() {
        return coverage;
    }

    public Marking getMarking() {
        return marking;
    }

    public Scope getScope() {
        return scope;
    }

    public WorkflowState getState() {
        return state;
    }

    public boolean isCurrent() {
        return current;
    }

    public Username getAuthor() {
        return new Username(author);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Optional<Instant> getSubmittedAt() {
        return Optional.ofNullable(submittedAt);
    }

    public Optional<Instant> getPublishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public Optional<Username> getPublishedBy() {
        return Optional.ofNullable(publishedBy).map(Username::new);
    }

    public List<Attachment> getAttachments() {
        return List.copyOf(attachments);
    }

    /** Agency grants by name. */
    public List<Agency> getAgencyGrants() {
        return agencyGrants.stream().sorted(Comparator.comparing(Agency::getName)).toList();
    }

    public List<Community> getCommunityGrants() {
        return communityGrants.stream().sorted(Comparator.comparing(Community::getName)).toList();
    }

    /** The usernames of the people a TLP:RED version is shared with, sorted. */
    public List<String> getUserGrants() {
        return userGrants.stream().map(NamedReader::getUsername).sorted().toList();
    }

    /** The people a TLP:RED version is shared with (by id; a grant without one names nobody). */
    public Set<Person> namedPeople() {
        return userGrants.stream().map(NamedReader::person).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    /** Whether the version is shared with the caller by name (their id, not their username). */
    public boolean isSharedByNameWith(Caller caller) {
        return caller.isAmong(namedPeople().stream().map(Person::id).toList());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + (item == null ? "?" : item.getId()) + "v" + number + " " + state;
    }

    /**
     * A version is read with its kind's table outer-joined, in the statement that finds it (not one more statement per
     * kind). Set on the descriptor, not as a query hint: a hint makes EclipseLink prepare its query (generate the SQL) on
     * every call, which a flight recording of the API found in a twelfth of a list call's time.
     */
    public static final class KindsOuterJoined implements DescriptorCustomizer {

        @Override
        public void customize(ClassDescriptor descriptor) {
            descriptor.getInheritancePolicy().setShouldOuterJoinSubclasses(true);
        }
    }
}
