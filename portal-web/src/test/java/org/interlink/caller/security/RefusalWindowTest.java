package org.interlink.caller.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** How refusals of unnamed callers are counted per client address in one window. */
class RefusalWindowTest {

    private static final Instant OPENED = Instant.parse("2026-11-28T08:00:00Z");
    private static final Instant CLOSED = Instant.parse("2026-11-28T08:01:00Z");

    @Test
    void theFirstRefusalOfAnAddressIsWrittenAtOnceAndTheRestAreCountedPerReason() {
        RefusalWindow window = new RefusalWindow(OPENED);

        assertThat(window.refused("203.0.113.7", RefusalReason.NOT_A_JWT)).isTrue();
        assertThat(window.refused("203.0.113.7", RefusalReason.NOT_A_JWT)).isFalse();
        assertThat(window.refused("203.0.113.7", RefusalReason.EXPIRED)).isFalse();
        assertThat(window.refused("203.0.113.7", RefusalReason.NOT_A_JWT)).isFalse();
        assertThat(window.refused("198.51.100.1", RefusalReason.AUDIENCE)).isTrue();

        List<RefusalWindow.Summary> summaries = window.summaries(CLOSED);
        assertThat(summaries).singleElement().satisfies(summary -> {
            assertThat(summary.address()).isEqualTo("203.0.113.7");
            assertThat(summary.count()).isEqualTo(3);
            assertThat(summary.reasons()).isEqualTo(Map.of(RefusalReason.NOT_A_JWT, 2L, RefusalReason.EXPIRED, 1L));
            assertThat(summary.details()).isEqualTo("3 more refused requests without an accepted token from this address between "
                    + "2026-11-28 08:00:00 and 2026-11-28 08:01:00 UTC: not a JWT 2, expired or not yet valid 1");
        });
    }

    @Test
    void aFirstRefusalThatCouldNotBeWrittenIsCountedInstead() {
        RefusalWindow window = new RefusalWindow(OPENED);
        assertThat(window.refused("203.0.113.7", RefusalReason.NO_TOKEN)).isTrue();
        window.unwritten("203.0.113.7", RefusalReason.NO_TOKEN);

        assertThat(window.summaries(CLOSED)).singleElement().satisfies(summary -> assertThat(summary.count()).isEqualTo(1));
    }

    @Test
    void addressesBeyondTheLimitAreCountedTogetherWithoutAnEventEach() {
        RefusalWindow window = new RefusalWindow(OPENED);
        int written = 0;
        for (int i = 0; i < RefusalWindow.MAX_ADDRESSES + 500; i++) {
            if (window.refused("2001:db8::" + Integer.toHexString(i), RefusalReason.SIGNATURE)) {
                written++;
            }
        }

        assertThat(written).as("events written at once").isEqualTo(RefusalWindow.MAX_ADDRESSES);
        assertThat(window.summaries(CLOSED)).singleElement().satisfies(summary -> {
            assertThat(summary.address()).isEqualTo(RefusalWindow.OTHER_ADDRESSES);
            assertThat(summary.count()).isEqualTo(500);
            assertThat(summary.details()).contains("beyond the first " + RefusalWindow.MAX_ADDRESSES);
        });
    }

    @Test
    void manyThreadsAtOnceLoseNoRefusalAndWriteOneFirstPerAddress() throws Exception {
        RefusalWindow window = new RefusalWindow(OPENED);
        AtomicInteger firsts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8_000; i++) {
            String address = "10.0.0." + (i % 4);
            threads.execute(() -> {
                if (window.refused(address, RefusalReason.NOT_A_JWT)) {
                    firsts.incrementAndGet();
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(firsts.get()).isEqualTo(4);
        assertThat(window.summaries(CLOSED).stream().mapToLong(RefusalWindow.Summary::count).sum()).isEqualTo(8_000 - 4);
    }

    @Test
    void aQuietWindowHasNothingToSummarise() {
        RefusalWindow window = new RefusalWindow(OPENED);
        window.refused("203.0.113.7", RefusalReason.ODD_PATH);

        assertThat(window.summaries(CLOSED)).isEmpty();
    }
}
