package org.interlink.recommendation.entity;

import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemAction;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.NotAllowed;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Sharing;
import org.interlink.workflow.entity.IllegalTransition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interlink.item.entity.Fixtures.INTERPOL;
import static org.interlink.item.entity.Fixtures.IOM;
import static org.interlink.item.entity.Fixtures.MOI;
import static org.interlink.item.entity.Fixtures.NOW;
import static org.interlink.item.entity.Fixtures.person;
import static org.interlink.item.entity.Fixtures.recommendation;

/** The addressee's follow-up of a published recommendation, on the entities alone. */
class FollowUpTest {

    private final Caller liaison = person("iom.liaison", IOM, Role.LIAISON);
    private final Caller iomVetter = person("iom.vetter", IOM, Role.VETTER);
    private final Caller official = person("moi.official", MOI, Role.OFFICIAL);
    private final Caller moiVetter = person("moi.vetter", MOI, Role.VETTER);
    private final Caller moiLiaison = person("moi.liaison", MOI, Role.LIAISON);
    private final Caller interpolOfficial = person("interpol.official", INTERPOL, Role.OFFICIAL);
    private final Instant later = NOW.plusSeconds(3600);

    @Test
    void aPublishedRecommendationIsUnderConsiderationUntilTheAddresseeDecides() {
        Item item = published();

        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.UNDER_CONSIDERATION);
        assertThat(shared(item).mayDecide(official)).isTrue();
        assertThat(shared(item).mayDecide(moiVetter)).as("a vetter who is no official").isFalse();
        assertThat(shared(item).mayReportProgress(official)).as("not before a decision").isFalse();
        follow(item, official, v -> v.decide(official, FollowUpStatus.ACCEPTED, " Fits the ministry's plan ", later), ItemAction.DECIDED);
        assertThat(shared(item).mayDecide(official)).as("decided once").isFalse();
        assertThat(shared(item).mayReportProgress(official)).isTrue();

        RecommendationVersion version = shared(item);
        assertThat(version.getFollowUp()).isEqualTo(FollowUpStatus.ACCEPTED);
        assertThat(version.getRationale()).contains("Fits the ministry's plan");
        assertThat(version.getDecidedBy()).hasValueSatisfying(u -> assertThat(u.value()).isEqualTo("moi.official"));
        assertThat(version.getDecidedAt()).contains(later);
        ItemEvent decided = item.getEvents().get(item.getEvents().size() - 1);
        assertThat(decided.getAction()).isEqualTo(ItemAction.DECIDED);
        assertThat(decided.getActorAgency()).isEqualTo("iq-moi");
        assertThat(decided.getComment()).contains("accepted: Fits the ministry's plan");
        assertThat(decided.getAction().isReadByAll()).isTrue();
    }

    @Test
    void progressIsReportedInDatedNotesUntilImplemented() {
        Item item = published();
        follow(item, official, v -> v.decide(official, FollowUpStatus.PARTIALLY_ACCEPTED, "Border points first", NOW), ItemAction.DECIDED);

        follow(item, official, v -> v.reportProgress(official, 40, "Focal points named at 4 of 10 border points", later),
                ItemAction.PROGRESS_REPORTED);
        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.IN_PROGRESS);
        assertThat(shared(item).getProgress()).isEqualTo(40);
        follow(item, official, v -> v.reportProgress(official, 70, "Seven border points", later), ItemAction.PROGRESS_REPORTED);
        follow(item, official, v -> v.implemented(official, "All border points connected", later), ItemAction.IMPLEMENTED);

        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.IMPLEMENTED);
        assertThat(shared(item).getProgress()).isEqualTo(100);
        assertThat(item.getEvents()).filteredOn(e -> e.getAction().isFollowThrough())
                .extracting(e -> e.getComment().orElse(""))
                .containsExactly("partially accepted: Border points first", "40 %: Focal points named at 4 of 10 border points",
                        "70 %: Seven border points", "100 %: All border points connected");
    }

    @Test
    void onlyOfficialsOfTheAddresseeFollowUp() {
        Item item = published();

        for (Caller other : new Caller[]{liaison, iomVetter, moiVetter, moiLiaison, interpolOfficial}) {
            assertThatThrownBy(() -> follow(item, other, v -> v.decide(other, FollowUpStatus.ACCEPTED, "Yes", NOW), ItemAction.DECIDED))
                    .as(other.toString()).isInstanceOf(NotAllowed.class)
                    .hasMessage("Only officials of Iraq Ministry of Interior, to whom it is addressed, follow up this recommendation.");
        }
        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.UNDER_CONSIDERATION);
        assertThat(item.getEvents()).noneMatch(e -> e.getAction().isFollowThrough());
    }

    @Test
    void aDecisionNeedsARationaleAndIsOneOfTheThreeAnswers() {
        Item item = published();

        assertThatThrownBy(() -> follow(item, official, v -> v.decide(official, FollowUpStatus.REJECTED, "  ", NOW), ItemAction.DECIDED))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("rationale");
        assertThatThrownBy(
                () -> follow(item, official, v -> v.decide(official, FollowUpStatus.IMPLEMENTED, "Done", NOW), ItemAction.DECIDED))
                .isInstanceOf(InvalidContent.class).hasMessage("Decide to accept, partially accept or reject the recommendation.");
        assertThatThrownBy(() -> follow(item, official, v -> v.decide(official, null, "Done", NOW), ItemAction.DECIDED))
                .isInstanceOf(InvalidContent.class);
        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.UNDER_CONSIDERATION);
        assertThat(shared(item).getRationale()).isEmpty();
    }

    @Test
    void illegalJumpsAreRefused() {
        Item item = published();
        assertThatThrownBy(() -> follow(item, official, v -> v.reportProgress(official, 10, "Started", NOW), ItemAction.PROGRESS_REPORTED))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("The recommendation is under consideration and cannot be progress reported before it is accepted.");
        assertThatThrownBy(() -> follow(item, official, v -> v.implemented(official, null, NOW), ItemAction.IMPLEMENTED))
                .isInstanceOf(IllegalTransition.class);

        follow(item, official, v -> v.decide(official, FollowUpStatus.REJECTED, "Out of the ministry's mandate", NOW), ItemAction.DECIDED);
        assertThatThrownBy(
                () -> follow(item, official, v -> v.decide(official, FollowUpStatus.ACCEPTED, "Changed our mind", NOW), ItemAction.DECIDED))
                .isInstanceOf(IllegalTransition.class).hasMessageStartingWith("The recommendation is rejected already");
        assertThatThrownBy(() -> follow(item, official, v -> v.reportProgress(official, 10, "Started", NOW), ItemAction.PROGRESS_REPORTED))
                .isInstanceOf(IllegalTransition.class);
        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.REJECTED);
    }

    @Test
    void progressIsAPercentageBelowAHundredWithANote() {
        Item item = published();
        follow(item, official, v -> v.decide(official, FollowUpStatus.ACCEPTED, "Yes", NOW), ItemAction.DECIDED);

        assertThatThrownBy(() -> follow(item, official, v -> v.reportProgress(official, 100, "All", NOW), ItemAction.PROGRESS_REPORTED))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("mark the recommendation implemented");
        assertThatThrownBy(() -> follow(item, official, v -> v.reportProgress(official, -1, "Less", NOW), ItemAction.PROGRESS_REPORTED))
                .isInstanceOf(InvalidContent.class);
        assertThatThrownBy(() -> follow(item, official, v -> v.reportProgress(official, 40, "", NOW), ItemAction.PROGRESS_REPORTED))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("note");
        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.ACCEPTED);
    }

    @Test
    void nothingIsFollowedUpBeforePublication() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), Sharing.withAgencies(Marking.AMBER, Set.of(MOI)), NOW);

        assertThatThrownBy(() -> follow(item, official, v -> v.decide(official, FollowUpStatus.ACCEPTED, "Yes", NOW), ItemAction.DECIDED))
                .isInstanceOf(IllegalTransition.class).hasMessage("This recommendation is not published, so nothing follows it up yet.");
    }

    @Test
    void aNewEditionKeepsTheDecisionAndProgress() {
        Item item = published();
        follow(item, official, v -> v.decide(official, FollowUpStatus.ACCEPTED, "Yes", NOW), ItemAction.DECIDED);
        follow(item, official, v -> v.reportProgress(official, 40, "Started", NOW), ItemAction.PROGRESS_REPORTED);

        item.startNewVersion(liaison, later);
        item.edit(liaison, recommendation("Share border data, second edition", MOI), Sharing.withAgencies(Marking.AMBER, Set.of(MOI)),
                later);
        item.submit(liaison, later);
        item.publish(iomVetter, "Second edition", later);

        assertThat(shared(item).getNumber()).isEqualTo(2);
        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.IN_PROGRESS);
        assertThat(shared(item).getProgress()).isEqualTo(40);
        assertThat(shared(item).getRationale()).contains("Yes");
    }

    /** Found in review: the addressee's rationale, written for the first edition's audience, went to a wider one. */
    @Test
    void aNewEditionSharedOtherwiseStartsItsFollowUpAfresh() {
        Item item = published();
        follow(item, official, v -> v.decide(official, FollowUpStatus.ACCEPTED, "Our internal reasons", NOW), ItemAction.DECIDED);

        item.startNewVersion(liaison, later);
        item.edit(liaison, recommendation("Share border data, for everyone", MOI), Sharing.allMembers(Marking.GREEN), later);
        item.submit(liaison, later);
        item.publish(iomVetter, "Second edition, wider", later);

        assertThat(shared(item).getNumber()).isEqualTo(2);
        assertThat(shared(item).getFollowUp()).isEqualTo(FollowUpStatus.UNDER_CONSIDERATION);
        assertThat(shared(item).getRationale()).isEmpty();
    }

    private Item published() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), Sharing.withAgencies(Marking.AMBER, Set.of(MOI)), NOW);
        item.submit(liaison, NOW);
        item.publish(iomVetter, "Reviewed", NOW);
        return item;
    }

    private static RecommendationVersion shared(Item item) {
        return (RecommendationVersion) item.published().orElseThrow();
    }

    private static void follow(Item item, Caller caller, Function<RecommendationVersion, String> step, ItemAction action) {
        item.followThrough(caller, RecommendationVersion.class, action, NOW, step);
    }
}
