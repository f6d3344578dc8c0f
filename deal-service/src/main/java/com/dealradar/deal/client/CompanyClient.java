package com.dealradar.deal.client;

import com.dealradar.platform.client.CallerTimeoutPropagation;
import com.dealradar.platform.client.KnownIds;
import com.dealradar.platform.client.ServiceGuards;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * company-service, as far as deal-service needs it: which of some company ids exist, and which company a slug names.
 * Idempotent reads only, all guarded alike ({@link ServiceGuards}: timeout, retries, one breaker for company-service).
 */
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

    /**
     * The company a slug names. An idempotent GET, so it is retried; a 404 ({@link NoSuchCompany}) is an answer,
     * neither retried nor counted against company-service by the breaker.
     */
    @GET
    @Path("/{slug}")
    KnownIds.Item bySlug(@PathParam("slug") String slug);

    /** company-service's 404: no company has the slug. Other failures keep the default mapping. */
    @ClientExceptionMapper
    static RuntimeException notFound(Response response) {
        return response.getStatus() == 404 ? new NoSuchCompany() : null;
    }

    /** No company has the slug asked for: company-service's answer, not its failure. */
    final class NoSuchCompany extends ServiceGuards.DefiniteAnswer {
        NoSuchCompany() {
            super("company-service knows no company by that slug");
        }
    }
}
