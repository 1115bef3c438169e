package org.interlink.caller.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ApiLimitsTest {

    @Test
    void aCallerBeyondItsCallsASecondIsToldToWaitAndOthersAreNot() {
        ApiLimits limits = new ApiLimits(3, 60, 10, 10);
        for (int i = 0; i < 3; i++) {
            ApiLimits.Admission admitted = limits.admit("border");
            assertThat(admitted.admitted()).isTrue();
            limits.done("border", 200);
        }

        ApiLimits.Admission refused = limits.admit("border");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problem()).isEqualTo("too-many-requests");
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limits.admit("desk").admitted()).isTrue();
    }

    @Test
    void aCallerRefusedTooOftenInAMinuteIsStoppedUntilTheMinuteEnds() {
        ApiLimits limits = new ApiLimits(100, 2, 10, 10);
        for (int status : new int[]{404, 409, 200, 403}) {
            assertThat(limits.admit("walker").admitted()).isTrue();
            limits.done("walker", status);
        }

        ApiLimits.Admission stopped = limits.admit("walker");

        assertThat(stopped.status()).isEqualTo(429);
        assertThat(stopped.problem()).isEqualTo("too-many-refusals");
        assertThat(stopped.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(limits.admit("border").admitted()).as("another caller").isTrue();
    }

    @Test
    void conflictsAndSuccessesDoNotCountAsRefusals() {
        ApiLimits limits = new ApiLimits(100, 2, 10, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(limits.admit("desk").admitted()).isTrue();
            limits.done("desk", i % 2 == 0 ? 409 : 201);
        }
        assertThat(limits.admit("desk").admitted()).isTrue();
    }

    @Test
    void aCallerWithAsManyCallsUnderWayAsItMayIsToldToWaitAndOthersGoOn() {
        ApiLimits limits = new ApiLimits(100, 60, 2, 10);
        assertThat(limits.admit("border").admitted()).isTrue();
        assertThat(limits.admit("border").admitted()).isTrue();

        ApiLimits.Admission third = limits.admit("border");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.problem()).isEqualTo("too-many-concurrent-calls");
        assertThat(third.retryAfterSeconds()).isEqualTo(1);
        assertThat(limits.admit("desk").admitted()).as("another caller").isTrue();
        limits.done("border", 200);
        assertThat(limits.admit("border").admitted()).as("one call ended").isTrue();
    }

    @Test
    void aCallBeyondTheCallsAtOnceWaitsForItsTurnThenIsToldThePortalIsBusy() throws Exception {
        ApiLimits limits = new ApiLimits(100, 60, 1, 1);
        assertThat(limits.admit("border").admitted()).isTrue();

        ApiLimits.Admission busy = CompletableFuture.supplyAsync(() -> limits.admit("desk")).get(10, TimeUnit.SECONDS);
        ApiLimits.Admission busyAgain = CompletableFuture.supplyAsync(() -> limits.admit("desk")).get(10, TimeUnit.SECONDS);

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.problem()).isEqualTo("overloaded");
        assertThat(busy.retryAfterSeconds()).isEqualTo(1);
        assertThat(busyAgain.problem()).as("a refused call gave its own turn back").isEqualTo("overloaded");

        limits.done("border", 200);
        assertThat(limits.admit("desk").admitted()).as("the turn given back").isTrue();
    }

    /**
     * A waiting call holds one of the portal's request threads: beyond the calls that may wait, a call is told at once
     * that the portal is busy, so API calls never take every thread from the pages.
     */
    @Test
    void beyondTheCallsThatMayWaitACallIsToldAtOnceThatThePortalIsBusy() throws Exception {
        ApiLimits limits = new ApiLimits(100, 60, 10, 1, 1);
        assertThat(limits.admit("border").admitted()).isTrue();
        CompletableFuture<ApiLimits.Admission> waits = CompletableFuture.supplyAsync(() -> limits.admit("desk"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limits.waiting() == 0 && !waits.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(limits.waiting()).as("the second call waits for its turn").isEqualTo(1);

        long start = System.nanoTime();
        ApiLimits.Admission third = limits.admit("interpol");
        assertThat(third.problem()).isEqualTo("overloaded");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("told at once, not after a wait").isLessThan(ApiLimits.TURN_WAIT);

        limits.done("border", 200);
        assertThat(waits.get(10, TimeUnit.SECONDS).admitted()).as("the waiting call got the turn given back").isTrue();
    }
}
