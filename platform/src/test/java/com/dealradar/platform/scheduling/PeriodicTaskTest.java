package com.dealradar.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodicTaskTest {

    /** A round failing with an exception, or an Error (a class that failed to load), which cancels a bare schedule. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFailingRoundDoesNotStopTheSchedule(boolean withAnError) throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        try (PeriodicTask task = PeriodicTask.start("failing", Duration.ZERO, Duration.ofMillis(10), () -> {
            rounds.incrementAndGet();
            three.countDown();
            if (withAnError) {
                throw new NoClassDefFoundError("a class that failed to load");
            }
            throw new IllegalStateException("round fails");
        })) {
            assertThat(three.await(10, TimeUnit.SECONDS))
                    .as("rounds after failing ones")
                    .isTrue();
        }
        System.out.println(
                "rounds failing with " + (withAnError ? "an Error" : "an exception") + " run: " + rounds.get());
        assertThat(rounds.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void closeLetsTheRoundInProgressFinishAndStartsNoOther() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger begun = new AtomicInteger();
        PeriodicTask task = PeriodicTask.start("slow", Duration.ZERO, Duration.ofMillis(1), () -> {
            begun.incrementAndGet();
            started.countDown();
            try {
                Thread.sleep(300);
                finished.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        task.close();
        int begunAtClose = begun.get();
        Thread.sleep(50);
        System.out.printf("rounds begun %d, finished %d%n", begun.get(), finished.get());
        assertThat(finished.get())
                .as("the round in progress was not interrupted")
                .isEqualTo(begunAtClose);
        assertThat(begun.get()).as("no round starts after close").isEqualTo(begunAtClose);
    }
}
