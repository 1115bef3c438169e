package org.interlink.item.entity;

import org.interlink.agency.entity.AgencyCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FacetsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final AgencyCode MOI = AgencyCode.of("iq-moi");
    private static final AgencyCode IOM = AgencyCode.of("iom-iq");

    /** Four matches: two of the Ministry (a record of 2 days, a meeting of 20), two of IOM (a recommendation of 100 days, a record of 400). */
    private static final List<Facets.Match> MATCHES = List.of(
            match(ItemKind.RECORD, Marking.GREEN, WorkflowState.PUBLISHED, MOI, "Ministry of Interior", 2),
            match(ItemKind.MEETING_OUTCOME, Marking.AMBER, WorkflowState.DRAFT, MOI, "Ministry of Interior", 20),
            match(ItemKind.RECOMMENDATION, Marking.GREEN, WorkflowState.PUBLISHED, IOM, "IOM Iraq", 100),
            match(ItemKind.RECORD, Marking.CLEAR, WorkflowState.ARCHIVED, IOM, "IOM Iraq", 400));

    private static final ItemQuery SEARCH = ItemQuery.of(Listing.ALL).matching("border");

    @Test
    void withoutFiltersEveryMatchIsCountedInEachFacet() {
        Facets facets = Facets.counted(MATCHES, SEARCH, NOW);
        assertThat(facets.total()).isEqualTo(4);
        assertThat(facets.kinds()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ItemKind.RECORD, 2L, ItemKind.MEETING_OUTCOME, 1L, ItemKind.RECOMMENDATION, 1L));
        assertThat(facets.markings()).containsExactlyInAnyOrderEntriesOf(Map.of(Marking.GREEN, 2L, Marking.AMBER, 1L, Marking.CLEAR, 1L));
        assertThat(facets.states()).containsExactlyInAnyOrderEntriesOf(
                Map.of(WorkflowState.PUBLISHED, 2L, WorkflowState.DRAFT, 1L, WorkflowState.ARCHIVED, 1L));
        assertThat(facets.owners()).as("by name").containsExactly(new Facets.Owner(IOM, "IOM Iraq", 2),
                new Facets.Owner(MOI, "Ministry of Interior", 2));
        assertThat(facets.changedWithin()).containsExactly(Map.entry(7, 1L), Map.entry(30, 2L), Map.entry(365, 3L));
        assertThat(facets.beyondLimit()).isFalse();
    }

    @Test
    void eachFacetCountsWithTheOtherFiltersButNotItsOwn() {
        Facets facets = Facets.counted(MATCHES, SEARCH.ofKind(ItemKind.RECORD).ownedBy(IOM), NOW);
        assertThat(facets.total()).as("IOM's records").isEqualTo(1);
        assertThat(facets.kinds()).as("IOM's matches of every kind")
                .containsExactlyInAnyOrderEntriesOf(Map.of(ItemKind.RECORD, 1L, ItemKind.RECOMMENDATION, 1L));
        assertThat(facets.owners()).as("the records of every owner").containsExactly(new Facets.Owner(IOM, "IOM Iraq", 1),
                new Facets.Owner(MOI, "Ministry of Interior", 1));
        assertThat(facets.markings()).containsExactly(Map.entry(Marking.CLEAR, 1L));
        assertThat(facets.changedWithin()).containsExactly(Map.entry(7, 0L), Map.entry(30, 0L), Map.entry(365, 0L));
    }

    @Test
    void theChangeTimeFacetLeavesOutTheQuerysOwnChangeTime() {
        Facets facets = Facets.counted(MATCHES, SEARCH.changedAfter(NOW.minus(Duration.ofDays(30))).marked(Marking.GREEN), NOW);
        assertThat(facets.total()).as("green, changed within 30 days").isEqualTo(1);
        assertThat(facets.changedWithin()).as("green, whenever changed").containsExactly(Map.entry(7, 1L), Map.entry(30, 1L),
                Map.entry(365, 2L));
        assertThat(facets.markings()).as("changed within 30 days, any marking")
                .containsExactlyInAnyOrderEntriesOf(Map.of(Marking.GREEN, 1L, Marking.AMBER, 1L));
        assertThat(facets.states()).containsExactly(Map.entry(WorkflowState.PUBLISHED, 1L));
    }

    @Test
    void moreMatchesThanTheLimitAreNotCountedHere() {
        List<Facets.Match> many = Collections.nCopies(ItemQuery.COUNT_LIMIT + 1, MATCHES.get(0));
        assertThatThrownBy(() -> Facets.counted(many, SEARCH, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Facets.counted(many.subList(0, ItemQuery.COUNT_LIMIT), SEARCH, NOW).total()).isEqualTo(ItemQuery.COUNT_LIMIT);
    }

    private static Facets.Match match(ItemKind kind, Marking marking, WorkflowState state, AgencyCode owner, String name, int daysAgo) {
        return new Facets.Match(kind, marking, state, owner, name, NOW.minus(Duration.ofDays(daysAgo)));
    }
}
