package com.dealradar.region.client;

import com.dealradar.platform.client.KnownIds;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** company-service, as far as region-service needs it: which of some company ids exist. */
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
}
