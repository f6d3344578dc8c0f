package com.dealradar.region.client;

import com.dealradar.platform.client.CallerTimeoutPropagation;
import com.dealradar.platform.client.KnownIds;
import com.dealradar.platform.client.ServiceGuards;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** deal-service, as far as region-service needs it: which of some deal ids exist. */
@ApplyGuard(ServiceGuards.DEAL_SERVICE)
@RegisterProvider(CallerTimeoutPropagation.class)
@RegisterRestClient(configKey = "deal-service")
@Path("/deals")
@Produces(MediaType.APPLICATION_JSON)
@RegisterClientHeaders
public interface DealClient {

    /** At most 200 ids; ids missing from the items do not exist. An idempotent GET, so it is retried. */
    @GET
    KnownIds.Page byIds(@QueryParam("ids") String commaSeparatedIds, @QueryParam("limit") int limit);
}
