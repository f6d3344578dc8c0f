package com.dealradar.platform.client;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The fault tolerance of every call one DealRadar service makes to another, written once: a REST client names its
 * service's guard ({@code @ApplyGuard(ServiceGuards.COMPANY_SERVICE)}) and every method of it shares that guard's
 * breaker and bulkhead. One breaker per service, not per method: a service that is down is down for every call.
 *
 * <p>Each attempt has 2.5 s; a failed one is retried twice after 150 ms (plus up to 100 ms of jitter), so a guarded
 * method must be an idempotent read. An open breaker or a full bulkhead is not retried, and neither is a call whose
 * caller ({@link CallerTimeout}) has less than half a second left to wait. The breaker opens when half of
 * the last 10 calls failed and lets calls through again after 5 s, closing after 2 successes. A
 * {@link DefiniteAnswer} (the other service's 404 for a name nobody has) is its answer, not its failure: neither
 * retried nor counted by the breaker. At most 20 calls to one service at once; a call beyond them is refused at
 * once (a 503 with Retry-After for its request) and not counted by the breaker.
 */
@ApplicationScoped
public class ServiceGuards {

    public static final String COMPANY_SERVICE = "company-service";
    public static final String DEAL_SERVICE = "deal-service";
    public static final String REGION_SERVICE = "region-service";

    /**
     * Not the other service's failure: its {@link DefiniteAnswer}, or a call not made because this request's caller
     * has stopped waiting ({@link CallerTimeoutPropagation.OutOfTime}, thrown by a client filter and so wrapped).
     */
    static boolean isAnswer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DefiniteAnswer || cause instanceof CallerTimeoutPropagation.OutOfTime) {
                return true;
            }
        }
        return false;
    }

    /** {@link #isAnswer}, or the guard's own refusal (an open breaker, a full bulkhead): nothing to retry. */
    static boolean isAnswerOrRefusal(Throwable failure) {
        return failure instanceof CircuitBreakerOpenException
                || failure instanceof BulkheadException
                || isAnswer(failure);
    }

    /**
     * An answer of the other service that a REST client maps to an exception (its {@code @ClientExceptionMapper}) but
     * that says nothing about the service's health.
     */
    public abstract static class DefiniteAnswer extends RuntimeException {
        protected DefiniteAnswer(String message) {
            super(message, null, false, false);
        }
    }

    @Produces
    @Singleton
    @Identifier(COMPANY_SERVICE)
    Guard companyService() {
        return guardOf(COMPANY_SERVICE);
    }

    @Produces
    @Singleton
    @Identifier(DEAL_SERVICE)
    Guard dealService() {
        return guardOf(DEAL_SERVICE);
    }

    @Produces
    @Singleton
    @Identifier(REGION_SERVICE)
    Guard regionService() {
        return guardOf(REGION_SERVICE);
    }

    static Guard guardOf(String service) {
        return Guard.create()
                .withDescription("calls to " + service)
                .withTimeout()
                .duration(2500, ChronoUnit.MILLIS)
                .done()
                .withRetry()
                .maxRetries(2)
                .delay(150, ChronoUnit.MILLIS)
                .jitter(100, ChronoUnit.MILLIS)
                .whenException(failure -> !isAnswerOrRefusal(failure) && CallerTimeout.allowsAnotherAttempt())
                .done()
                .withCircuitBreaker()
                .name(service)
                .requestVolumeThreshold(10)
                .failureRatio(0.5)
                .delay(5000, ChronoUnit.MILLIS)
                .successThreshold(2)
                // A full bulkhead is this service's own refusal, not the other service failing: counted, a burst
                // of more than 20 calls at once opened the breaker for 5 s on a healthy service.
                .when(failure -> !isAnswer(failure) && !(failure instanceof BulkheadException))
                .done()
                .withBulkhead()
                .limit(20)
                .done()
                .build();
    }
}
