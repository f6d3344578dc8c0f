package com.dealradar.platform.client;

import com.dealradar.platform.http.CurrentRouting;
import com.dealradar.platform.http.HttpConfig;
import com.dealradar.platform.problem.ProblemException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How long the caller of the current request waits for its answer, when it says so with {@value #HEADER}: the
 * gateway sends its timeout with every call to a backend, and a service passes what is left of it on to the services
 * it calls ({@link CallerTimeoutPropagation}). Work the caller will no longer wait for is not done: a call to another
 * service is not retried, nor made, once the time is up ({@link ServiceGuards}), and a write whose caller has stopped
 * waiting is not committed ({@link #requireTimeLeftToCommit}). Without this, a backend retrying a slow dependency
 * (three attempts of 2.5 s) went on long after the gateway had answered 504 (after 3 s), and then committed: the
 * client, told the write failed, wrote it again. Now the gateway's 504 means the write was not kept, but for a commit
 * that began in the last tenth of the time.
 *
 * <p>The time is counted from the request's arrival, less a tenth of it kept for the answer's way back. Without the
 * header (a direct call, background work) nothing is limited. Only DealRadar's own services set it: the gateway,
 * whose callers are the public, ignores it ({@code dealradar.http.caller-timeouts=false}).
 */
@ApplicationScoped
public class CallerTimeout {

    public static final String HEADER = "X-Request-Timeout-Ms";

    /** A retry waits 150-250 ms and then needs time to be answered: with less than this left it is not made. */
    static final long ANOTHER_ATTEMPT_MS = 500;

    /** Longer than any wait a service means; a larger value is not taken as a limit. */
    private static final long LONGEST_MS = TimeUnit.MINUTES.toMillis(10);

    private static final String DEADLINE = CallerTimeout.class.getName();

    private final HttpConfig config;
    private final DependencyConfig dependencies;

    CallerTimeout(HttpConfig config, DependencyConfig dependencies) {
        this.config = config;
        this.dependencies = dependencies;
    }

    void install(@Observes Router router) {
        if (!config.callerTimeouts()) {
            return;
        }
        // Right after the request id: the time counts from the request's arrival, before any queueing for a worker.
        router.route().order(Integer.MIN_VALUE + 11).handler(ctx -> {
            long budget = millis(ctx.request().getHeader(HEADER));
            if (budget > 0) {
                ctx.put(DEADLINE, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budget - budget / 10));
            }
            ctx.next();
        });
    }

    /**
     * Refuses to commit the current request's write once its caller has stopped waiting: 503 with Retry-After, and
     * the transaction rolls back. Called where every write is recorded, just before its commit.
     */
    public void requireTimeLeftToCommit() {
        OptionalLong left = remainingMillis();
        if (left.isPresent() && left.getAsLong() <= 0) {
            throw ProblemException.unavailable(
                    "A service this write depends on answered too slowly: the time the caller waits ran out before"
                            + " the write could be committed; nothing was written, retry later",
                    dependencies.retryAfter());
        }
    }

    /** What is left of the current request's time, in milliseconds (0 or less: none), or empty when it has no limit. */
    public static OptionalLong remainingMillis() {
        RoutingContext request = CurrentRouting.orNull();
        Long deadline = request == null ? null : request.get(DEADLINE);
        return deadline == null
                ? OptionalLong.empty()
                : OptionalLong.of(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Whether the current request has time for one more attempt at a call to another service. */
    static boolean allowsAnotherAttempt() {
        OptionalLong left = remainingMillis();
        return left.isEmpty() || left.getAsLong() >= ANOTHER_ATTEMPT_MS;
    }

    /** A header's budget in milliseconds, or 0 when absent or not a sane positive number. */
    static long millis(String header) {
        if (header == null || header.isEmpty() || header.length() > 9) {
            return 0;
        }
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) < '0' || header.charAt(i) > '9') {
                return 0;
            }
        }
        long millis = Long.parseLong(header);
        return millis <= LONGEST_MS ? millis : 0;
    }

    /** The budget {@code timeout} gives a call, as the header's value. */
    public static String headerValue(Duration timeout) {
        return Long.toString(Math.max(1, timeout.toMillis()));
    }
}
