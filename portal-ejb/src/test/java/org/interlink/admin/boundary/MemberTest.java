package org.interlink.admin.boundary;

import org.interlink.caller.entity.Role;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MemberTest {

    @Test
    void aMemberOfSeveralAgenciesBelongsElsewhereForEachOfThem() {
        Member multi = new Member("multi.liaison", "Omar", "Saleh", "m@interlink.test", true, List.of(Role.LIAISON),
                List.of("iom-iq", "iq-bpc"));
        Member single = new Member("moi.official", "Karim", "Al-Saadi", "k@interlink.test", true, List.of(Role.OFFICIAL),
                List.of("iq-moi"));

        assertThat(multi.belongsElsewhere("iom-iq")).isTrue();
        assertThat(single.belongsElsewhere("iq-moi")).isFalse();
        assertThat(multi.agencyList()).isEqualTo("iom-iq, iq-bpc");
        assertThat(multi.name()).isEqualTo("Omar Saleh");
    }

    @Test
    void anAgencyAdministratorNeverGivesPlatformAdmin() {
        assertThat(MemberAdministration.GRANTABLE).doesNotContain(Role.PLATFORM_ADMIN)
                .contains(Role.OFFICIAL, Role.LIAISON, Role.VETTER, Role.AUDITOR, Role.AGENCY_ADMIN);
    }

    @Test
    void oneTimePasswordsAreFourGroupsOfUnambiguousCharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = MemberAdministration.temporaryPassword();
            assertThat(password).matches("[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}");
            assertThat(seen.add(password)).isTrue();
        }
    }
}
