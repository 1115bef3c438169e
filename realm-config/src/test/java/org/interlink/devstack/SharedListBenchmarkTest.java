package org.interlink.devstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedListBenchmarkTest {

    @Test
    void theLiveBytesAreTheHistogramsTotal() {
        String histogram = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        433497       38856400  [B (java.base@17.0.15)
                   2:        416438        9994512  java.lang.String (java.base@17.0.15)
                Total       4123456      160123456
                """;

        assertThat(SharedListBenchmark.liveBytes(histogram)).isEqualTo(160_123_456L);
    }

    @Test
    void aHistogramWithoutItsTotalIsAnError() {
        assertThatThrownBy(() -> SharedListBenchmark.liveBytes("   1:   433497   38856400  [B\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no total");
    }
}
