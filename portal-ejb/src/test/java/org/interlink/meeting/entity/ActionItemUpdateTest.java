package org.interlink.meeting.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemAction;
import org.interlink.item.entity.NotAllowed;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Sharing;
import org.interlink.workflow.entity.IllegalTransition;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interlink.item.entity.Fixtures.INTERPOL;
import static org.interlink.item.entity.Fixtures.IOM;
import static org.interlink.item.entity.Fixtures.MOI;
import static org.interlink.item.entity.Fixtures.NOW;
import static org.interlink.item.entity.Fixtures.person;

/** Status updates of a meeting's action items by their owner agency, on the entities alone. */
class ActionItemUpdateTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private final Caller moiOfficial = person("moi.official", MOI, Role.OFFICIAL);
    private final Caller moiVetter = person("moi.vetter", MOI, Role.VETTER);
    private final Caller iomLiaison = person("iom.liaison", IOM, Role.LIAISON);
    private final Caller iomAuditor = person("iom.auditor", IOM, Role.AUDITOR);
    private final Caller interpolOfficial = person("interpol.official", INTERPOL, Role.OFFICIAL);

    @Test
    void theOwnerAgencyUpdatesItsActionItemWithANote() {
        Item item = published(action("Draft recommendations", IOM, "2026-11-30"), action("Name focal points", MOI, "2027-01-31"));

        String what = item.followThrough(iomLiaison, MeetingVersion.class, ItemAction.ACTION_UPDATED, NOW,
                v -> v.updateAction(iomLiaison, 1, ActionStatus.DONE, " Sent to the ministry ", NOW));

        ActionItem done = shared(item).getActionItems().get(0);
        assertThat(done.getStatus()).isEqualTo(ActionStatus.DONE);
        assertThat(done.getNote()).contains("Sent to the ministry");
        assertThat(done.getUpdatedBy()).contains("iom.liaison");
        assertThat(done.getUpdatedAt()).contains(NOW);
        assertThat(shared(item).getActionItems().get(1).getStatus()).isEqualTo(ActionStatus.OPEN);
        assertThat(what).isEqualTo("action item 1 (Draft recommendations): OPEN → DONE: Sent to the ministry");
        assertThat(item.getEvents().get(item.getEvents().size() - 1).getAction()).isEqualTo(ItemAction.ACTION_UPDATED);
    }

    @Test
    void onlyOfficialsAndLiaisonsOfTheOwnerAgencyUpdateIt() {
        Item item = published(action("Draft recommendations", IOM, "2026-11-30"));

        for (Caller other : new Caller[]{moiOfficial, moiVetter, iomAuditor, interpolOfficial}) {
            assertThatThrownBy(() -> item.followThrough(other, MeetingVersion.class, ItemAction.ACTION_UPDATED, NOW,
                    v -> v.updateAction(other, 1, ActionStatus.DONE, "Done", NOW)))
                    .as(other.toString()).isInstanceOf(NotAllowed.class)
                    .hasMessage("Only officials and liaisons of IOM Iraq, whose action item it is, update its status.");
        }
        assertThat(shared(item).getActionItems().get(0).getStatus()).isEqualTo(ActionStatus.OPEN);
        assertThat(item.getEvents()).noneMatch(e -> e.getAction() == ItemAction.ACTION_UPDATED);
    }

    @Test
    void anUpdateNeedsAStatusANoteAndAnExistingItem() {
        Item item = published(action("Draft recommendations", IOM, "2026-11-30"));

        assertThatThrownBy(() -> update(item, 1, ActionStatus.DROPPED, " ")).isInstanceOf(InvalidContent.class)
                .hasMessageContaining("note");
        assertThatThrownBy(() -> update(item, 1, null, "Why")).isInstanceOf(InvalidContent.class);
        assertThatThrownBy(() -> update(item, 2, ActionStatus.DONE, "Why")).isInstanceOf(InvalidContent.class)
                .hasMessage("This meeting has no action item 2.");
        assertThatThrownBy(() -> update(item, 0, ActionStatus.DONE, "Why")).isInstanceOf(InvalidContent.class);
        assertThat(shared(item).getActionItems().get(0).getStatus()).isEqualTo(ActionStatus.OPEN);
    }

    @Test
    void onlyAPublishedMeetingIsFollowedUp() {
        Item item = Item.draft(moiOfficial, meeting(action("Draft recommendations", IOM, "2026-11-30")), sharing(), NOW);

        assertThatThrownBy(() -> update(item, 1, ActionStatus.DONE, "Done")).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aPendingItemPastItsDueDateIsOverdue() {
        assertThat(action("Late", IOM, "2026-11-26").isOverdue(TODAY)).isTrue();
        assertThat(action("Due today", IOM, "2026-11-27").isOverdue(TODAY)).isFalse();
        assertThat(new ActionItem("Late but done", IOM, LocalDate.parse("2026-10-01"), ActionStatus.DONE).isOverdue(TODAY)).isFalse();
        assertThat(new ActionItem("Late, dropped", IOM, LocalDate.parse("2026-10-01"), ActionStatus.DROPPED).isOverdue(TODAY)).isFalse();
        assertThat(new ActionItem("Late, started", IOM, LocalDate.parse("2026-10-01"), ActionStatus.IN_PROGRESS).isOverdue(TODAY)).isTrue();
    }

    @Test
    void aNewEditionOfTheMeetingKeepsTheOwnersUpdates() {
        Item item = published(action("Draft recommendations", IOM, "2026-11-30"), action("Name focal points", MOI, "2027-01-31"));
        item.startNewVersion(moiOfficial, NOW);
        // IOM updates the published edition while the ministry's next one (a copy with OPEN) is drafted
        update(item, 1, ActionStatus.IN_PROGRESS, "First draft circulated");
        item.edit(moiOfficial, meeting(action("Draft recommendations", IOM, "2026-11-30"), action("Name focal points", MOI, "2027-01-31"),
                action("Plan a second visit", MOI, "2027-03-01")), sharing(), NOW);
        item.submit(moiOfficial, NOW);
        item.publish(moiVetter, "Second edition", NOW);

        List<ActionItem> actions = shared(item).getActionItems();
        assertThat(actions).extracting(ActionItem::getStatus).containsExactly(ActionStatus.IN_PROGRESS, ActionStatus.OPEN,
                ActionStatus.OPEN);
        assertThat(actions.get(0).getNote()).contains("First draft circulated");
    }

    private String update(Item item, int number, ActionStatus status, String note) {
        return item.followThrough(iomLiaison, MeetingVersion.class, ItemAction.ACTION_UPDATED, NOW,
                v -> v.updateAction(iomLiaison, number, status, note, NOW));
    }

    private Item published(ActionItem... actions) {
        Item item = Item.draft(moiOfficial, meeting(actions), sharing(), NOW);
        item.submit(moiOfficial, NOW);
        item.publish(moiVetter, "Minutes agreed", NOW);
        return item;
    }

    private static Sharing sharing() {
        return Sharing.withAgencies(Marking.AMBER, Set.of(IOM, INTERPOL));
    }

    private static MeetingContent meeting(ActionItem... actions) {
        return new MeetingContent("Study visit", "Visit to Lyon", LocalDate.parse("2026-09-14"), LocalDate.parse("2026-09-17"),
                "Lyon", Set.of(MOI, IOM, INTERPOL), List.of("Share information"), List.of(actions), Set.of());
    }

    private static ActionItem action(String description, Agency owner, String due) {
        return new ActionItem(description, owner, LocalDate.parse(due), ActionStatus.OPEN);
    }

    private static MeetingVersion shared(Item item) {
        return (MeetingVersion) item.published().orElseThrow();
    }
}
