package com.dealradar.region.api;

import com.dealradar.region.domain.MatterService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clearances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clearances")
public class ClearanceResource {

    private final MatterService matters;

    ClearanceResource(MatterService matters) {
        this.matters = matters;
    }

    @GET
    @Path("/{dealId}")
    @Operation(
            summary = "Whether a deal may complete",
            description =
                    "Blocking: matters on the deal that are open (not in a terminal status) under a regime that is mandatory and"
                            + " suspensory (its version governing the matter, or the matter's trigger rule where that has its own"
                            + " flags). "
                            + "A deal with no matters is clear. deal-service calls this before a change to completed.")
    @APIResponse(
            responseCode = "200",
            description = "The answer",
            content = @Content(schema = @Schema(implementation = Views.ClearanceView.class)))
    @APIResponse(responseCode = "400", description = "Not a UUID")
    public Views.ClearanceView clearance(
            @Parameter(description = "deal-service id", example = "fc47ec4c-3e52-5409-8a40-e1b874aa8538")
                    @PathParam("dealId")
                    UUID id) {
        return matters.blockingFor(id, open -> {
            List<Views.BlockingMatter> blocking = open.stream()
                    .map(m -> new Views.BlockingMatter(
                            m.id,
                            m.regime.code,
                            m.regime.name,
                            m.regionCode,
                            m.status,
                            matters.periodEndedOn(m).orElse(null)))
                    .toList();
            return new Views.ClearanceView(id, blocking.isEmpty(), blocking);
        });
    }
}
