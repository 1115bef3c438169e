package org.interlink.sharing.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an asker adds to the gate's condition narrows what it lets through and never widens it. */
class QueryShapeTest {

    private static final String VERSIONS = "select v from ItemVersion v join v.item i";
    private static final String VISIBLE = "i.owner.id = :agencyId or v.state in :shared";
    private static final Set<String> GATE = Set.of("agencyId", "shared");

    @Test
    void theVisibleConditionAndTheAskersAreEachParenthesisedWhole() {
        assertThat(QueryShape.compose(VERSIONS, VISIBLE, "i.kind = :kind or v.marking = :marking", "order by v.id desc",
                Set.of("kind", "marking"), GATE))
                .isEqualTo(VERSIONS + " where (" + VISIBLE + ") and (i.kind = :kind or v.marking = :marking) order by v.id desc");
        assertThat(QueryShape.compose("select count(n) from Notification n, RecommendationVersion v join v.item i", VISIBLE, null,
                "", Set.of(), GATE)).endsWith(" where (" + VISIBLE + ") ");
        assertThat(QueryShape.compose(VisibilityGate.VERSIONS, VISIBLE, null, "", Set.of(), GATE))
                .as("the versions with their items and owners fetched").endsWith(" where (" + VISIBLE + ") ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"select a from Agency a", "select v from ItemVersion w join w.item i",
            "select v from ItemVersion v join v.item i where i.id = 1", "select v from ItemVersion v join v.item item"})
    void aSelectFromThatDoesNotNameTheVersionsAndItemsOrHasAConditionIsRefused(String selectFrom) {
        assertThatThrownBy(() -> QueryShape.compose(selectFrom, VISIBLE, null, "", Set.of(), GATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i.id = 1) or (1 = 1", ")(", "(i.id = 1", "i.id = 1)", "'(' = '(') or (1 = 1 or ')' = ')'"})
    void aConditionThatWouldCloseTheGatesParenthesesIsRefused(String condition) {
        assertThatThrownBy(() -> QueryShape.compose(VERSIONS, VISIBLE, condition, "", Set.of(), GATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"where 1 = 1", "order by v.id or 1 = 1", "group by i.id having count(v) > 0",
            "union select v from ItemVersion v", "order by v.id and v.number", "order by (select max(x.id) from Item x)"})
    void aTailThatIsMoreThanAGroupingAndAnOrderIsRefused(String tail) {
        assertThatThrownBy(() -> QueryShape.compose(VERSIONS, VISIBLE, null, tail, Set.of(), GATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAskerMayNotSetTheGatesParameters() {
        assertThatThrownBy(() -> QueryShape.compose(VERSIONS, VISIBLE, "i.owner.id = :agencyId", "", Set.of("agencyId"), GATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":agencyId");
    }
}
