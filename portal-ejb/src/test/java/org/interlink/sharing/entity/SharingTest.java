package org.interlink.sharing.entity;

import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interlink.item.entity.Fixtures.CAPACITY_BUILDING;
import static org.interlink.item.entity.Fixtures.INTERPOL;
import static org.interlink.item.entity.Fixtures.IOM;
import static org.interlink.item.entity.Fixtures.MOI;

/** Every marking against every scope: which pairs are legal, and which rule an illegal one names. */
class SharingTest {

    static Stream<Arguments> combinations() {
        return Stream.of(
                // marking, scope, legal, rule named when illegal
                Arguments.of(Marking.CLEAR, Scope.ALL_MEMBERS, null),
                Arguments.of(Marking.CLEAR, Scope.OWN_AGENCY, null),
                Arguments.of(Marking.CLEAR, Scope.NAMED_AGENCIES, null),
                Arguments.of(Marking.CLEAR, Scope.COMMUNITIES, null),
                Arguments.of(Marking.CLEAR, Scope.NAMED_USERS, "Only TLP:RED items are shared with named people"),
                Arguments.of(Marking.GREEN, Scope.ALL_MEMBERS, null),
                Arguments.of(Marking.GREEN, Scope.COMMUNITIES, null),
                Arguments.of(Marking.GREEN, Scope.NAMED_USERS, "Only TLP:RED items are shared with named people"),
                Arguments.of(Marking.AMBER, Scope.ALL_MEMBERS, "TLP:AMBER may not be shared with all member agencies"),
                Arguments.of(Marking.AMBER, Scope.COMMUNITIES, null),
                Arguments.of(Marking.AMBER, Scope.NAMED_AGENCIES, null),
                Arguments.of(Marking.AMBER, Scope.OWN_AGENCY, null),
                Arguments.of(Marking.AMBER_STRICT, Scope.NAMED_AGENCIES, null),
                Arguments.of(Marking.AMBER_STRICT, Scope.OWN_AGENCY, null),
                Arguments.of(Marking.AMBER_STRICT, Scope.COMMUNITIES, "TLP:AMBER+STRICT stays within named agencies"),
                Arguments.of(Marking.AMBER_STRICT, Scope.ALL_MEMBERS, "TLP:AMBER+STRICT stays within named agencies"),
                Arguments.of(Marking.AMBER_STRICT, Scope.NAMED_USERS, "Only TLP:RED items are shared with named people"),
                Arguments.of(Marking.RED, Scope.NAMED_USERS, null),
                Arguments.of(Marking.RED, Scope.ALL_MEMBERS, "TLP:RED is for named people only"),
                Arguments.of(Marking.RED, Scope.NAMED_AGENCIES, "TLP:RED is for named people only"),
                Arguments.of(Marking.RED, Scope.OWN_AGENCY, "TLP:RED is for named people only"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("combinations")
    void markingAndScope(Marking marking, Scope scope, String rule) {
        Sharing sharing = new Sharing(marking, scope,
                scope == Scope.NAMED_AGENCIES ? Set.of(IOM) : Set.of(),
                scope == Scope.COMMUNITIES ? Set.of(CAPACITY_BUILDING) : Set.of(),
                scope == Scope.NAMED_USERS
                        ? Set.of(new Person(new PersonId("interpol-liaison-id"), new Username("interpol.liaison")))
                        : Set.of());
        if (rule == null) {
            assertThatCode(() -> sharing.check(MOI)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> sharing.check(MOI)).isInstanceOf(IllegalSharing.class).hasMessageContaining(rule);
        }
    }

    @Test
    void scopesThatNameSomeoneNameAtLeastOne() {
        assertThatThrownBy(() -> Sharing.withAgencies(Marking.AMBER, Set.of()).check(MOI))
                .hasMessage("Name at least one agency to share with.");
        assertThatThrownBy(() -> Sharing.withCommunities(Marking.GREEN, Set.of()).check(MOI))
                .hasMessage("Name at least one community to share with.");
        assertThatThrownBy(() -> Sharing.withPeople(Set.of()).check(MOI))
                .hasMessage("Name at least one person who may read this TLP:RED item.");
    }

    @Test
    void grantsMatchTheScopeAndNeverNameTheOwner() {
        assertThatThrownBy(() -> new Sharing(Marking.GREEN, Scope.ALL_MEMBERS, Set.of(IOM), Set.of(), Set.of()).check(MOI))
                .hasMessageContaining("Grants must match the scope");
        assertThatThrownBy(() -> Sharing.withAgencies(Marking.AMBER, Set.of(MOI, IOM)).check(MOI))
                .hasMessageContaining("The owner agency always sees its own items");
    }

    @Test
    void reachTellsWhichOtherAgenciesAreInTheAudience() {
        assertThat(Sharing.withCommunities(Marking.AMBER, Set.of(CAPACITY_BUILDING)).reaches(IOM)).isTrue();
        assertThat(Sharing.withCommunities(Marking.AMBER, Set.of(CAPACITY_BUILDING)).reaches(INTERPOL)).isFalse();
        assertThat(Sharing.allMembers(Marking.CLEAR).reaches(INTERPOL)).isTrue();
        assertThat(Sharing.ownAgency(Marking.GREEN).reaches(IOM)).isFalse();
        assertThat(Sharing.withPeople(Set.of(new Person(new PersonId("interpol-liaison-id"), new Username("interpol.liaison"))))
                .reaches(INTERPOL)).isFalse();
    }
}
