package org.interlink.agency.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgencyCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"iq-moi", "interpol", "au-dibp", "iom-iq", "x1"})
    void agencyCodesAreShortLowerCaseNames(String code) {
        assertThat(AgencyCode.of(code).value()).isEqualTo(code);
        assertThat(AgencyCode.of(code)).isEqualTo(AgencyCode.of(code));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"IQ-MOI", "1moi", "-moi", "m", "iq moi", "iq_moi", "a-very-long-agency-code-beyond-32-chars"})
    void anythingElseIsRefusedWithAMessageSayingWhatAnAgencyCodeIs(String code) {
        assertThatThrownBy(() -> AgencyCode.of(code))
                .isInstanceOf(InvalidAgencyCode.class)
                .hasMessageContaining("2 to 32 lower-case letters, digits or hyphens");
    }
}
