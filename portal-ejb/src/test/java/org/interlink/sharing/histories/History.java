package org.interlink.sharing.histories;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.UserTransaction;
import org.interlink.BusinessException;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.control.AgencyRegistration;
import org.interlink.agency.control.CommunityRegistration;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.agreement.boundary.AgreementForm;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.audit.boundary.AuditTrail;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.control.People;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.consent.boundary.ConsentRequests;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.Listing;
import org.interlink.meeting.boundary.MeetingForm;
import org.interlink.meeting.boundary.Meetings;
import org.interlink.notification.boundary.Notifications;
import org.interlink.recommendation.boundary.RecommendationForm;
import org.interlink.recommendation.boundary.Recommendations;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.records.boundary.RecordForm;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.boundary.Attention;
import org.interlink.sharing.boundary.DashboardFigures;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.histories.HistoryModel.ContentM;
import org.interlink.sharing.histories.HistoryModel.ItemM;
import org.interlink.sharing.histories.HistoryModel.Person;
import org.interlink.sharing.histories.HistoryModel.Refusal;
import org.interlink.sharing.histories.HistoryModel.SharingM;
import org.interlink.sharing.histories.HistoryModel.Step;
import org.interlink.sharing.histories.HistoryModel.VersionM;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One generated history, running: the reference model and the system side by side. Each step is an
 * {@link Act}: the model predicts whether it is allowed (and, when refused, whether as "not found" or by a
 * rule), the system is asked through its EJB boundaries, the outcomes must agree, and the model takes the
 * change; {@link ReadPaths} then compares every read path with the model.
 *
 * <p>Each history has agencies, communities and people of its own (unique codes and usernames), a word of
 * its own in every title and summary (so search and facets see only its items), and its own time: the
 * clock stops five years in the past and moves a minute per step. When it ends, its agencies are suspended,
 * so that nothing it shared stays visible to the suites that run later.
 */
final class History implements AutoCloseable {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    static final List<History> OPEN = new ArrayList<>();

    /** The people of a history: key, roles, agencies (a, b, c) and the one chosen. */
    private static final List<Object[]> CAST = List.of(
            new Object[]{"a.official", EnumSet.of(Role.OFFICIAL), "a", null},
            new Object[]{"a.vetter", EnumSet.of(Role.VETTER), "a", null},
            new Object[]{"a.vetofficial", EnumSet.of(Role.VETTER, Role.OFFICIAL), "a", null},
            new Object[]{"a.auditor", EnumSet.of(Role.AUDITOR), "a", null},
            new Object[]{"a.admin", EnumSet.of(Role.AGENCY_ADMIN), "a", null},
            new Object[]{"b.official", EnumSet.of(Role.OFFICIAL), "b", null},
            new Object[]{"b.vetter", EnumSet.of(Role.VETTER), "b", null},
            new Object[]{"b.auditor", EnumSet.of(Role.AUDITOR), "b", null},
            new Object[]{"c.liaison", EnumSet.of(Role.LIAISON), "c", null},
            new Object[]{"c.vetter", EnumSet.of(Role.VETTER), "c", null},
            new Object[]{"multi", EnumSet.of(Role.LIAISON), "a b", "a"},
            new Object[]{"mover", EnumSet.of(Role.OFFICIAL), "c", null});

    final HistoryModel model = new HistoryModel();
    final Beans beans = Beans.get();
    final String prefix;
    final String word;
    /** Short agency name (a, b, c) → code, and community (k1, k2) → code. */
    final Map<String, String> codes = new LinkedHashMap<>();
    /** The auditors who read the trail for each agency (not among the people who act). */
    final Map<String, Person> observers = new LinkedHashMap<>();
    final Baseline baseline;
    int step;
    /** Who took the last step (their reads are all compared after it), if a person did. */
    String actor;
    /** The audit events this step must have written, as each agency's auditors read them. */
    final List<ReadPaths.Event> expected = new ArrayList<>();
    final Stats stats = Stats.INSTANCE;

    private History() {
        // jqwik shrinks on a thread of its own: the application's classes must be found there too
        Thread.currentThread().setContextClassLoader(History.class.getClassLoader());
        long n = COUNTER.incrementAndGet();
        prefix = "h" + RUN + n;
        word = "zq" + letters(RUN) + letters(Long.toString(n, 36));
        HistoryClock.stopAt(Instant.now().minus(Duration.ofDays(5 * 365)).truncatedTo(ChronoUnit.MINUTES));
        model.now = HistoryClock.now();
        for (String a : List.of("a", "b", "c")) {
            String code = prefix + "-" + a;
            codes.put(a, code);
            beans.agencyRegistration.register(AgencyCode.of(code), "History " + prefix + " agency " + a.toUpperCase(),
                    AgencyKind.MINISTRY, "IQ");
            model.agencies.put(code, true);
        }
        registerCommunity("k1", List.of("a", "c"));
        registerCommunity("k2", List.of("b"));
        registerAgreements();
        for (Object[] cast : CAST) {
            @SuppressWarnings("unchecked")
            Set<Role> roles = (Set<Role>) cast[1];
            Set<String> memberOf = Arrays.stream(((String) cast[2]).split(" ")).map(codes::get)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            String key = (String) cast[0];
            model.people.put(key,
                    new Person(key, key + "." + prefix, roles, memberOf, cast[3] == null ? null : codes.get((String) cast[3])));
        }
        for (String a : List.of("a", "b", "c")) {
            observers.put(codes.get(a), new Person("trail." + a, "trail." + a + "." + prefix, EnumSet.of(Role.AUDITOR),
                    Set.of(codes.get(a)), null));
        }
        Map<String, Agency> agencies = agencies();
        // the history's people are known to the directory of people (the demo personas are, the same way)
        model.people.values()
                .forEach(p -> beans.people.know(new org.interlink.caller.entity.Person(personId(p), new Username(p.username))));
        model.people.values().forEach(p -> beans.notifications.signedIn(caller(p, agencies), null));
        baseline = Baseline.of(this, caller(model.people.get("a.official"), agencies));
        // the reads above are the baseline's, not a step's: the steps' events start a minute later
        HistoryClock.advance(Duration.ofMinutes(1));
        model.now = HistoryClock.now();
        OPEN.add(this);
    }

    static History start() {
        return new History();
    }

    /**
     * Every two of the history's agencies start with an active data-sharing agreement covering everything up to TLP:RED,
     * for far longer than a history lasts; the steps suspend, resume and terminate them and register narrower or shorter
     * ones ({@link Agree}, {@link AgreementChanged}).
     */
    private void registerAgreements() {
        Map<String, Agency> agencies = agencies();
        LocalDate today = LocalDate.ofInstant(HistoryClock.now(), java.time.ZoneOffset.UTC);
        List<String> names = List.of("a", "b", "c");
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                long id = registerAgreement(prefix + "-" + names.get(i) + names.get(j), names.get(i), names.get(j),
                        EnumSet.allOf(Coverage.class), Marking.RED, today.minusDays(1), today.plusYears(30), agencies);
                model.agreements.add(new HistoryModel.AgreementM(id, prefix + "-" + names.get(i) + names.get(j),
                        Set.of(codes.get(names.get(i)), codes.get(names.get(j))), EnumSet.allOf(Coverage.class), Marking.RED,
                        today.minusDays(1), today.plusYears(30)));
            }
        }
    }

    /** Drafts an agreement (an administrator of {@code first}) and countersigns it (one of {@code second}): its id. */
    private long registerAgreement(String reference, String first, String second, Set<Coverage> coverage, Marking highest,
            LocalDate from, LocalDate until, Map<String, Agency> agencies) {
        AgreementForm form = new AgreementForm();
        form.setReference(reference);
        form.setTitle("History agreement " + first + "–" + second);
        form.setAgencies(List.of(codes.get(second)));
        form.setCoverage(List.copyOf(coverage));
        form.setPurposes(List.of(PurposeOfUse.values()));
        form.setHighestMarking(highest);
        form.setValidFrom(from);
        form.setValidUntil(until);
        long id = beans.agreements.draft(administrator(first, agencies), form).getId();
        beans.agreements.countersign(administrator(second, agencies), id);
        return id;
    }

    /** The username of an agreement's administrator starts so (followed by the agency's code). */
    static final String ADMINISTRATOR = "admin.";

    /** An agency administrator of one of the history's agencies, for its agreements. */
    private Caller administrator(String name, Map<String, Agency> agencies) {
        String code = codes.get(name);
        return Caller.resolve(new PersonId(PERSON_ID + ADMINISTRATOR + code), new Username(ADMINISTRATOR + code), "Administrator " + code,
                EnumSet.of(Role.AGENCY_ADMIN), List.of(agencies.get(code)), Optional.of(AgencyCode.of(code)));
    }

    private void registerCommunity(String name, List<String> members) {
        String code = prefix + "-" + name;
        codes.put(name, code);
        beans.communityRegistration.register(AgencyCode.of(code), "History " + prefix + " community " + name,
                beans.agencies.withCodes(members.stream().map(codes::get).map(AgencyCode::of).toList()));
        model.communities.put(code, members.stream().map(codes::get).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private static String letters(String base36) {
        StringBuilder out = new StringBuilder();
        for (char c : base36.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('a' + (c - '0')) : (char) ('k' + (c - 'a') % 16));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- who is calling

    /**
     * The one place that turns a person of the model into the {@code Caller} their token would give: username,
     * roles, the agencies of their organization claim (looked up, any status: {@code Caller} leaves out the
     * suspended ones) and the agency they chose.
     */
    static Caller caller(Person p, Map<String, Agency> agencies) {
        List<Agency> memberOf = p.memberOf.stream().map(agencies::get).toList();
        return Caller.resolve(personId(p), new Username(p.username), p.key, p.roles, memberOf,
                Optional.ofNullable(p.chosen).map(AgencyCode::of));
    }

    private static final String PERSON_ID = "history-";

    /** The person's id at the (imagined) identity provider: grants to named people hold by it. */
    static PersonId personId(Person p) {
        return new PersonId(PERSON_ID + p.username);
    }

    /** The username of the history's person with this id (snapshots name people by id). */
    static String usernameOf(PersonId id) {
        return id.value().substring(PERSON_ID.length());
    }

    /** The history's agencies as the database holds them now, by code. */
    Map<String, Agency> agencies() {
        return beans.agencies.withCodes(model.agencies.keySet().stream().map(AgencyCode::of).toList()).stream()
                .collect(Collectors.toMap(a -> a.getCode().value(), a -> a));
    }

    Person person(String key) {
        return model.people.get(key);
    }

    /** A sharing as generated (short names, a last day in days from today) with this history's codes, usernames and day. */
    SharingM resolve(SharingM sharing) {
        return new SharingM(sharing.marking(), sharing.scope(),
                sharing.agencies().stream().map(codes::get).collect(Collectors.toSet()),
                sharing.communities().stream().map(codes::get).collect(Collectors.toSet()),
                sharing.users().stream().map(key -> model.people.containsKey(key) ? model.people.get(key).username : key + "." + prefix)
                        .collect(Collectors.toSet()),
                null, sharing.days() == null ? null : model.today().plusDays(sharing.days()));
    }

    /** Content as generated (short names, indices) with this history's codes; links to items it has not (yet) are dropped. */
    ContentM resolve(ContentM content) {
        return new ContentM(content.addressee() == null ? null : codes.get(content.addressee()),
                content.links().stream().filter(i -> i < model.items.size()).collect(Collectors.toSet()));
    }

    // ---------------------------------------------------------------- steps

    /** A step of a history, as generated (and printed in a shrunk history). */
    sealed interface Act permits Draft, Change, Suspend, Member, CommunityMember, Choose, TimePasses, Agree, AgreementChanged, Consent {
    }

    record Draft(String person, ItemKind kind, SharingM sharing, ContentM content, long quantity) implements Act {
        @Override
        public String toString() {
            return person + " drafts a " + kind.label() + " " + sharing + describe(content);
        }
    }

    record Change(Step step, String person, int item, SharingM sharing, ContentM content, int file) implements Act {
        @Override
        public String toString() {
            return person + " " + step.name().toLowerCase().replace('_', ' ') + " #" + item
                    + (step == Step.EDIT ? " " + sharing + describe(content) : "") + (step == Step.DETACH ? " file " + file : "");
        }
    }

    static String describe(ContentM content) {
        return (content.addressee() == null ? "" : " to " + HistoryModel.shortName(content.addressee()))
                + (content.links().isEmpty() ? "" : " linking " + new TreeSet<>(content.links()));
    }

    record Suspend(String agency, boolean suspended) implements Act {
        @Override
        public String toString() {
            return "agency " + agency + (suspended ? " suspended" : " reactivated");
        }
    }

    record Member(String person, String agency, boolean joins) implements Act {
        @Override
        public String toString() {
            return person + (joins ? " joins agency " : " leaves agency ") + agency;
        }
    }

    record CommunityMember(String community, String agency, boolean joins) implements Act {
        @Override
        public String toString() {
            return "agency " + agency + (joins ? " joins community " : " leaves community ") + community;
        }
    }

    record Choose(String person, String agency) implements Act {
        @Override
        public String toString() {
            return person + (agency == null ? " chooses no agency" : " acts for agency " + agency);
        }
    }

    /** Administrators of two agencies register an agreement from today, for {@code days} more days. */
    record Agree(String first, String second, Set<Coverage> coverage, Marking highest, int days) implements Act {
        @Override
        public String toString() {
            return "agencies " + first + " and " + second + " agree on " + new TreeSet<>(coverage) + " up to " + highest.label() + " for "
                    + days + " days";
        }
    }

    /** An administrator of {@code by} suspends, resumes or terminates the newest agreement between {@code first} and {@code second}. */
    record AgreementChanged(String first, String second, String by, HistoryModel.AgreementChange change) implements Act {
        @Override
        public String toString() {
            return "agency " + by + " " + change.name().toLowerCase() + "s the newest agreement of " + first + " and " + second;
        }
    }

    /** A reader asks the owner to pass an item on to another agency; a vetter of the owner approves, declines or leaves it. */
    record Consent(String person, int item, String target, HistoryModel.ConsentDecision decision, String vetter) implements Act {
        @Override
        public String toString() {
            return person + " asks to pass #" + item + " on to " + target + (decision == HistoryModel.ConsentDecision.PENDING
                    ? ", left waiting"
                    : ", " + vetter + " " + decision.name().toLowerCase() + "s");
        }
    }

    record TimePasses(Duration duration) implements Act {
        @Override
        public String toString() {
            return duration.toHours() % 24 == 0 ? duration.toDays() + " days pass" : duration.toHours() + " hours pass";
        }
    }

    /** Takes the step in the model and in the system; a disagreement on the outcome fails at once. */
    void perform(Act act) {
        long started = System.nanoTime();
        step++;
        HistoryClock.advance(Duration.ofMinutes(1));
        model.now = HistoryClock.now();
        expected.clear();
        actor = act instanceof Draft d
                ? d.person()
                : act instanceof Change c
                        ? c.person()
                        : act instanceof Member m
                                ? m.person()
                                : act instanceof Choose ch ? ch.person() : act instanceof Consent co ? co.person() : null;
        // a step is replayed on histories it was not generated for when jqwik shrinks: what no longer fits is skipped
        if (act instanceof Draft d) {
            Draft resolved = new Draft(d.person(), d.kind(), resolve(d.sharing()), resolve(d.content()), d.quantity());
            if (!avoided(resolved.person(), resolved.content())) {
                draft(resolved);
            }
        } else if (act instanceof Change c) {
            if (c.item() < model.items.size() && (c.step() != Step.DETACH || !knownFiles(model.items.get(c.item())).isEmpty())) {
                Change resolved = new Change(c.step(), c.person(), c.item(), resolve(c.sharing()), resolve(c.content()), c.file());
                if (!(c.step() == Step.EDIT && avoided(c.person(), resolved.content()))
                        && !(c.step() == Step.NEW_VERSION && afterWithdrawal(model.items.get(c.item())))) {
                    change(resolved);
                }
            }
        } else if (act instanceof Suspend s) {
            beans.fixture.suspend(codes.get(s.agency()), s.suspended());
            model.agencies.put(codes.get(s.agency()), !s.suspended());
            signInAgain(model.people.values());
        } else if (act instanceof Member m) {
            Person p = person(m.person());
            if (m.joins()) {
                p.memberOf.add(codes.get(m.agency()));
            } else {
                p.memberOf.remove(codes.get(m.agency()));
            }
            signInAgain(List.of(p));
        } else if (act instanceof CommunityMember m) {
            beans.fixture.member(codes.get(m.community()), codes.get(m.agency()), m.joins());
            Set<String> members = model.communities.get(codes.get(m.community()));
            if (m.joins()) {
                members.add(codes.get(m.agency()));
            } else {
                members.remove(codes.get(m.agency()));
            }
        } else if (act instanceof Choose c) {
            person(c.person()).chosen = c.agency() == null ? null : codes.get(c.agency());
        } else if (act instanceof TimePasses t) {
            HistoryClock.advance(t.duration());
            model.now = HistoryClock.now();
        } else if (act instanceof Agree a) {
            register(a);
        } else if (act instanceof AgreementChanged a) {
            changeAgreement(a);
        } else if (act instanceof Consent c) {
            if (c.item() < model.items.size()) {
                consent(c);
            }
        }
        stats.acted(System.nanoTime() - started);
    }

    /**
     * Registers an agreement: drafted by an administrator of the first agency, countersigned by one of the second; either
     * refused while their agency is suspended (its administrators act for no agency), a draft covering nothing.
     */
    private void register(Agree a) {
        LocalDate today = model.today();
        String first = codes.get(a.first());
        String second = codes.get(a.second());
        String reference = prefix + "-s" + step;
        Refusal predicted = model.agencies.get(first) && model.agencies.get(second) ? null : Refusal.RULE;
        long[] id = new long[1];
        // refused at drafting, or at countersigning (the draft stays a draft: it covers nothing)
        Refusal actual = attempt(a, predicted, () -> id[0] = registerAgreement(reference, a.first(), a.second(), a.coverage(),
                a.highest(), today, today.plusDays(a.days()), agencies()));
        stats.agreementStep(actual == null);
        if (actual == null) {
            model.agreements.add(new HistoryModel.AgreementM(id[0], reference, Set.of(first, second), a.coverage(), a.highest(), today,
                    today.plusDays(a.days())));
        }
    }

    /** A party suspends, resumes or terminates the pair's newest agreement, as the model predicts (nothing when they have none). */
    private void changeAgreement(AgreementChanged a) {
        Set<String> pair = Set.of(codes.get(a.first()), codes.get(a.second()));
        HistoryModel.AgreementM agreement = model.agreements.stream().filter(x -> x.parties.equals(pair)).reduce((x, y) -> y)
                .orElse(null);
        if (agreement == null) {
            return;
        }
        String by = codes.get(a.by());
        Refusal predicted = model.agencies.get(by) && agreement.allows(a.change(), by, model.today()) ? null : Refusal.RULE;
        Caller administrator = administrator(a.by(), agencies());
        Refusal actual = attempt(a, predicted, () -> {
            switch (a.change()) {
                case SUSPEND -> beans.agreements.suspend(administrator, agreement.id, "Suspended in step " + step);
                case RESUME -> beans.agreements.resume(administrator, agreement.id);
                case TERMINATE -> beans.agreements.terminate(administrator, agreement.id, "Terminated in step " + step);
            }
        });
        stats.agreementStep(actual == null);
        if (actual == null) {
            agreement.apply(a.change(), by);
        }
    }

    /**
     * A person acting for another agency than the owner asks to pass the item on (what does not fit, a person of the
     * owner agency or of none, is skipped); unless refused or left waiting, a vetter of the owner then decides, each step
     * allowed or refused, recorded and notified as the model says.
     */
    private void consent(Consent c) {
        Person p = person(c.person());
        ItemM item = model.items.get(c.item());
        String x = model.actingFor(p);
        if (x == null || x.equals(item.owner)) {
            return;
        }
        String target = codes.get(c.target());
        VersionM read = model.main(p, item);
        Refusal predicted = model.refusalOfConsentRequest(p, item, target);
        long[] request = new long[1];
        Refusal actual = attempt(c, predicted, () -> request[0] = beans.consents.request(caller(p, agencies()), new ItemId(item.id),
                target, "Asked in step " + step).getId());
        if (actual != null) {
            stats.consent(actual == Refusal.NOT_FOUND ? "refused when asked (not found)" : "refused when asked (by a rule)");
        }
        if (actual == Refusal.NOT_FOUND) {
            expect(p, x, AuditAction.SHARING_CHANGE, AuditOutcome.DENIED, item.id, null, null);
            expect(p, x, AuditAction.SHARING_CHANGE, AuditOutcome.DENIED, item.id, item.owner, null);
            return;
        }
        expect(p, x, AuditAction.SHARING_CHANGE, actual == null ? AuditOutcome.ALLOWED : AuditOutcome.DENIED, item.id, item.owner, null);
        if (actual != null) {
            return;
        }
        model.notices.addAll(model.consentRequested(p, item, read));
        List<Object> asked = List.of(item.index, target, x);
        model.pendingConsents.add(asked);
        if (c.decision() != HistoryModel.ConsentDecision.PENDING) {
            decide(c, request[0], p, x, item, target, asked);
        } else {
            stats.consent("left waiting");
        }
    }

    private void decide(Consent c, long request, Person requester, String requesterAgency, ItemM item, String target, List<Object> asked) {
        Person v = person(c.vetter());
        String x = model.actingFor(v);
        boolean approve = c.decision() == HistoryModel.ConsentDecision.APPROVE;
        Refusal decider = model.refusalOfDecider(v, item, requester.username, requesterAgency);
        Refusal predicted = decider != null
                ? decider
                : approve ? model.refusalOfApproval(v, item, target) : model.refusalOfDecline(v, item);
        Caller vetter = caller(v, agencies());
        List<Long> newFiles = new ArrayList<>();
        Refusal actual = attempt(c, predicted, () -> {
            if (approve) {
                beans.consents.approve(vetter, request, "Approved in step " + step);
                newFiles.addAll(beans.fixture.currentFiles(item.id));
            } else {
                beans.consents.decline(vetter, request, "Declined in step " + step);
            }
        });
        stats.consent(actual != null ? "refused when decided" : approve ? "approved" : "declined");
        if (decider != null) {
            expect(v, x, AuditAction.SHARING_CHANGE, AuditOutcome.DENIED, null, null, null);
        } else if (actual == Refusal.NOT_FOUND) {
            expect(v, x, AuditAction.UPDATE, AuditOutcome.DENIED, item.id, item.owner, null);
        } else {
            expect(v, x, AuditAction.SHARING_CHANGE, actual == null ? AuditOutcome.ALLOWED : AuditOutcome.DENIED, item.id, item.owner,
                    null);
        }
        if (actual != null) {
            return;
        }
        model.pendingConsents.remove(asked);
        VersionM about = approve ? model.passOn(item, target, newFiles) : item.shared().orElseThrow();
        if (approve) {
            model.notices.addAll(model.noticesOf(Step.PUBLISH, v, item, about.number));
        }
        model.notices.addAll(model.consentDecided(v, requester, requesterAgency, item, about));
    }

    /** A link to an item the author may not read, while that known bug is steered around (HistorySettings). */
    private boolean avoided(String author, ContentM content) {
        return HistorySettings.inContainer().avoids("unaudited-link-refusal") && model.unreadableLink(person(author), content) != null;
    }

    /** A new version after a withdrawn one, while that known bug is steered around (HistorySettings). */
    static boolean afterWithdrawal(ItemM item) {
        return HistorySettings.inContainer().avoids("new-version-after-withdrawal")
                && item.versions.stream().anyMatch(v -> v.number > item.current().number);
    }

    /** People's directory entries follow their token after a change of agency or status (as at their next sign-in). */
    private void signInAgain(Collection<Person> people) {
        Map<String, Agency> agencies = agencies();
        people.forEach(p -> beans.notifications.administered(caller(p, agencies), null));
    }

    private void draft(Draft d) {
        Person p = person(d.person());
        Caller caller = caller(p, agencies());
        String x = model.actingFor(p);
        Refusal predicted = model.refusalOfDraft(p, d.kind(), d.sharing(), d.content());
        ItemM unreadable = model.unreadableLink(p, d.content());
        Item[] created = new Item[1];
        int index = model.items.size();
        attempt(d, predicted, () -> created[0] = switch (d.kind()) {
            case RECORD -> beans.items.draft(caller, record(d.sharing(), d.quantity(), index));
            case RECOMMENDATION -> beans.items.draft(caller, recommendation(d.sharing(), d.content(), d.quantity(), index));
            case MEETING_OUTCOME -> beans.items.draft(caller, meeting(d.sharing(), d.content(), d.quantity(), index, x));
        });
        if (created[0] != null) {
            linksRead(p, x, d.content());
            ItemM item = model.draft(p, d.kind(), d.sharing(), d.content(), created[0].getId());
            expect(p, x, AuditAction.CREATE, AuditOutcome.ALLOWED, item.id, item.owner, null);
        } else if (unreadable != null) {
            linkRefused(p, x, unreadable);
        } else {
            expect(p, x, AuditAction.CREATE, AuditOutcome.DENIED, null, null, null);
        }
    }

    /** Linking reads each linked item (recorded as a view with the linking as its purpose). */
    private void linksRead(Person p, String x, ContentM content) {
        content.links().forEach(i -> expect(p, x, AuditAction.VIEW, AuditOutcome.ALLOWED, model.items.get(i).id,
                model.items.get(i).owner, null));
    }

    /**
     * A link to an item the person may not read is refused as "not found" — and, as every refusal, recorded
     * like a refused read of that item (the words of a missing item for the person's agency, the detail for the
     * owner's).
     */
    private void linkRefused(Person p, String x, ItemM target) {
        if (target.owner.equals(x)) {
            expect(p, x, AuditAction.VIEW, AuditOutcome.DENIED, target.id, target.owner, null);
        } else {
            expect(p, x, AuditAction.VIEW, AuditOutcome.DENIED, target.id, null, "item " + target.id + " not found");
            expect(p, x, AuditAction.VIEW, AuditOutcome.DENIED, target.id, target.owner, null);
        }
    }

    private void change(Change c) {
        Person p = person(c.person());
        ItemM item = model.items.get(c.item());
        Caller caller = caller(p, agencies());
        String x = model.actingFor(p);
        Long file = c.step() == Step.DETACH ? knownFiles(item).get(c.file() % knownFiles(item).size()) : null;
        Refusal predicted = model.refusalOf(c.step(), p, item, c.sharing(), c.content(), file);
        ItemM unreadable = c.step() == Step.EDIT ? model.unreadableLink(p, c.content()) : null;
        boolean visible = model.main(p, item) != null;
        SharingM before = item.current().sharing;
        ItemId id = new ItemId(item.id);
        List<Long> newFiles = new ArrayList<>();
        Refusal actual = attempt(c, predicted, () -> {
            switch (c.step()) {
                case EDIT -> {
                    switch (item.kind) {
                        case RECORD -> beans.items.edit(caller, id, record(c.sharing(), 10 + step, item.index), null);
                        case RECOMMENDATION -> beans.items.edit(caller, id,
                                recommendation(c.sharing(), c.content(), 10 + step, item.index), null);
                        case MEETING_OUTCOME -> beans.items.edit(caller, id,
                                meeting(c.sharing(), c.content(), 10 + step, item.index, item.owner), null);
                    }
                }
                case ATTACH -> newFiles.add(beans.attachments.attach(caller, id, "note-" + step + ".txt", "text/plain",
                        ("Note of step " + step + " for " + word + "\n").getBytes(StandardCharsets.UTF_8)).getId());
                case DETACH -> beans.attachments.detach(caller, id, file);
                case SUBMIT -> beans.items.submit(caller, id);
                case PUBLISH -> beans.items.publish(caller, id, "Vetted in step " + step);
                case RETURN -> beans.items.returnToAuthor(caller, id, "Returned in step " + step);
                case WITHDRAW -> beans.items.withdraw(caller, id, "Withdrawn in step " + step);
                case ARCHIVE -> beans.items.archive(caller, id);
                case NEW_VERSION -> beans.items.startNewVersion(caller, id).current().getAttachments()
                        .forEach(a -> newFiles.add(a.getId()));
            }
        });
        AuditAction attempted = switch (c.step()) {
            case SUBMIT, PUBLISH, RETURN, WITHDRAW, ARCHIVE -> AuditAction.STATE_CHANGE;
            default -> AuditAction.UPDATE;
        };
        if (unreadable != null && model.mayChange(p, item)) {
            linkRefused(p, x, unreadable);
        } else if (actual == Refusal.NOT_FOUND) {
            if (item.owner.equals(x)) {
                expect(p, x, AuditAction.UPDATE, AuditOutcome.DENIED, item.id, item.owner, null);
            } else {
                expect(p, x, AuditAction.UPDATE, AuditOutcome.DENIED, item.id, null,
                        "item " + item.id + (visible ? " not changeable by the caller" : " not found"));
                expect(p, x, AuditAction.UPDATE, AuditOutcome.DENIED, item.id, item.owner, null);
            }
        } else if (actual == Refusal.RULE) {
            expect(p, x, attempted, AuditOutcome.DENIED, item.id, item.owner, null);
        } else {
            if (c.step() == Step.EDIT) {
                linksRead(p, x, c.content());
            }
            model.apply(c.step(), p, item, c.sharing(), c.content(), file, newFiles);
            AuditAction done = c.step() == Step.EDIT && !before.equals(c.sharing()) ? AuditAction.SHARING_CHANGE : attempted;
            expect(p, x, done, AuditOutcome.ALLOWED, item.id, item.owner, null);
            model.notices.addAll(model.noticesOf(c.step(), p, item, item.current().number));
        }
    }

    /** Every file the item ever had, in the order attached (removed ones included: they must stay unreadable). */
    static List<Long> knownFiles(ItemM item) {
        List<Long> files = new ArrayList<>();
        item.versions.forEach(v -> files.addAll(v.files));
        files.addAll(item.removedFiles);
        return files.stream().distinct().sorted().toList();
    }

    /**
     * Takes a step in the system: its refusal as the model tells them apart (a missing item, a rule), which must be the one
     * predicted; a server error fails at once.
     */
    private Refusal attempt(Act act, Refusal predicted, Runnable call) {
        Refusal actual = null;
        try {
            call.run();
        } catch (ItemNotFound notFound) {
            actual = Refusal.NOT_FOUND;
        } catch (BusinessException refused) {
            actual = Refusal.RULE;
        } catch (RuntimeException failed) {
            throw failure(act, predicted, failed);
        }
        agree(act, predicted, actual);
        return actual;
    }

    private void agree(Act act, Refusal predicted, Refusal actual) {
        if (predicted != actual) {
            throw new AssertionError("step " + step + " (" + act + "): the model says " + outcome(predicted)
                    + ", the system " + outcome(actual) + describeState());
        }
        stats.outcome(actual == null);
    }

    /** The system failed (no refusal: a server error) where the model expected an outcome. */
    private AssertionError failure(Act act, Refusal predicted, RuntimeException failed) {
        StringBuilder causes = new StringBuilder();
        for (Throwable t = failed; t != null && causes.length() < 2000; t = t.getCause()) {
            causes.append("\n    ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        AssertionError error = new AssertionError("step " + step + " (" + act + "): the model says " + outcome(predicted)
                + ", the system failed:" + causes + describeState());
        error.initCause(failed);
        return error;
    }

    private static String outcome(Refusal refusal) {
        return refusal == null ? "allowed" : refusal == Refusal.NOT_FOUND ? "refused as not found" : "refused by a rule";
    }

    String describeState() {
        StringBuilder text = new StringBuilder("\n  state: agencies " + model.agencies + ", communities " + model.communities);
        model.people.values().forEach(p -> text.append("\n    ").append(p.key).append(" member of ").append(p.memberOf)
                .append(p.chosen == null ? "" : " chose " + p.chosen).append(" acts for ").append(model.actingFor(p)));
        model.items.forEach(i -> text.append("\n    #").append(i.index).append(" id ").append(i.id).append(" of ")
                .append(i.owner).append(": ").append(i.versions));
        text.append("\n    today ").append(model.today()).append(", agreements:");
        model.agreements.forEach(a -> text.append("\n    ").append(a));
        return text.toString();
    }

    void expect(Person p, String agency, AuditAction action, AuditOutcome outcome, Long item, String owner, String told) {
        expected.add(new ReadPaths.Event(p.username, agency, action, outcome, item, owner, told));
    }

    /** A record form with the history's word in title and summary, and the sharing as a page would send it. */
    private RecordForm record(SharingM sharing, long quantity, int index) {
        RecordForm form = new RecordForm();
        texts(form, "Displacement figures", sharing, quantity, index);
        form.setType(RecordType.DISPLACEMENT_FIGURES);
        form.setReferenceDate(LocalDate.of(2026, 11, 1));
        form.setLocation("Ninewa");
        form.setQuantity(quantity);
        return form;
    }

    private RecommendationForm recommendation(SharingM sharing, ContentM content, long quantity, int index) {
        RecommendationForm form = new RecommendationForm();
        texts(form, "Recommendation", sharing, quantity, index);
        form.setAddressee(content.addressee());
        form.setMeeting(content.links().stream().findFirst().map(i -> model.items.get(i).id).orElse(null));
        return form;
    }

    private MeetingForm meeting(SharingM sharing, ContentM content, long quantity, int index, String owner) {
        MeetingForm form = new MeetingForm();
        texts(form, "Meeting outcome", sharing, quantity, index);
        form.setStartsOn(LocalDate.of(2026, 11, 20));
        form.setEndsOn(LocalDate.of(2026, 11, 20));
        form.setPlace("Baghdad");
        form.setParticipants(List.of(owner == null ? codes.get("a") : owner));
        form.setDecisions("Share the figures monthly.");
        form.setRecommendations(content.links().stream().sorted().map(i -> model.items.get(i).id).toList());
        return form;
    }

    private void texts(ItemForm form, String kind, SharingM sharing, long quantity, int index) {
        form.setTitle(kind + " " + word + " item " + index);
        form.setSummary("Written for the history " + word + ", " + quantity + " people counted.");
        form.getSharing().setMarking(sharing.marking());
        form.getSharing().setScope(sharing.scope());
        form.getSharing().setAgencies(sharing.agencies().stream().sorted().toList());
        form.getSharing().setCommunities(sharing.communities().stream().sorted().toList());
        form.getSharing().setPeople(String.join(", ", sharing.users().stream().sorted().toList()));
        form.getSharing().setUntil(sharing.until());
    }

    // ---------------------------------------------------------------- after each step

    /** The invariant after each step: the core read paths of every person, and all of some, agree with the model. */
    void check() {
        check(false);
    }

    /** At the end of a history: every read path of every person agrees with the model. */
    void checkAll() {
        step++;
        HistoryClock.advance(Duration.ofMinutes(1));
        model.now = HistoryClock.now();
        expected.clear();
        actor = null;
        check(true);
    }

    private void check(boolean full) {
        long started = System.nanoTime();
        List<String> failures = new ReadPaths(this, full).compare();
        stats.checked(System.nanoTime() - started);
        if (!failures.isEmpty()) {
            throw new AssertionError((full ? "at the end, after step " + (step - 1) : "after step " + step) + ", " + failures.size()
                    + " disagreements with the model:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))) + describeState());
        }
    }

    /** Ends the history: its agencies are suspended, so nothing of it is shared with anyone after it. */
    @Override
    public void close() {
        stats.reached(model);
        for (String code : model.agencies.keySet()) {
            try {
                beans.fixture.suspend(code, true);
            } catch (RuntimeException e) {
                System.err.println("could not suspend " + code + ": " + e);
            }
        }
        HistoryClock.release();
    }

    static void closeAll() {
        OPEN.forEach(History::close);
        OPEN.clear();
    }

    /** What other agencies share with every member (the demo's items, other suites'): the same for each history's agencies. */
    record Baseline(long count, List<Object[]> shared, Map<FollowUpStatus, Long> recommendations) {

        static Baseline of(History history, Caller fresh) {
            UserTransaction tx = history.beans.transaction();
            try {
                tx.begin();
                try {
                    var gate = history.beans.shared;
                    long all = gate.count(fresh, ItemQuery.of(Listing.ALL));
                    List<Object[]> shared = gate.list(fresh, ItemQuery.of(
                            Listing.SHARED_WITH_MY_AGENCY), 0, 1000).stream()
                            .map(v -> new Object[]{v.getItem().getKind(), v.getPublishedAt().orElse(null)}).toList();
                    DashboardFigures.Figures figures = history.beans.figures.of(fresh);
                    return new Baseline(all, shared, figures.recommendations());
                } finally {
                    tx.commit();
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not read what other agencies share", e);
            }
        }
    }

    /** The boundaries and controls the histories use, looked up once. */
    static final class Beans {

        private static Beans instance;

        final VisibilityGate gate = bean(VisibilityGate.class);
        final SharedItems shared = bean(SharedItems.class);
        final Attention attention = bean(Attention.class);
        final Recommendations recommendations = bean(Recommendations.class);
        final Meetings meetings = bean(Meetings.class);
        final Items items = bean(Items.class);
        final Attachments attachments = bean(Attachments.class);
        final Notifications notifications = bean(Notifications.class);
        final DashboardFigures figures = bean(DashboardFigures.class);
        final AuditTrail trail = bean(AuditTrail.class);
        final Agencies agencies = bean(Agencies.class);
        final AgencyRegistration agencyRegistration = bean(AgencyRegistration.class);
        final CommunityRegistration communityRegistration = bean(CommunityRegistration.class);
        final HistoryFixture fixture = bean(HistoryFixture.class);
        final People people = bean(People.class);
        final Agreements agreements = bean(Agreements.class);
        final ConsentRequests consents = bean(ConsentRequests.class);

        static synchronized Beans get() {
            if (instance == null) {
                instance = new Beans();
            }
            return instance;
        }

        /** Looked up on the request's thread: jqwik shrinks on a thread of its own, which has no java:comp. */
        private final UserTransaction transaction = lookup();

        private static <T> T bean(Class<T> type) {
            return CDI.current().select(type).get();
        }

        private static UserTransaction lookup() {
            try {
                return InitialContext.doLookup("java:comp/UserTransaction");
            } catch (NamingException e) {
                throw new IllegalStateException(e);
            }
        }

        UserTransaction transaction() {
            return transaction;
        }
    }

    /** Where the time goes, over all histories of a run. */
    static final class Stats {

        static final Stats INSTANCE = new Stats();

        long steps;
        long allowed;
        long refused;
        long actNanos;
        long checkNanos;
        long checks;
        long reads;

        synchronized void acted(long nanos) {
            steps++;
            actNanos += nanos;
        }

        synchronized void outcome(boolean wasAllowed) {
            if (wasAllowed) {
                allowed++;
            } else {
                refused++;
            }
        }

        synchronized void checked(long nanos) {
            checks++;
            checkNanos += nanos;
        }

        synchronized void read(int count) {
            reads += count;
        }

        long items;
        long published;
        long newVersions;
        long redVersionsBeforeOthers;
        long agreementSteps;
        long agreementStepsAllowed;
        long lastDays;
        long refusedByAgreement;
        long refusedByLastDay;

        final Map<String, Long> consents = new TreeMap<>();

        /** A request to pass an item on: asked and left waiting, approved, declined, or refused (asked or decided). */
        synchronized void consent(String outcome) {
            consents.merge(outcome, 1L, Long::sum);
        }

        synchronized void agreementStep(boolean wasAllowed) {
            agreementSteps++;
            agreementStepsAllowed += wasAllowed ? 1 : 0;
        }

        /** How far a history went: items, published ones, second versions, RED versions followed by another. */
        synchronized void reached(HistoryModel model) {
            for (HistoryModel.ItemM item : model.items) {
                items++;
                published += item.versions.stream().anyMatch(v -> v.publishedAt != null) ? 1 : 0;
                newVersions += item.versions.size() > 1 ? 1 : 0;
                redVersionsBeforeOthers += item.versions.stream().anyMatch(v -> v.sharing.marking() == Marking.RED
                        && v.number < item.versions.size()) ? 1 : 0;
                lastDays += item.versions.stream().filter(v -> v.sharing.until() != null).count();
            }
            refusedByAgreement += model.refusedByAgreement;
            refusedByLastDay += model.refusedByLastDay;
        }

        private final Map<String, Long> segments = new TreeMap<>();

        /** Adds the time since {@code since} (a {@code System.nanoTime()}) to a segment of the checks; returns now. */
        synchronized long time(String segment, long since) {
            long now = System.nanoTime();
            segments.merge(segment, now - since, Long::sum);
            return now;
        }

        @Override
        public synchronized String toString() {
            return String.format("%d items (%d published, %d with a second version, %d with a RED version before another), "
                    + "%d versions with a last day, %d steps (%d changes allowed, %d refused; %d of agreements, %d allowed), "
                    + "%d reads of a version shared with the reader refused for want of an agreement, %d after its last day, "
                    + "consent requests %s, "
                    + "%d checks of %d reads; acting %.1f ms per step, "
                    + "checking %.1f ms per step (%.2f ms per read)", items, published, newVersions, redVersionsBeforeOthers, lastDays,
                    steps, allowed, refused, agreementSteps, agreementStepsAllowed, refusedByAgreement, refusedByLastDay, consents, checks,
                    reads,
                    steps == 0 ? 0 : actNanos / 1e6 / steps, checks == 0 ? 0 : checkNanos / 1e6 / checks,
                    reads == 0 ? 0 : checkNanos / 1e6 / reads) + "; per check "
                    + segments.entrySet().stream()
                            .map(e -> String.format("%s %.0f ms", e.getKey(), checks == 0 ? 0 : e.getValue() / 1e6 / checks))
                            .collect(Collectors.joining(", "));
        }
    }
}
