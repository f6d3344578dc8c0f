package com.dealradar.deal.client;

import com.dealradar.platform.client.CallerTimeoutPropagation;
import com.dealradar.platform.client.ServiceGuards;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * region-service, as far as deal-service needs it: whether open regulatory matters keep a deal from completing, and
 * whether a deal has any regulatory matters at all (a deal with some is not deleted).
 */
@ApplyGuard(ServiceGuards.REGION_SERVICE)
@RegisterProvider(CallerTimeoutPropagation.class)
@RegisterRestClient(configKey = "region-service")
@Produces(MediaType.APPLICATION_JSON)
@RegisterClientHeaders
public interface RegionClient {

    /** An idempotent GET, so it is retried. */
    @GET
    @Path("/clearances/{dealId}")
    Clearance clearance(@PathParam("dealId") UUID dealId);

    /** The first {@code limit} regulatory matters of a deal, open or not. An idempotent GET, so it is retried. */
    @GET
    @Path("/regulatory-matters")
    MatterPage mattersOf(@QueryParam("dealId") UUID dealId, @QueryParam("limit") int limit);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatterPage(List<Matter> items) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Matter(String id, String status, String regionCode) {}

    /** A deal with no matters is clear. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Clearance(UUID dealId, boolean clear, List<BlockingMatter> blockingMatters) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BlockingMatter(
            String id,
            String regimeCode,
            String regimeName,
            String regionCode,
            String status,
            LocalDate periodEndedOn) {}
}
