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

/** company-service, as far as region-service needs it: which of some company ids exist. */
@ApplyGuard(ServiceGuards.COMPANY_SERVICE)
@RegisterProvider(CallerTimeoutPropagation.class)
@RegisterRestClient(configKey = "company-service")
@Path("/companies")
@Produces(MediaType.APPLICATION_JSON)
@RegisterClientHeaders
public interface CompanyClient {

    /** At most 200 ids; ids missing from the items do not exist. An idempotent GET, so it is retried. */
    @GET
    KnownIds.Page byIds(@QueryParam("ids") String commaSeparatedIds, @QueryParam("limit") int limit);
}
