package org.interlink.sharing.histories;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.ItemKind;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.sharing.histories.HistoryModel.AgreementChange;
import org.interlink.sharing.histories.HistoryModel.ConsentDecision;
import org.interlink.sharing.histories.HistoryModel.ContentM;
import org.interlink.sharing.histories.HistoryModel.ItemM;
import org.interlink.sharing.histories.HistoryModel.Person;
import org.interlink.sharing.histories.HistoryModel.SharingM;
import org.interlink.sharing.histories.HistoryModel.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The property: over random histories — drafts of records, recommendations and meeting outcomes (linking each
 * other) with every marking and scope (legal and illegal), edits of marking, scope, grants, links and content,
 * the vetting workflow, new versions, files, agencies suspended and reactivated,
 * people joining and leaving agencies, agencies joining and leaving communities, a person of two agencies
 * choosing, shares with a last day, data-sharing agreements registered (narrower or shorter than the first ones),
 * suspended, resumed and terminated, readers asking to pass an item on and the owner's vetters approving, declining or
 * leaving it, time passing — acted by random people, every read path of every person agrees with the
 * reference model after every step ({@link History#check()}), and every change is allowed or refused as
 * the model predicts.
 *
 * <p>A jqwik property, run inside Payara by {@link VisibilityHistoriesIT} (it needs the container's EJBs).
 * Tries, steps and seed come from {@link HistorySettings}; a failure reports the seed and the shrunk history.
 */
class VisibilityHistories {

    /** A history has at most this many items (each step's reads grow with them). */
    static final int MAX_ITEMS = 2;

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Settings.class)
    void everyReadPathAgreesWithTheModel(@ForAll("histories") ActionChain<History> chain) {
        try {
            chain.withInvariant("the read paths agree with the reference model", History::check).run().checkAll();
        } finally {
            History.closeAll();
        }
    }

    /**
     * The same property over histories that share by name with a last day, let days pass and change the agreements
     * often: what decides there is mostly the agreements and the last days (the general histories reach those rarely).
     */
    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(HalfSettings.class)
    void everyReadPathAgreesWithTheModelAsAgreementsAndLastDaysChange(@ForAll("agreementHistories") ActionChain<History> chain) {
        everyReadPathAgreesWithTheModel(chain);
    }

    @Provide
    Arbitrary<ActionChain<History>> agreementHistories() {
        return ActionChain.startWith(History::start)
                .withAction(3, new Drafts(true))
                .withAction(14, new Changes(true))
                .withAction(3, new TimePassing())
                .withAction(2, new Agreeing())
                .withAction(3, new AgreementChanges())
                .withAction(3, new Consents())
                .withMaxTransformations(HistorySettings.inContainer().steps());
    }

    @Provide
    Arbitrary<ActionChain<History>> histories() {
        return ActionChain.startWith(History::start)
                .withAction(3, new Drafts(false))
                .withAction(20, new Changes(false))
                .withAction(1, new Suspensions())
                .withAction(1, new Memberships())
                .withAction(1, new CommunityMemberships())
                .withAction(1, new Choices())
                .withAction(2, new TimePassing())
                .withAction(2, new Agreeing())
                .withAction(3, new AgreementChanges())
                .withAction(3, new Consents())
                .withMaxTransformations(HistorySettings.inContainer().steps());
    }

    /** Tries and seed from the settings (jqwik reads the attributes after this hook). */
    public static class Settings implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            HistorySettings settings = HistorySettings.inContainer();
            context.attributes().setTries(settings.tries());
            if (!settings.randomSeed()) {
                context.attributes().setSeed(settings.seed());
                context.attributes().setWhenFixedSeed(FixedSeedMode.ALLOW);
            }
            return property.execute();
        }
    }

    /** Half the tries (at least one), the same seed: the focused histories are a complement, not a second suite. */
    public static class HalfSettings extends Settings {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            return super.aroundProperty(context, () -> {
                context.attributes().setTries(Math.max(1, HistorySettings.inContainer().tries() / 2));
                return property.execute();
            });
        }
    }

    // ---------------------------------------------------------------- the steps

    static Transformer<History> step(History.Act act) {
        return Transformer.mutate(act.toString(), history -> history.perform(act));
    }

    /** Drafts an item ({@code byName}: shared by name, mostly until a day). */
    record Drafts(boolean byName) implements Action.Dependent<History> {

        @Override
        public boolean precondition(History history) {
            return history.model.items.size() < MAX_ITEMS;
        }

        @Override
        public Arbitrary<Transformer<History>> transformer(History history) {
            Arbitrary<ItemKind> kinds = Arbitraries.frequency(Tuple.of(3, ItemKind.RECORD), Tuple.of(2, ItemKind.RECOMMENDATION),
                    Tuple.of(2, ItemKind.MEETING_OUTCOME));
            return Combinators.combine(person(history, p -> p.writes() && history.model.actingFor(p) != null), kinds)
                    .as(Tuple::of).flatMap(drafting -> Combinators.combine(sharing(history, byName),
                            content(history, drafting.get2(), drafting.get1(), -1), Arbitraries.longs().between(0, 5000))
                            .as((sharing, content, quantity) -> step(new History.Draft(drafting.get1(), drafting.get2(), sharing,
                                    content, quantity))));
        }
    }

    /** A step of the workflow or an edit ({@code byName}: to a sharing by name, mostly until a day). */
    record Changes(boolean byName) implements Action.Dependent<History> {

        @Override
        public boolean precondition(History history) {
            return !history.model.items.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<History>> transformer(History history) {
            Arbitrary<Step> any = Arbitraries.frequency(Tuple.of(3, Step.EDIT), Tuple.of(2, Step.ATTACH), Tuple.of(1, Step.DETACH),
                    Tuple.of(3, Step.SUBMIT), Tuple.of(3, Step.PUBLISH), Tuple.of(1, Step.RETURN), Tuple.of(1, Step.WITHDRAW),
                    Tuple.of(1, Step.ARCHIVE), Tuple.of(2, Step.NEW_VERSION));
            return Arbitraries.integers().between(0, history.model.items.size() - 1).flatMap(index -> {
                ItemM item = history.model.items.get(index);
                Arbitrary<Step> steps = Arbitraries.frequencyOf(Tuple.of(6, fitting(item)), Tuple.of(1, any));
                return steps.flatMap(step -> {
                    Step chosen = step == Step.DETACH && History.knownFiles(item).isEmpty()
                            ? Step.ATTACH
                            : step == Step.NEW_VERSION && History.afterWithdrawal(item) ? Step.ARCHIVE : step;
                    return actorFor(history, chosen, item).flatMap(person -> Combinators.combine(sharing(history, byName),
                            chosen == Step.EDIT ? content(history, item.kind, person, index) : Arbitraries.just(ContentM.NONE),
                            Arbitraries.integers().between(0, 7))
                            .as((sharing, content, file) -> step(new History.Change(chosen, person, index, sharing, content, file))));
                });
            });
        }

        /** The steps the workflow has for the current version's state (so that histories go somewhere). */
        private static Arbitrary<Step> fitting(ItemM item) {
            return switch (item.current().state) {
                case DRAFT, RETURNED -> Arbitraries.frequency(Tuple.of(3, Step.EDIT), Tuple.of(2, Step.ATTACH), Tuple.of(1, Step.DETACH),
                        Tuple.of(4, Step.SUBMIT), Tuple.of(1, Step.WITHDRAW));
                case SUBMITTED -> Arbitraries.frequency(Tuple.of(4, Step.PUBLISH), Tuple.of(1, Step.RETURN), Tuple.of(1, Step.WITHDRAW));
                case PUBLISHED ->
                    Arbitraries.frequency(Tuple.of(4, Step.NEW_VERSION), Tuple.of(1, Step.ARCHIVE), Tuple.of(1, Step.WITHDRAW));
                default -> Arbitraries.of(Step.class);
            };
        }

        /** Mostly someone the workflow would let take the step, sometimes anybody. */
        private static Arbitrary<String> actorFor(History history, Step step, ItemM item) {
            HistoryModel model = history.model;
            String author = item.current().author;
            Arbitrary<String> likely = switch (step) {
                case EDIT, ATTACH, DETACH, SUBMIT -> person(history, p -> p.username.equals(author));
                case PUBLISH, RETURN -> person(history, p -> p.has(Role.VETTER) && p.memberOf.contains(item.owner));
                case WITHDRAW, ARCHIVE -> person(history, p -> p.username.equals(author)
                        || p.has(Role.VETTER) && p.memberOf.contains(item.owner));
                case NEW_VERSION -> person(history, p -> p.writes() && p.memberOf.contains(item.owner));
            };
            return Arbitraries.frequencyOf(Tuple.of(8, likely), Tuple.of(1, Arbitraries.of(List.copyOf(model.people.keySet()))));
        }
    }

    static class Suspensions implements Action.Dependent<History> {

        @Override
        public Arbitrary<Transformer<History>> transformer(History history) {
            return Arbitraries.of("a", "b", "c").map(agency -> step(new History.Suspend(agency,
                    history.model.agencies.get(history.codes.get(agency)))));
        }
    }

    static class Memberships implements Action.Dependent<History> {

        @Override
        public Arbitrary<Transformer<History>> transformer(History history) {
            return Combinators.combine(Arbitraries.of(List.copyOf(history.model.people.keySet())), Arbitraries.of("a", "b", "c"))
                    .as((person, agency) -> step(new History.Member(person, agency,
                            !history.person(person).memberOf.contains(history.codes.get(agency)))));
        }
    }

    static class CommunityMemberships implements Action.Dependent<History> {

        @Override
        public Arbitrary<Transformer<History>> transformer(History history) {
            return Combinators.combine(Arbitraries.of("k1", "k2"), Arbitraries.of("a", "b", "c"))
                    .as((community, agency) -> step(new History.CommunityMember(community, agency,
                            !history.model.communities.get(history.codes.get(community)).contains(history.codes.get(agency)))));
        }
    }

    static class Choices implements Action.Dependent<History> {

        @Override
        public Arbitrary<Transformer<History>> transformer(History history) {
            return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("multi", "mover")),
                    Tuple.of(1, Arbitraries.of(List.copyOf(history.model.people.keySet()))))
                    .flatMap(person -> Arbitraries.of(choices(history, history.person(person)))
                            .map(agency -> step(new History.Choose(person, agency.isEmpty() ? null : agency))));
        }

        private static List<String> choices(History history, Person person) {
            List<String> choices = new ArrayList<>(List.of(""));
            history.codes.forEach((name, code) -> {
                if (person.memberOf.contains(code)) {
                    choices.add(name);
                }
            });
            return choices;
        }
    }

    static class TimePassing implements Action.Independent<History> {

        @Override
        public Arbitrary<Transformer<History>> transformer() {
            return Arbitraries.of(Duration.ofHours(1), Duration.ofHours(20), Duration.ofDays(1), Duration.ofDays(6),
                    Duration.ofDays(7), Duration.ofDays(8), Duration.ofDays(29), Duration.ofDays(31), Duration.ofDays(60),
                    Duration.ofDays(200), Duration.ofDays(364), Duration.ofDays(366))
                    .map(duration -> step(new History.TimePasses(duration)));
        }
    }

    /** Two agencies register an agreement: mostly covering the histories' three kinds, up to a random marking, short or long. */
    static class Agreeing implements Action.Independent<History> {

        @Override
        public Arbitrary<Transformer<History>> transformer() {
            Arbitrary<Set<Coverage>> coverage = Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.just(Set.of(Coverage.DISPLACEMENT_FIGURES, Coverage.RECOMMENDATION, Coverage.MEETING_OUTCOME))),
                    Tuple.of(2, Arbitraries.subsetOf(Coverage.DISPLACEMENT_FIGURES, Coverage.RECOMMENDATION, Coverage.MEETING_OUTCOME,
                            Coverage.SOP).ofMinSize(1)));
            return Combinators.combine(pairs(), coverage, Arbitraries.of(Marking.GREEN, Marking.AMBER, Marking.AMBER_STRICT, Marking.RED),
                    Arbitraries.of(0, 1, 6, 30, 400))
                    .as((pair, covered, highest, days) -> step(new History.Agree(pair.get(0), pair.get(1), covered, highest, days)));
        }
    }

    /** A party (now and then the third agency, refused) suspends, resumes or terminates a pair's newest agreement. */
    static class AgreementChanges implements Action.Independent<History> {

        @Override
        public Arbitrary<Transformer<History>> transformer() {
            return pairs().flatMap(pair -> Combinators.combine(
                    Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(pair)), Tuple.of(1, Arbitraries.of("a", "b", "c"))),
                    Arbitraries.frequency(Tuple.of(3, AgreementChange.SUSPEND), Tuple.of(3, AgreementChange.RESUME),
                            Tuple.of(1, AgreementChange.TERMINATE)))
                    .as((by, change) -> step(new History.AgreementChanged(pair.get(0), pair.get(1), by, change))));
        }
    }

    /** A reader of another agency (mostly) asks to pass an item on; a vetter of the owner (mostly) approves, declines or waits. */
    static class Consents implements Action.Dependent<History> {

        /** When someone of another agency reads an item now (asking about the others is refused as not found). */
        @Override
        public boolean precondition(History history) {
            return !readOutside(history.model).isEmpty();
        }

        private static List<Integer> readOutside(HistoryModel model) {
            return model.items.stream().filter(i -> model.people.values().stream()
                    .anyMatch(p -> model.actingFor(p) != null && !i.owner.equals(model.actingFor(p)) && model.main(p, i) != null))
                    .map(i -> i.index).toList();
        }

        @Override
        public Arbitrary<Transformer<History>> transformer(History history) {
            HistoryModel model = history.model;
            Arbitrary<Integer> any = Arbitraries.integers().between(0, model.items.size() - 1);
            return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(readOutside(model))), Tuple.of(1, any))
                    .flatMap(index -> {
                        ItemM item = model.items.get(index);
                        Arbitrary<String> reader = Arbitraries.frequencyOf(Tuple.of(6, person(history,
                                p -> model.main(p, item) != null && !item.owner.equals(model.actingFor(p)))),
                                Tuple.of(1, Arbitraries.of(List.copyOf(model.people.keySet()))));
                        Arbitrary<String> vetter = Arbitraries.frequencyOf(Tuple.of(6, person(history,
                                p -> p.has(Role.VETTER) && p.memberOf.contains(item.owner))),
                                Tuple.of(1, Arbitraries.of(List.copyOf(model.people.keySet()))));
                        // mostly an agency that reads it not yet: neither the owner nor the asker's
                        return reader.flatMap(asker -> Combinators.combine(Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.of(List.of("a", "b", "c")).filter(name -> !history.codes.get(name)
                                        .equals(item.owner) && !history.codes.get(name).equals(model.actingFor(history.person(asker))))),
                                Tuple.of(1, Arbitraries.of("a", "b", "c"))),
                                Arbitraries.frequency(Tuple.of(3, ConsentDecision.APPROVE), Tuple.of(2, ConsentDecision.DECLINE),
                                        Tuple.of(1, ConsentDecision.PENDING)),
                                vetter)
                                .as((target, decision, decider) -> step(new History.Consent(asker, index, target, decision, decider))));
                    });
        }
    }

    private static Arbitrary<List<String>> pairs() {
        return Arbitraries.of(List.of("a", "b"), List.of("a", "c"), List.of("b", "c"));
    }

    // ---------------------------------------------------------------- choices

    /** A person (by key) among those that match, or anybody when none does. */
    static Arbitrary<String> person(History history, Predicate<Person> likely) {
        List<String> matching = history.model.people.values().stream().filter(likely).map(p -> p.key).toList();
        return Arbitraries.of(matching.isEmpty() ? List.copyOf(history.model.people.keySet()) : matching);
    }

    /**
     * What a version of the kind says besides its sharing: a recommendation's addressee (its own agency now
     * and then, which is refused) and maybe the meeting it came from; a meeting's recommendations. Links go to
     * items the author reads, unless the settings allow others (refused as "not found").
     */
    static Arbitrary<ContentM> content(History history, ItemKind kind, String author, int self) {
        HistoryModel model = history.model;
        Person person = history.person(author);
        boolean any = !HistorySettings.inContainer().avoids("unaudited-link-refusal");
        Function<ItemKind, List<Integer>> linkable = target -> model.items.stream()
                .filter(i -> i.kind == target && i.index != self && (any || model.main(person, i) != null)).map(i -> i.index).toList();
        return switch (kind) {
            case RECORD -> Arbitraries.just(ContentM.NONE);
            case RECOMMENDATION -> {
                List<Integer> meetings = linkable.apply(ItemKind.MEETING_OUTCOME);
                Arbitrary<Set<Integer>> meeting = meetings.isEmpty()
                        ? Arbitraries.just(Set.of())
                        : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Set.of())),
                                Tuple.of(2, Arbitraries.of(meetings).map(Set::of)));
                yield Combinators.combine(Arbitraries.of("a", "b", "c"), meeting)
                        .as(ContentM::new);
            }
            case MEETING_OUTCOME -> {
                List<Integer> recommendations = linkable.apply(ItemKind.RECOMMENDATION);
                yield recommendations.isEmpty()
                        ? Arbitraries.just(ContentM.NONE)
                        : Arbitraries.subsetOf(recommendations).ofMaxSize(2).map(links -> new ContentM(null, links));
            }
        };
    }

    /*
     * Steps name agencies, communities and people by their short names (a, k1, a.official) and items by index,
     * never by the codes of one history: jqwik shrinks by replaying steps generated for another run.
     */

    /**
     * A sharing, legal most of the time: every marking (RED, GREEN and AMBER more often), its legal scopes mostly, up to
     * three grants; a share by name mostly with a last day (yesterday, today, tomorrow, in a week), another rarely.
     */
    static Arbitrary<SharingM> sharing(History history, boolean byName) {
        List<String> agencies = List.of("a", "b", "c");
        List<String> communities = List.of("k1", "k2");
        List<String> people = new ArrayList<>(history.model.people.keySet());
        people.add(HistoryModel.UNKNOWN_PERSON);
        Arbitrary<Marking> markings = Arbitraries.frequency(Tuple.of(1, Marking.CLEAR), Tuple.of(2, Marking.GREEN),
                Tuple.of(2, Marking.AMBER), Tuple.of(1, Marking.AMBER_STRICT), Tuple.of(2, Marking.RED));
        if (byName) {
            // above TLP:CLEAR (which needs no agreement), shared by name as the marking allows
            markings = markings.filter(m -> m != Marking.CLEAR);
        }
        return markings.flatMap(marking -> Combinators.combine(
                byName
                        ? Arbitraries.just(marking == Marking.RED ? Scope.NAMED_USERS : Scope.NAMED_AGENCIES)
                        : Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(legalScopes(marking))),
                                Tuple.of(1, Arbitraries.of(Scope.class))),
                Arbitraries.subsetOf(agencies).ofMaxSize(3), Arbitraries.subsetOf(communities).ofMaxSize(2),
                Arbitraries.subsetOf(people).ofMaxSize(3)).as(Tuple::of).flatMap(
                        chosen -> lastDay(chosen.get1()).map(
                                days -> new SharingM(marking, chosen.get1(),
                                        chosen.get1() == Scope.NAMED_AGENCIES ? chosen.get2() : Set.of(),
                                        chosen.get1() == Scope.COMMUNITIES ? chosen.get3() : Set.of(),
                                        chosen.get1() == Scope.NAMED_USERS ? chosen.get4() : Set.of(),
                                        days == NO_LAST_DAY ? null : days, null))));
    }

    private static final int NO_LAST_DAY = Integer.MIN_VALUE;

    /** A last day in days from today ({@link #NO_LAST_DAY}: none), mostly for a share by name. */
    private static Arbitrary<Integer> lastDay(Scope scope) {
        boolean named = scope == Scope.NAMED_AGENCIES || scope == Scope.NAMED_USERS;
        return Arbitraries.frequencyOf(Tuple.of(named ? 1 : 30, Arbitraries.just(NO_LAST_DAY)), Tuple.of(named ? 3 : 1,
                Arbitraries.frequency(Tuple.of(1, -1), Tuple.of(2, 0), Tuple.of(3, 1), Tuple.of(2, 7))));
    }

    private static List<Scope> legalScopes(Marking marking) {
        return List.copyOf(switch (marking) {
            case RED -> EnumSet.of(Scope.NAMED_USERS);
            case AMBER_STRICT -> EnumSet.of(Scope.OWN_AGENCY, Scope.NAMED_AGENCIES);
            case AMBER -> EnumSet.of(Scope.OWN_AGENCY, Scope.NAMED_AGENCIES, Scope.COMMUNITIES);
            case GREEN, CLEAR -> EnumSet.of(Scope.OWN_AGENCY, Scope.NAMED_AGENCIES, Scope.COMMUNITIES, Scope.ALL_MEMBERS);
        });
    }
}
