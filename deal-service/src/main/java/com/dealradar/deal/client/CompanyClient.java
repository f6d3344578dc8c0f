package com.dealradar.deal.client;

import com.dealradar.platform.client.KnownIds;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** company-service, as far as deal-service needs it: which of some company ids exist, and which company a slug names. */
@RegisterRestClient(configKey = "company-service")
@Path("/companies")
@Produces(MediaType.APPLICATION_JSON)
@RegisterClientHeaders
public interface CompanyClient {

    /** At most 200 ids; ids missing from the items do not exist. An idempotent GET, so it is retried. */
    @GET
    @Timeout(value = 2500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 2,
            delay = 150,
            jitter = 100,
            abortOn = {CircuitBreakerOpenException.class, BulkheadException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Bulkhead(value = 20)
    KnownIds.Page byIds(@QueryParam("ids") String commaSeparatedIds, @QueryParam("limit") int limit);

    /**
     * The company a slug names. An idempotent GET, so it is retried; a 404 ({@link NoSuchCompany}) is an answer,
     * neither retried nor counted against company-service by the breaker.
     */
    @GET
    @Path("/{slug}")
    @Timeout(value = 2500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 2,
            delay = 150,
            jitter = 100,
            abortOn = {CircuitBreakerOpenException.class, BulkheadException.class, NoSuchCompany.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5000,
            successThreshold = 2,
            skipOn = NoSuchCompany.class)
    @Bulkhead(value = 20)
    KnownIds.Item bySlug(@PathParam("slug") String slug);

    /** company-service's 404: no company has the slug. Other failures keep the default mapping. */
    @ClientExceptionMapper
    static RuntimeException notFound(Response response) {
        return response.getStatus() == 404 ? new NoSuchCompany() : null;
    }

    /** No company has the slug asked for. */
    final class NoSuchCompany extends RuntimeException {
        NoSuchCompany() {
            super("company-service knows no company by that slug", null, false, false);
        }
    }
}
