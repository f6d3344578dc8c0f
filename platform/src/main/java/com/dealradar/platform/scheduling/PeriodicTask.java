package com.dealradar.platform.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Background work that runs in rounds (the gateway's event relay and webhook dispatcher, region-service's deadline
 * events), on a thread of its own with a fixed delay between rounds. Written here once because each needs the same
 * three things a bare executor gets wrong: a failing round is logged and the next one still runs (an uncaught
 * exception or error would cancel the schedule silently); rounds never overlap; and a stop lets the round in progress finish
 * (within {@link #GRACE}, inside the services' 20 s shutdown timeout) instead of interrupting it halfway.
 *
 * <p>Not the Quarkus scheduler: its simple scheduler checks its triggers once a second, and the event relay runs
 * every few hundred milliseconds.
 */
public final class PeriodicTask implements AutoCloseable {

    /** How long a stop waits for the round in progress. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(PeriodicTask.class);

    private final String name;
    private final ScheduledExecutorService timer;

    private PeriodicTask(String name, ScheduledExecutorService timer) {
        this.name = name;
        this.timer = timer;
    }

    /** Runs {@code round} after {@code initialDelay}, then {@code every} after each round ends. */
    public static PeriodicTask start(String name, Duration initialDelay, Duration every, Runnable round) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).factory());
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        round.run();
                    } catch (RuntimeException e) {
                        LOG.warnf("%s: round failed (%s); the next round runs as scheduled", name, e.toString());
                    } catch (Error e) {
                        // Caught too (a StackOverflowError, a class that fails to load): escaping, it would cancel
                        // the schedule for good while the service stayed live, the relay or deliveries stopped.
                        LOG.errorf(e, "%s: round failed; the next round runs as scheduled", name);
                    }
                },
                initialDelay.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        return new PeriodicTask(name, timer);
    }

    /** No new round starts; the one in progress may finish within {@link #GRACE}, then it is interrupted. */
    @Override
    public void close() {
        close(GRACE);
    }

    /** No new round starts; the one in progress may finish within {@code grace} (a round's own bound), then it is interrupted. */
    public void close(Duration grace) {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s: the round in progress did not finish within %s; interrupted", name, grace);
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
