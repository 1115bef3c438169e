package org.interlink.item.entity;

import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.records.entity.RecordContent;
import org.interlink.records.entity.RecordType;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Sharing;
import org.interlink.workflow.entity.FourEyesViolation;
import org.interlink.workflow.entity.IllegalTransition;
import org.interlink.workflow.entity.WorkflowState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interlink.item.entity.Fixtures.DONOR;
import static org.interlink.item.entity.Fixtures.INTERPOL;
import static org.interlink.item.entity.Fixtures.IOM;
import static org.interlink.item.entity.Fixtures.MOI;
import static org.interlink.item.entity.Fixtures.NOW;
import static org.interlink.item.entity.Fixtures.figures;
import static org.interlink.item.entity.Fixtures.person;
import static org.interlink.item.entity.Fixtures.recommendation;

/** The vetting workflow and its four eyes, on the entity alone. */
class ItemTest {

    private final Caller liaison = person("iom.liaison", IOM, Role.LIAISON);
    private final Caller vetter = person("iom.vetter", IOM, Role.LIAISON, Role.VETTER);
    private final Caller otherVetter = person("iom.vetter2", IOM, Role.VETTER);
    private final Caller ministry = person("moi.vetter", MOI, Role.OFFICIAL, Role.VETTER);
    private final Sharing toMinistry = Sharing.withAgencies(Marking.AMBER, Set.of(MOI));

    @Test
    void aLiaisonDraftsForTheAgencyTheyActFor() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);

        assertThat(item.getOwner()).isEqualTo(IOM);
        assertThat(item.getKind()).isEqualTo(ItemKind.RECOMMENDATION);
        assertThat(item.current().getState()).isEqualTo(WorkflowState.DRAFT);
        assertThat(item.current().getAuthor()).isEqualTo(new Username("iom.liaison"));
        assertThat(item.published()).isEmpty();
        assertThat(item.getEvents()).extracting(ItemEvent::getAction).containsExactly(ItemAction.DRAFTED);
        assertThat(item.getEvents().get(0).getSnapshot()).hasValueSatisfying(json -> assertThat(json)
                .contains("\"title\":\"Share border data\"", "\"marking\":\"TLP:AMBER\"", "\"agencies\":[\"iq-moi\"]",
                        "\"addressee\":\"iq-moi\""));
    }

    @Test
    void onlyOfficialsAndLiaisonsWriteItems() {
        Caller auditor = person("moi.auditor", MOI, Role.AUDITOR);

        assertThatThrownBy(() -> Item.draft(auditor, figures("Figures"), Sharing.allMembers(Marking.CLEAR), NOW))
                .isInstanceOf(NotAllowed.class).hasMessage("Only officials and liaisons write items.");
    }

    @Test
    void aDraftGoesThroughVettingToPublication() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);

        item.submit(liaison, NOW.plusSeconds(60));
        item.publish(vetter, "Checked with the programme team", NOW.plusSeconds(120));

        ItemVersion published = item.published().orElseThrow();
        assertThat(published.getState()).isEqualTo(WorkflowState.PUBLISHED);
        assertThat(published.getPublishedBy()).contains(new Username("iom.vetter"));
        assertThat(published.getSubmittedAt()).contains(NOW.plusSeconds(60));
        assertThat(item.getEvents()).extracting(ItemEvent::getAction)
                .containsExactly(ItemAction.DRAFTED, ItemAction.SUBMITTED, ItemAction.PUBLISHED);
        assertThat(item.getEvents().get(2).getComment()).contains("Checked with the programme team");
        assertThat(item.getEvents().get(2).getActorAgency()).isEqualTo("iom-iq");
    }

    @Test
    void fourEyesTheAuthorNeverVetsTheirOwnVersion() {
        Item item = Item.draft(vetter, recommendation("Own draft", MOI), toMinistry, NOW);
        item.submit(vetter, NOW);

        assertThatThrownBy(() -> item.publish(vetter, "fine", NOW)).isInstanceOf(FourEyesViolation.class);
        assertThatThrownBy(() -> item.returnToAuthor(vetter, "fix", NOW)).isInstanceOf(FourEyesViolation.class);
        assertThat(item.current().getState()).isEqualTo(WorkflowState.SUBMITTED);

        item.publish(otherVetter, "Second pair of eyes", NOW);
        assertThat(item.current().getState()).isEqualTo(WorkflowState.PUBLISHED);
    }

    @Test
    void onlyAVetterOfTheOwnerAgencyVets() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);
        item.submit(liaison, NOW);

        assertThatThrownBy(() -> item.publish(ministry, "looks good", NOW)).isInstanceOf(NotAllowed.class)
                .hasMessage("Only people acting for IOM Iraq may vet this item.");
        assertThatThrownBy(() -> item.publish(person("iom.other", IOM, Role.LIAISON), "ok", NOW))
                .isInstanceOf(NotAllowed.class).hasMessage("Only vetters of IOM Iraq vet its items.");
    }

    @Test
    void vettingNeedsAComment() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);
        item.submit(liaison, NOW);

        assertThatThrownBy(() -> item.publish(vetter, "  ", NOW)).isInstanceOf(InvalidContent.class)
                .hasMessageContaining("comment");
        assertThat(item.current().getState()).isEqualTo(WorkflowState.SUBMITTED);
    }

    @Test
    void aReturnedVersionIsEditedAndSubmittedAgain() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);
        item.submit(liaison, NOW);
        item.returnToAuthor(vetter, "Name the mechanism", NOW);

        assertThat(item.current().getState()).isEqualTo(WorkflowState.RETURNED);
        item.edit(liaison, recommendation("Share border data through the BMIS mechanism", MOI), toMinistry, NOW);
        item.submit(liaison, NOW);

        assertThat(item.current().getState()).isEqualTo(WorkflowState.SUBMITTED);
        assertThat(item.current().getTitle()).isEqualTo("Share border data through the BMIS mechanism");
        assertThat(item.getEvents()).extracting(ItemEvent::getAction).containsExactly(ItemAction.DRAFTED,
                ItemAction.SUBMITTED, ItemAction.RETURNED, ItemAction.EDITED, ItemAction.SUBMITTED);
    }

    @Test
    void illegalStepsThrowAndChangeNothing() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);

        assertThatThrownBy(() -> item.publish(vetter, "skip the queue", NOW)).isInstanceOf(IllegalTransition.class)
                .hasMessage("Version 1 is DRAFT and cannot be vetted (only submitted items are).");
        assertThatThrownBy(() -> item.archive(liaison, NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> item.startNewVersion(liaison, NOW)).isInstanceOf(IllegalTransition.class);
        item.submit(liaison, NOW);
        assertThatThrownBy(() -> item.edit(liaison, recommendation("Sneaky change", MOI), toMinistry, NOW))
                .isInstanceOf(IllegalTransition.class);
        assertThat(item.current().getTitle()).isEqualTo("Share border data");
        assertThat(item.getEvents()).hasSize(2);
    }

    @Test
    void onlyTheAuthorChangesAndSubmitsTheirVersion() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);

        assertThatThrownBy(() -> item.edit(vetter, recommendation("Vetter's words", MOI), toMinistry, NOW))
                .isInstanceOf(NotAllowed.class).hasMessage("Only iom.liaison, who wrote this version, may change it.");
        assertThatThrownBy(() -> item.submit(ministry, NOW)).isInstanceOf(NotAllowed.class);
    }

    /** TLP:RED's readers may not share it further: a colleague named on a RED edition does not start its next version. */
    @Test
    void onlyTheAuthorOfARedEditionStartsItsNextVersion() {
        Caller colleague = person("iom.liaison2", IOM, Role.LIAISON);
        Sharing red = Sharing.withPeople(Set.of(new Person(new PersonId("iom-liaison2-id"), new Username("iom.liaison2"))));
        Item item = Item.draft(liaison, figures("Names of the network"), red, NOW);
        item.submit(liaison, NOW);
        item.publish(vetter, "Named only", NOW);

        assertThat(item.stepsFor(colleague)).doesNotContain(ItemStep.NEW_VERSION);
        assertThatThrownBy(() -> item.startNewVersion(colleague, NOW)).isInstanceOf(NotAllowed.class)
                .hasMessageStartingWith("Only the author of a TLP:RED edition");
        assertThat(item.getVersions()).hasSize(1);

        assertThat(item.stepsFor(liaison)).contains(ItemStep.NEW_VERSION);
        item.startNewVersion(liaison, NOW);
        assertThat(item.current().getNumber()).isEqualTo(2);
    }

    /** Found by the generated histories: the next draft took the number of the withdrawn one (the database refused it). */
    @Test
    void aNewVersionAfterAWithdrawnOneTakesTheNextNumber() {
        Item item = publishedRecommendation();
        item.startNewVersion(liaison, NOW);
        item.withdraw(liaison, "Not now", NOW);
        assertThat(item.current().getNumber()).as("the published version is current again").isEqualTo(1);

        item.startNewVersion(liaison, NOW);

        assertThat(item.current().getNumber()).isEqualTo(3);
        assertThat(item.getVersions()).extracting(ItemVersion::getNumber).containsExactly(1, 2, 3);
    }

    @Test
    void editingAPublishedItemStartsANewVersionWhileThePublishedOneStays() {
        Item item = publishedRecommendation();

        item.startNewVersion(liaison, NOW);
        item.edit(liaison, recommendation("Share border data, revised", MOI), toMinistry, NOW);

        assertThat(item.getVersions()).hasSize(2);
        assertThat(item.current().getNumber()).isEqualTo(2);
        assertThat(item.current().getState()).isEqualTo(WorkflowState.DRAFT);
        assertThat(item.published().orElseThrow().getNumber()).isEqualTo(1);
        assertThat(item.published().orElseThrow().getTitle()).isEqualTo("Share border data");

        item.submit(liaison, NOW);
        item.publish(vetter, "Revision approved", NOW);

        assertThat(item.published().orElseThrow().getNumber()).isEqualTo(2);
        assertThat(item.getVersions().get(0).getState()).isEqualTo(WorkflowState.SUPERSEDED);
        assertThat(item.getEvents()).extracting(ItemEvent::getAction).endsWith(ItemAction.PUBLISHED, ItemAction.SUPERSEDED);
        assertThat(item.lastChange()).as("the change is the publication, not the superseding it records after it")
                .hasValueSatisfying(e -> assertThat(e.getAction()).isEqualTo(ItemAction.PUBLISHED));
    }

    @Test
    void withdrawingANewVersionLeavesThePublishedOneCurrent() {
        Item item = publishedRecommendation();
        item.startNewVersion(liaison, NOW);

        item.withdraw(liaison, "Not needed after all", NOW);

        assertThat(item.current().getNumber()).isEqualTo(1);
        assertThat(item.current().getState()).isEqualTo(WorkflowState.PUBLISHED);
        assertThat(item.getVersions().get(1).getState()).isEqualTo(WorkflowState.WITHDRAWN);
    }

    @Test
    void aWithdrawnPublicationIsNoLongerShared() {
        Item item = publishedRecommendation();

        item.withdraw(vetter, "Superseded by events", NOW);

        assertThat(item.published()).isEmpty();
        assertThat(item.current().getState()).isEqualTo(WorkflowState.WITHDRAWN);
    }

    @Test
    void anArchivedPublicationStaysReadable() {
        Item item = publishedRecommendation();

        item.archive(vetter, NOW);

        assertThat(item.published()).hasValueSatisfying(v -> assertThat(v.getState()).isEqualTo(WorkflowState.ARCHIVED));
        assertThatThrownBy(() -> item.startNewVersion(liaison, NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aRecommendationMustReachItsAddressee() {
        assertThatThrownBy(
                () -> Item.draft(liaison, recommendation("Hidden", MOI), Sharing.withAgencies(Marking.AMBER, Set.of(DONOR)), NOW))
                .isInstanceOf(IllegalSharing.class)
                .hasMessage("A recommendation must be shared with the agency it is addressed to (Iraq Ministry of Interior).");
        assertThatThrownBy(() -> Item.draft(liaison, recommendation("To myself", IOM), Sharing.allMembers(Marking.GREEN), NOW))
                .isInstanceOf(InvalidContent.class).hasMessage("A recommendation is addressed to another agency than your own.");
    }

    @Test
    void aRecordNeedsTheFieldsOfItsType() {
        Caller official = person("moi.official", MOI, Role.OFFICIAL);
        RecordContent incident = new RecordContent(RecordType.BORDER_INCIDENT, "Crossing at Safwan", "Summary",
                LocalDate.parse("2026-11-01"), null, null, "irregular crossing", null, null);

        assertThatThrownBy(() -> Item.draft(official, incident, Sharing.withAgencies(Marking.AMBER_STRICT, Set.of(INTERPOL)), NOW))
                .isInstanceOf(InvalidContent.class).hasMessage("A border incident needs its place.");
        assertThatThrownBy(() -> Item.draft(official, figures(" "), Sharing.allMembers(Marking.CLEAR), NOW))
                .isInstanceOf(InvalidContent.class).hasMessage("Give the item a title.");
    }

    private Item publishedRecommendation() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);
        item.submit(liaison, NOW);
        item.publish(vetter, "Approved", NOW);
        return item;
    }

    @Test
    void thePageIsOfferedExactlyTheStepsTheRulesAllow() {
        Item item = Item.draft(liaison, recommendation("Share border data", MOI), toMinistry, NOW);
        assertThat(item.stepsFor(liaison)).containsExactlyInAnyOrder(ItemStep.EDIT, ItemStep.SUBMIT, ItemStep.WITHDRAW);
        assertThat(item.stepsFor(vetter)).containsExactly(ItemStep.WITHDRAW);
        assertThat(item.stepsFor(ministry)).isEmpty();

        item.submit(liaison, NOW);
        assertThat(item.stepsFor(vetter)).containsExactlyInAnyOrder(ItemStep.PUBLISH, ItemStep.RETURN, ItemStep.WITHDRAW);
        assertThat(item.stepsFor(liaison)).containsExactly(ItemStep.WITHDRAW);

        item.publish(vetter, "ok", NOW);
        assertThat(item.stepsFor(liaison)).containsExactlyInAnyOrder(ItemStep.WITHDRAW, ItemStep.ARCHIVE, ItemStep.NEW_VERSION);
    }

    private static final AttachmentPolicy POLICY = new AttachmentPolicy(1024, Set.of("application/pdf", "text/csv"));

    @Test
    void theAuthorAttachesFilesToTheirDraftWithinTheLimits() {
        Item item = Item.draft(liaison, figures("DTM round"), Sharing.allMembers(Marking.CLEAR), NOW);
        AttachmentContent csv = AttachmentContent.of("governorate,displaced\nNinewa,41250\n".getBytes());

        Attachment attached = item.attach(liaison, "C:\\Users\\claire\\dtm.csv", "text/csv; charset=UTF-8", csv, POLICY, NOW);

        assertThat(attached.getFilename()).isEqualTo("dtm.csv");
        assertThat(attached.getContentType()).isEqualTo("text/csv");
        assertThat(attached.getSha256()).hasSize(64).isEqualTo(AttachmentContent.sha256(csv.getBytes()));
        assertThat(item.current().getAttachments()).containsExactly(attached);
        assertThat(item.getEvents().get(1).getAction()).isEqualTo(ItemAction.ATTACHED);
        assertThat(item.getEvents().get(1).getSnapshot()).hasValueSatisfying(json -> assertThat(json).contains("\"name\":\"dtm.csv\""));
    }

    @Test
    void filesBeyondTheLimitsAreRefusedAndNothingIsAttached() {
        Item item = Item.draft(liaison, figures("DTM round"), Sharing.allMembers(Marking.CLEAR), NOW);

        assertThatThrownBy(() -> item.attach(liaison, "big.pdf", "application/pdf", AttachmentContent.of(new byte[2048]), POLICY, NOW))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("larger than");
        assertThatThrownBy(
                () -> item.attach(liaison, "tool.exe", "application/x-msdownload", AttachmentContent.of(new byte[10]), POLICY, NOW))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("cannot be attached");
        assertThatThrownBy(() -> item.attach(vetter, "notes.csv", "text/csv", AttachmentContent.of(new byte[10]), POLICY, NOW))
                .isInstanceOf(NotAllowed.class);
        item.submit(liaison, NOW);
        assertThatThrownBy(() -> item.attach(liaison, "late.csv", "text/csv", AttachmentContent.of(new byte[10]), POLICY, NOW))
                .isInstanceOf(IllegalTransition.class);
        assertThat(item.current().getAttachments()).isEmpty();
    }
}
