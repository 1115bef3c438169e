package org.interlink.sharing.histories;

import org.interlink.agreement.entity.AgreementStatus;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.ItemAction;
import org.interlink.item.entity.ItemKind;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reference model of one generated history: who may read what, written from the target semantics
 * (issue 16, DESIGN "Each version is judged on its own") and not from the gate's code. It knows agencies
 * (active or suspended), communities, people (username, roles, the agencies their token names, the one they
 * chose), items with their versions, history entries and files, and the notifications made. It predicts
 * whether a change is allowed (the workflow of {@code Item} and the rules of {@code Sharing}) and what each
 * read path returns; the property compares the system with it after every step.
 *
 * <p>Agencies, communities and people are named by code and username; items by their index in the history
 * (and their database id once created).
 */
final class HistoryModel {

    static final Set<WorkflowState> SHARED = EnumSet.of(WorkflowState.PUBLISHED, WorkflowState.ARCHIVED);
    static final Set<WorkflowState> READ_OUTSIDE = EnumSet.of(WorkflowState.PUBLISHED, WorkflowState.ARCHIVED,
            WorkflowState.SUPERSEDED);
    static final Set<WorkflowState> EDITABLE = EnumSet.of(WorkflowState.DRAFT, WorkflowState.RETURNED);
    static final Set<ItemAction> READ_BY_OTHERS = EnumSet.of(ItemAction.PUBLISHED, ItemAction.DECIDED,
            ItemAction.PROGRESS_REPORTED, ItemAction.IMPLEMENTED, ItemAction.ACTION_UPDATED);
    static final Set<Marking> PURPOSE = EnumSet.of(Marking.AMBER, Marking.AMBER_STRICT, Marking.RED);

    /** Agency code → active. */
    final Map<String, Boolean> agencies = new LinkedHashMap<>();
    /** Community code → member agency codes. */
    final Map<String, Set<String>> communities = new LinkedHashMap<>();
    /** Persona key → persona. */
    final Map<String, Person> people = new LinkedHashMap<>();

    /** The short name a generated grant uses for someone nobody signs in as. */
    static final String UNKNOWN_PERSON = "nobody";

    /** Whether a grant names the person nobody signs in as, by short name or by this history's username for it. */
    static boolean unknownPerson(String name) {
        return name.equals(UNKNOWN_PERSON) || name.startsWith(UNKNOWN_PERSON + ".");
    }
    final List<ItemM> items = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();
    /** Requests to pass an item on waiting for its owner: item index, the agency asked for, the agency that asked. */
    final Set<List<Object>> pendingConsents = new LinkedHashSet<>();

    /** How often the model found a version shared with the reader but not read: no agreement covers it, its last day passed. */
    long refusedByAgreement;
    long refusedByLastDay;
    /** The data-sharing agreements between the history's agencies, oldest first. */
    final List<AgreementM> agreements = new ArrayList<>();
    Instant now;

    /** The day of the history's clock (the gate's today: UTC). */
    LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- agreements

    /** An agreement between two agencies (codes) as the register holds it: what it covers, up to which marking, when. */
    static final class AgreementM {
        final long id;
        final String reference;
        final Set<String> parties;
        final Set<Coverage> coverage;
        final Marking highest;
        final LocalDate from;
        final LocalDate until;
        AgreementStatus status = AgreementStatus.ACTIVE;
        String suspendedBy;

        AgreementM(long id, String reference, Set<String> parties, Set<Coverage> coverage, Marking highest, LocalDate from,
                LocalDate until) {
            this.id = id;
            this.reference = reference;
            this.parties = Set.copyOf(parties);
            this.coverage = Set.copyOf(coverage);
            this.highest = highest;
            this.from = from;
            this.until = until;
        }

        /** Whether it lets {@code reader} read {@code owner}'s version of this coverage and marking on {@code today}. */
        boolean covers(String owner, String reader, Coverage covered, Marking marking, LocalDate today) {
            return status == AgreementStatus.ACTIVE && parties.contains(owner) && parties.contains(reader) && !today.isBefore(from)
                    && !today.isAfter(until) && coverage.contains(covered) && marking.compareTo(highest) <= 0;
        }

        /** Whether the party may take the change: suspend an active one, resume what it suspended, terminate a live one. */
        boolean allows(AgreementChange change, String party, LocalDate today) {
            boolean active = status == AgreementStatus.ACTIVE && !today.isAfter(until);
            return parties.contains(party) && switch (change) {
                case SUSPEND -> active;
                case RESUME -> status == AgreementStatus.SUSPENDED && party.equals(suspendedBy);
                case TERMINATE -> status != AgreementStatus.TERMINATED;
            };
        }

        void apply(AgreementChange change, String party) {
            status = switch (change) {
                case SUSPEND -> AgreementStatus.SUSPENDED;
                case RESUME -> AgreementStatus.ACTIVE;
                case TERMINATE -> AgreementStatus.TERMINATED;
            };
            suspendedBy = change == AgreementChange.SUSPEND ? party : null;
        }

        @Override
        public String toString() {
            return reference + " " + shortNames(parties) + " " + status + " " + new TreeSet<>(coverage) + " up to " + highest.label()
                    + " " + from + "–" + until + (suspendedBy == null ? "" : " suspended by " + shortName(suspendedBy));
        }
    }

    /** What a party does to an agreement. */
    enum AgreementChange {
        SUSPEND, RESUME, TERMINATE
    }

    /** What a version is for the agreements: its item's kind, and for a record its type (the histories' are displacement figures). */
    static Coverage coverage(ItemKind kind) {
        return switch (kind) {
            case RECORD -> Coverage.DISPLACEMENT_FIGURES;
            case RECOMMENDATION -> Coverage.RECOMMENDATION;
            case MEETING_OUTCOME -> Coverage.MEETING_OUTCOME;
        };
    }

    /** Whether an agreement lets {@code reader} read the owner's version of this coverage and marking today (TLP:CLEAR needs none). */
    boolean covered(String owner, String reader, Coverage covered, Marking marking) {
        return marking == Marking.CLEAR || agreements.stream().anyMatch(a -> a.covers(owner, reader, covered, marking, today()));
    }

    /** A share by name with agencies is drafted only when an agreement covers each of them (the others are the gate's). */
    boolean coveredByName(String owner, Coverage covered, SharingM sharing) {
        return sharing.scope() != Scope.NAMED_AGENCIES
                || sharing.agencies().stream().allMatch(reader -> covered(owner, reader, covered, sharing.marking()));
    }

    // ---------------------------------------------------------------- people

    /** A person as their token describes them: username, roles, the agencies of the organization claim, the chosen one. */
    static final class Person {
        final String key;
        final String username;
        final Set<Role> roles;
        final Set<String> memberOf = new LinkedHashSet<>();
        String chosen;

        Person(String key, String username, Set<Role> roles, Set<String> memberOf, String chosen) {
            this.key = key;
            this.username = username;
            this.roles = EnumSet.copyOf(roles);
            this.memberOf.addAll(memberOf);
            this.chosen = chosen;
        }

        boolean has(Role role) {
            return roles.contains(role);
        }

        boolean writes() {
            return has(Role.OFFICIAL) || has(Role.LIAISON);
        }

        @Override
        public String toString() {
            return key;
        }
    }

    /** The agencies the person may act for now: those of their claim that are active. */
    List<String> activeAgenciesOf(Person p) {
        return p.memberOf.stream().filter(code -> agencies.getOrDefault(code, false)).toList();
    }

    /** The agency the person acts for: the chosen one if still theirs and active, else their only active one, else none. */
    String actingFor(Person p) {
        List<String> active = activeAgenciesOf(p);
        if (p.chosen != null && active.contains(p.chosen)) {
            return p.chosen;
        }
        return active.size() == 1 ? active.get(0) : null;
    }

    // ---------------------------------------------------------------- items

    /**
     * A sharing as a form sends it, grants of the chosen scope only, and maybe a last day: as generated, {@code days} after
     * the day of the step (a history's days are its own); resolved, the date {@code until}.
     */
    record SharingM(Marking marking, Scope scope, Set<String> agencies, Set<String> communities, Set<String> users, Integer days,
            LocalDate until) {

        SharingM {
            agencies = Set.copyOf(agencies);
            communities = Set.copyOf(communities);
            users = Set.copyOf(users);
        }

        /** The rules of TLP 2.0 as DESIGN states them, for an item owned by {@code owner}, and of a last day on {@code today}. */
        boolean legalFor(String owner, LocalDate today) {
            if ((marking == Marking.RED) != (scope == Scope.NAMED_USERS)) {
                return false;
            }
            // only a share by name has a last day, and not one already past
            if (until != null && (scope != Scope.NAMED_AGENCIES && scope != Scope.NAMED_USERS || until.isBefore(today))) {
                return false;
            }
            if (marking == Marking.AMBER_STRICT && scope != Scope.OWN_AGENCY && scope != Scope.NAMED_AGENCIES) {
                return false;
            }
            if (marking == Marking.AMBER && scope == Scope.ALL_MEMBERS) {
                return false;
            }
            return switch (scope) {
                case NAMED_AGENCIES -> !agencies.isEmpty() && !agencies.contains(owner);
                case COMMUNITIES -> !communities.isEmpty();
                // a person the identity provider does not know is refused by name (grants hold by id)
                case NAMED_USERS -> !users.isEmpty() && users.stream().noneMatch(HistoryModel::unknownPerson);
                case OWN_AGENCY, ALL_MEMBERS -> true;
            };
        }

        @Override
        public String toString() {
            return marking.label() + " " + scope + switch (scope) {
                case NAMED_AGENCIES -> " " + shortNames(agencies);
                case COMMUNITIES -> " " + shortNames(communities);
                case NAMED_USERS -> " " + shortNames(users);
                default -> "";
            } + (days != null ? " until +" + days + "d" : until != null ? " until " + until : "");
        }
    }

    /** What a version says beyond its sharing: a recommendation's addressee, the items it links to (by index). */
    record ContentM(String addressee, Set<Integer> links) {

        ContentM {
            links = Set.copyOf(links);
        }

        static final ContentM NONE = new ContentM(null, Set.of());
    }

    static final class VersionM {
        final int number;
        final String author;
        SharingM sharing;
        ContentM content = ContentM.NONE;
        WorkflowState state = WorkflowState.DRAFT;
        boolean current = true;
        final List<Long> files = new ArrayList<>();
        Instant updatedAt;
        Instant publishedAt;

        VersionM(int number, String author, SharingM sharing, Instant now) {
            this.number = number;
            this.author = author;
            this.sharing = sharing;
            this.updatedAt = now;
        }

        @Override
        public String toString() {
            return "v" + number + " " + state + " " + sharing + " by " + shortName(author)
                    + (content.addressee() == null ? "" : " to " + shortName(content.addressee()))
                    + (content.links().isEmpty() ? "" : " links " + new TreeSet<>(content.links()))
                    + (current ? " (current)" : "");
        }
    }

    /** A history entry: the version, what happened, and the sharing and links its snapshot recorded (null: no snapshot). */
    record Entry(int version, ItemAction action, Marking snapshotMarking, Set<String> snapshotPeople, Set<Integer> snapshotLinks) {

        boolean hasSnapshot() {
            return snapshotMarking != null;
        }
    }

    static final class ItemM {
        final int index;
        final String owner;
        ItemKind kind = ItemKind.RECORD;
        long id;
        final List<VersionM> versions = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();
        /** Files that were attached and removed again: they no longer exist. */
        final List<Long> removedFiles = new ArrayList<>();

        ItemM(int index, String owner) {
            this.index = index;
            this.owner = owner;
        }

        VersionM current() {
            return versions.stream().filter(v -> v.current).findFirst().orElseThrow();
        }

        Optional<VersionM> shared() {
            return versions.stream().filter(v -> SHARED.contains(v.state)).findFirst();
        }

        VersionM version(int number) {
            return versions.get(number - 1);
        }

        void record(VersionM version, ItemAction action, boolean snapshot) {
            entries.add(new Entry(version.number, action, snapshot ? version.sharing.marking() : null,
                    snapshot ? version.sharing.users() : null, snapshot ? version.content.links() : null));
        }

        @Override
        public String toString() {
            return "#" + index + " " + kind;
        }
    }

    /** A notification: who, for which agency, about which item. */
    record Notice(String username, String agency, int item) {
    }

    /** A code or username without the history's prefix: {@code a}, {@code k1}, {@code a.official}. */
    static String shortName(String name) {
        int dash = name.lastIndexOf('-');
        if (dash >= 0) {
            return name.substring(dash + 1);
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 && name.substring(dot + 1).startsWith("h") ? name.substring(0, dot) : name;
    }

    static SortedSet<String> shortNames(Collection<String> names) {
        return names.stream().map(HistoryModel::shortName).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---------------------------------------------------------------- who reads what

    /** Whether {@code p}, acting for {@code x}, reads this version of the item — each version judged on its own. */
    boolean readsVersion(Person p, String x, ItemM item, VersionM v) {
        if (x == null) {
            return false;
        }
        if (x.equals(item.owner)) {
            return v.sharing.marking() != Marking.RED || p.has(Role.VETTER) || v.author.equals(p.username)
                    || v.sharing.users().contains(p.username);
        }
        if (!agencies.getOrDefault(item.owner, false) || !READ_OUTSIDE.contains(v.state)) {
            return false;
        }
        if (!reaches(v.sharing, x, p.username)) {
            return false;
        }
        // outside the owner agency: while an agreement covers it, and not after the share's last day
        if (!covered(item.owner, x, coverage(item.kind), v.sharing.marking())) {
            refusedByAgreement++;
            return false;
        }
        if (v.sharing.until() != null && today().isAfter(v.sharing.until())) {
            refusedByLastDay++;
            return false;
        }
        return true;
    }

    private boolean reaches(SharingM sharing, String x, String username) {
        return switch (sharing.scope()) {
            case ALL_MEMBERS -> true;
            case NAMED_AGENCIES -> sharing.agencies().contains(x);
            case COMMUNITIES -> sharing.communities().stream().anyMatch(c -> communities.getOrDefault(c, Set.of()).contains(x));
            case NAMED_USERS -> sharing.users().contains(username);
            case OWN_AGENCY -> false;
        };
    }

    /** The version the person reads as the item (null: the item is not visible to them at all). */
    VersionM main(Person p, ItemM item) {
        String x = actingFor(p);
        if (x == null) {
            return null;
        }
        VersionM v = x.equals(item.owner) ? item.current() : item.shared().orElse(null);
        return v != null && readsVersion(p, x, item, v) ? v : null;
    }

    /** The versions the person reads, oldest first (none when the item is not visible). */
    List<VersionM> versions(Person p, ItemM item) {
        if (main(p, item) == null) {
            return List.of();
        }
        String x = actingFor(p);
        return item.versions.stream().filter(v -> readsVersion(p, x, item, v)).toList();
    }

    /**
     * The history entries the person reads: inside the owner agency those of the versions they read, each also
     * judged by the sharing in force when it was written (a RED one only for vetters, the version's author and
     * the people named then); outside, the publications and follow-through of the versions they read.
     */
    List<Entry> history(Person p, ItemM item) {
        List<VersionM> readable = versions(p, item);
        String x = actingFor(p);
        List<Entry> seen = new ArrayList<>();
        Map<Integer, Entry> inForce = new LinkedHashMap<>();
        for (Entry entry : item.entries) {
            if (entry.hasSnapshot()) {
                inForce.put(entry.version(), entry);
            }
            VersionM version = item.version(entry.version());
            if (!readable.contains(version)) {
                continue;
            }
            if (x.equals(item.owner)) {
                Entry then = Objects.requireNonNull(inForce.get(entry.version()), "every version starts with a snapshot");
                boolean red = then.snapshotMarking() == Marking.RED;
                if (!red || p.has(Role.VETTER) || version.author.equals(p.username) || then.snapshotPeople().contains(p.username)) {
                    seen.add(entry);
                }
            } else if (READ_BY_OTHERS.contains(entry.action())) {
                seen.add(entry);
            }
        }
        return seen;
    }

    /** The items of {@code links} the person reads now (a snapshot or page names no other). */
    Set<Integer> readableLinks(Person p, Set<Integer> links) {
        return links.stream().filter(i -> main(p, items.get(i)) != null).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The linked items the item page shows: those its shown version links to that the person reads, and for a
     * meeting also the recommendations the person reads whose shown version names it as their meeting.
     */
    Set<Integer> pageLinks(Person p, ItemM item) {
        VersionM main = main(p, item);
        Set<Integer> links = new TreeSet<>(readableLinks(p, main.content.links()));
        if (item.kind == ItemKind.MEETING_OUTCOME) {
            for (ItemM other : items) {
                VersionM shown = other.kind == ItemKind.RECOMMENDATION ? main(p, other) : null;
                if (shown != null && shown.content.links().contains(item.index)) {
                    links.add(other.index);
                }
            }
        }
        return links;
    }

    /** The shared version the item page shows (follow-up), if the person reads it. */
    VersionM sharedShown(Person p, ItemM item) {
        return item.shared().filter(v -> versions(p, item).contains(v)).orElse(null);
    }

    /** Another agency's reader states a purpose when any edition they read (an older one too) is AMBER, AMBER+STRICT or RED. */
    boolean purposeNeeded(Person p, ItemM item) {
        return main(p, item) != null && !item.owner.equals(actingFor(p))
                && versions(p, item).stream().anyMatch(v -> PURPOSE.contains(v.sharing.marking()));
    }

    /** Whether the person may download the file (it exists, its item is visible and its version readable). */
    boolean downloads(Person p, ItemM item, long file) {
        return versions(p, item).stream().anyMatch(v -> v.files.contains(file));
    }

    /** The version a file belongs to (null: removed or unknown). */
    VersionM versionOf(ItemM item, long file) {
        return item.versions.stream().filter(v -> v.files.contains(file)).findFirst().orElse(null);
    }

    enum View {
        ALL, MY_AGENCY, SHARED_WITH_MY_AGENCY, VETTING_QUEUE
    }

    /** The rows of a list (item → the version shown), over this history's items. */
    Map<ItemM, VersionM> list(Person p, View view) {
        Map<ItemM, VersionM> rows = new LinkedHashMap<>();
        String x = actingFor(p);
        if (x == null || view == View.VETTING_QUEUE && !p.has(Role.VETTER)) {
            return rows;
        }
        for (ItemM item : items) {
            VersionM main = main(p, item);
            boolean inside = x.equals(item.owner);
            boolean shown = switch (view) {
                case ALL -> main != null;
                case MY_AGENCY -> main != null && inside;
                case SHARED_WITH_MY_AGENCY -> main != null && !inside;
                case VETTING_QUEUE -> inside && item.current().state == WorkflowState.SUBMITTED
                        && !item.current().author.equals(p.username);
            };
            if (shown) {
                rows.put(item, view == View.VETTING_QUEUE ? item.current() : main);
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- what may be changed

    /** Why a change is refused, as far as the model tells them apart. */
    enum Refusal {
        /** The item is not the caller's to change: not found for them (a read of their agency's item they may not read, or another agency's). */
        NOT_FOUND,
        /** The item is theirs to change, but the workflow or the sharing rules refuse this change. */
        RULE
    }

    /** Whether the person may change the item at all: they act for its owner and read its current version. */
    boolean mayChange(Person p, ItemM item) {
        String x = actingFor(p);
        return item.owner.equals(x) && readsVersion(p, x, item, item.current());
    }

    /** The first linked item the person may not read (a link to it is refused as "not found"), if any. */
    ItemM unreadableLink(Person p, ContentM content) {
        return content.links().stream().sorted().map(items::get).filter(i -> main(p, i) == null).findFirst().orElse(null);
    }

    Refusal refusalOfDraft(Person p, ItemKind kind, SharingM sharing, ContentM content) {
        if (unreadableLink(p, content) != null) {
            return Refusal.NOT_FOUND;
        }
        String x = actingFor(p);
        return x != null && p.writes() && sharing.legalFor(x, today()) && contentFits(kind, x, sharing, content)
                && coveredByName(x, coverage(kind), sharing) ? null : Refusal.RULE;
    }

    /** A recommendation goes to another agency than its owner, and its sharing must reach that agency. */
    boolean contentFits(ItemKind kind, String owner, SharingM sharing, ContentM content) {
        if (kind != ItemKind.RECOMMENDATION) {
            return true;
        }
        String addressee = content.addressee();
        return !addressee.equals(owner) && switch (sharing.scope()) {
            case ALL_MEMBERS -> true;
            case NAMED_AGENCIES -> sharing.agencies().contains(addressee);
            case COMMUNITIES -> sharing.communities().stream().anyMatch(c -> communities.getOrDefault(c, Set.of()).contains(addressee));
            case OWN_AGENCY, NAMED_USERS -> false;
        };
    }

    /** The refusal of a workflow step or edit (null: allowed). */
    Refusal refusalOf(Step step, Person p, ItemM item, SharingM sharing, ContentM content, Long file) {
        // the item first: what an edit names is resolved only for an item the person may change
        if (!mayChange(p, item)) {
            return Refusal.NOT_FOUND;
        }
        if (step == Step.EDIT && unreadableLink(p, content) != null) {
            return Refusal.NOT_FOUND;
        }
        VersionM v = item.current();
        boolean author = v.author.equals(p.username);
        boolean allowed = switch (step) {
            // a changed sharing by name needs its agreements again
            case EDIT -> author && EDITABLE.contains(v.state) && sharing.legalFor(item.owner, today())
                    && contentFits(item.kind, item.owner, sharing, content)
                    && (sharing.equals(v.sharing) || coveredByName(item.owner, coverage(item.kind), sharing));
            case ATTACH, SUBMIT -> author && EDITABLE.contains(v.state);
            case DETACH -> author && EDITABLE.contains(v.state) && v.files.contains(file);
            case PUBLISH, RETURN -> p.has(Role.VETTER) && !author && v.state == WorkflowState.SUBMITTED;
            case WITHDRAW -> (author || p.has(Role.VETTER)) && (EDITABLE.contains(v.state)
                    || v.state == WorkflowState.SUBMITTED || v.state == WorkflowState.PUBLISHED);
            case ARCHIVE -> (author || p.has(Role.VETTER)) && v.state == WorkflowState.PUBLISHED;
            // TLP:RED's readers may not share it further: only its author starts the next version of a RED edition
            case NEW_VERSION -> p.writes() && v.state == WorkflowState.PUBLISHED && (v.sharing.marking() != Marking.RED || author);
        };
        return allowed ? null : Refusal.RULE;
    }

    // ---------------------------------------------------------------- consent to pass an item on

    /** What the owner's vetter does with a request to pass an item on. */
    enum ConsentDecision {
        APPROVE, DECLINE, PENDING
    }

    /**
     * Why a request of {@code p} (acting for another agency than the owner, reading the item) to pass the item on to
     * {@code target} is refused: the owner, their own agency or an agency the version they read names already; a request
     * of their agency for that agency waiting already (null: asked).
     */
    Refusal refusalOfConsentRequest(Person p, ItemM item, String target) {
        String x = actingFor(p);
        VersionM read = main(p, item);
        if (read == null) {
            return Refusal.NOT_FOUND;
        }
        boolean named = read.sharing.scope() == Scope.NAMED_AGENCIES && read.sharing.agencies().contains(target);
        return target.equals(item.owner) || target.equals(x) || named || pendingConsents.contains(List.of(item.index, target, x))
                ? Refusal.RULE
                : null;
    }

    /**
     * Whether a vetter may decide at all on a request of {@code requesterAgency} (asked by {@code requester}): acting for the
     * owner, a vetter, neither the one who asked nor a member of the agency that asked (null: they may; {@code RULE} refused
     * before the item is looked at, recorded without it).
     */
    Refusal refusalOfDecider(Person vetter, ItemM item, String requester, String requesterAgency) {
        return item.owner.equals(actingFor(vetter)) && vetter.has(Role.VETTER) && !vetter.username.equals(requester)
                && !activeAgenciesOf(vetter).contains(requesterAgency) ? null : Refusal.RULE;
    }

    /**
     * Why the owner's vetter may not pass the item on to {@code target} now (after {@link #refusalOfDecider}): not found
     * when they may not change it; refused unless its current version is published, not theirs, shared with named
     * agencies and an agreement covers {@code target} for it (null: passed on).
     */
    Refusal refusalOfApproval(Person vetter, ItemM item, String target) {
        if (!mayChange(vetter, item)) {
            return Refusal.NOT_FOUND;
        }
        VersionM v = item.current();
        return v.state == WorkflowState.PUBLISHED && !v.author.equals(vetter.username) && v.sharing.scope() == Scope.NAMED_AGENCIES
                && !v.sharing.agencies().contains(target) && !target.equals(item.owner)
                && covered(item.owner, target, coverage(item.kind), v.sharing.marking()) ? null : Refusal.RULE;
    }

    /** Why the owner's vetter may not decline (after {@link #refusalOfDecider}): a published version they did not write. */
    Refusal refusalOfDecline(Person vetter, ItemM item) {
        if (!mayChange(vetter, item)) {
            return Refusal.NOT_FOUND;
        }
        return item.shared().filter(published -> !published.author.equals(vetter.username)).isPresent() ? null : Refusal.RULE;
    }

    /**
     * Passes the item on: a new version, its published one's copy (author, content, files: {@code newFiles}), shared with
     * {@code target} too, published at once; the one before superseded.
     */
    VersionM passOn(ItemM item, String target, List<Long> newFiles) {
        VersionM published = item.current();
        Set<String> agencies = new LinkedHashSet<>(published.sharing.agencies());
        agencies.add(target);
        SharingM before = published.sharing;
        VersionM next = new VersionM(item.versions.stream().mapToInt(o -> o.number).max().orElse(0) + 1, published.author,
                new SharingM(before.marking(), Scope.NAMED_AGENCIES, agencies, Set.of(), Set.of(), null, before.until()), now);
        next.content = published.content;
        next.files.addAll(newFiles);
        next.state = WorkflowState.PUBLISHED;
        next.publishedAt = now;
        published.current = false;
        item.versions.add(next);
        item.record(next, ItemAction.PUBLISHED, true);
        move(item, published, WorkflowState.SUPERSEDED, ItemAction.SUPERSEDED);
        return next;
    }

    /** The owner's vetters (not the author of the version asked about) told of a request, as far as they read that version. */
    List<Notice> consentRequested(Person requester, ItemM item, VersionM read) {
        return notices(people.values().stream().filter(r -> r.has(Role.VETTER) && !r.username.equals(read.author)).toList(),
                requester, item, read, item.owner);
    }

    /** The one who asked told of the decision, acting for the agency that asked, if they read the version it is about. */
    List<Notice> consentDecided(Person vetter, Person requester, String requesterAgency, ItemM item, VersionM version) {
        return notices(List.of(requester), vetter, item, version, requesterAgency);
    }

    /** The changes of an existing item a person can attempt. */
    enum Step {
        EDIT, ATTACH, DETACH, SUBMIT, PUBLISH, RETURN, WITHDRAW, ARCHIVE, NEW_VERSION
    }

    // ---------------------------------------------------------------- what a change does

    ItemM draft(Person p, ItemKind kind, SharingM sharing, ContentM content, long id) {
        ItemM item = new ItemM(items.size(), actingFor(p));
        item.id = id;
        item.kind = kind;
        VersionM first = new VersionM(1, p.username, sharing, now);
        first.content = content;
        item.versions.add(first);
        item.record(first, ItemAction.DRAFTED, true);
        items.add(item);
        return item;
    }

    /**
     * Applies an allowed step to the item.
     *
     * @param newFiles the ids the system gave the files (an attached one, or the copies a new version carries)
     */
    void apply(Step step, Person p, ItemM item, SharingM sharing, ContentM content, Long file, List<Long> newFiles) {
        VersionM v = item.current();
        switch (step) {
            case EDIT -> {
                v.sharing = sharing;
                v.content = content;
                v.updatedAt = now;
                item.record(v, ItemAction.EDITED, true);
            }
            case ATTACH -> {
                v.files.addAll(newFiles);
                v.updatedAt = now;
                item.record(v, ItemAction.ATTACHED, true);
            }
            case DETACH -> {
                v.files.remove(file);
                item.removedFiles.add(file);
                v.updatedAt = now;
                item.record(v, ItemAction.DETACHED, true);
            }
            case SUBMIT -> move(item, v, WorkflowState.SUBMITTED, ItemAction.SUBMITTED);
            case RETURN -> move(item, v, WorkflowState.RETURNED, ItemAction.RETURNED);
            case PUBLISH -> {
                Optional<VersionM> previous = item.shared();
                v.state = WorkflowState.PUBLISHED;
                v.publishedAt = now;
                v.updatedAt = now;
                item.record(v, ItemAction.PUBLISHED, true);
                previous.ifPresent(old -> move(item, old, WorkflowState.SUPERSEDED, ItemAction.SUPERSEDED));
            }
            case WITHDRAW -> {
                Optional<VersionM> stillShared = v.state == WorkflowState.PUBLISHED ? Optional.empty() : item.shared();
                move(item, v, WorkflowState.WITHDRAWN, ItemAction.WITHDRAWN);
                stillShared.ifPresent(shared -> {
                    v.current = false;
                    shared.current = true;
                });
            }
            case ARCHIVE -> move(item, v, WorkflowState.ARCHIVED, ItemAction.ARCHIVED);
            case NEW_VERSION -> {
                VersionM next = new VersionM(item.versions.stream().mapToInt(o -> o.number).max().orElse(0) + 1, p.username, v.sharing,
                        now);
                next.content = v.content;
                next.files.addAll(newFiles);
                v.current = false;
                item.versions.add(next);
                item.record(next, ItemAction.NEW_VERSION, true);
            }
        }
    }

    private void move(ItemM item, VersionM v, WorkflowState state, ItemAction action) {
        v.state = state;
        v.updatedAt = now;
        item.record(v, action, false);
    }

    /**
     * Who hears of an allowed step (Notifier's rules as DESIGN and the issue of notifications state them):
     * a submission the owner's vetters, not the author; a return or publication the version's author; never
     * the actor, never anyone who cannot read the item acting for the owner agency, only people the directory
     * knows as members of the owner (they signed in since their last change).
     */
    List<Notice> noticesOf(Step step, Person actor, ItemM item, int versionNumber) {
        VersionM version = item.version(versionNumber);
        List<Person> candidates = switch (step) {
            case SUBMIT -> people.values().stream().filter(r -> r.has(Role.VETTER) && !r.username.equals(version.author)).toList();
            case RETURN, PUBLISH -> people.values().stream().filter(r -> r.username.equals(version.author)).toList();
            default -> List.of();
        };
        List<Notice> made = new ArrayList<>(notices(candidates, actor, item, version, item.owner));
        if (step == Step.PUBLISH && item.kind == ItemKind.RECOMMENDATION) {
            String addressee = version.content.addressee();
            made.addAll(notices(people.values().stream().filter(r -> r.has(Role.OFFICIAL)).toList(), actor, item, version, addressee));
        }
        return made;
    }

    /**
     * The candidates told of the version for {@code agency}: its members who read that version acting for it (a
     * notification may quote it), not the actor.
     */
    private List<Notice> notices(List<Person> candidates, Person actor, ItemM item, VersionM version, String agency) {
        List<Notice> made = new ArrayList<>();
        for (Person r : candidates) {
            if (r.username.equals(actor.username) || !activeAgenciesOf(r).contains(agency)) {
                continue;
            }
            String before = r.chosen;
            r.chosen = agency;
            boolean reads = versions(r, item).contains(version);
            r.chosen = before;
            if (reads) {
                made.add(new Notice(r.username, agency, item.index));
            }
        }
        return made;
    }

    /** The inbox of a person acting as they do now: their notices for that agency whose item they read now. */
    List<Notice> inbox(Person p) {
        String x = actingFor(p);
        if (x == null) {
            return List.of();
        }
        return notices.stream().filter(n -> n.username().equals(p.username) && n.agency().equals(x)
                && main(p, items.get(n.item())) != null).toList();
    }
}
