package org.interlink.audit.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberedParametersTest {

    @Test
    void eachNumberedParameterBecomesAPlainOneTakingItsNumbersValueInTurn() {
        NumberedParameters sql = NumberedParameters.of("select ?2, ?10, ?1 where a = ?2 and b = ?14");

        assertThat(sql.jdbc()).isEqualTo("select ?, ?, ? where a = ? and b = ?");
        assertThat(sql.order()).containsExactly(2, 10, 1, 2, 14);
    }

    @Test
    void aStatementWithoutParametersIsLeftAsItIs() {
        NumberedParameters sql = NumberedParameters.of("select nextval('audit_event_seq')");

        assertThat(sql.jdbc()).isEqualTo("select nextval('audit_event_seq')");
        assertThat(sql.order()).isEmpty();
    }
}
