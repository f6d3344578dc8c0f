package com.dealradar.gateway.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The composite answers. Their parts are the backends' own representations, passed on unchanged (the
 * backends own those schemas; the contract refers to them by name, see ContractFilter).
 */
public final class Views {

    private Views() {}

    @Schema(
            name = "TruncatedPart",
            description = "A part of a composite answer that shows only the first items of a longer list")
    public record TruncatedPart(
            @Schema(description = "Name of the cut member of the answer", examples = "deals", required = true)
            String part,

            @Schema(description = "How many items the answer shows", examples = "200", required = true)
            int shown,

            @Schema(
                    description = "Public path of the next page of the full list (its items after those shown)",
                    examples = "/api/v1/deals?region=CN&limit=200&cursor=eyJrIjpbIjIwMTciXX0",
                    required = true)
            String next) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "DealDossier",
            description =
                    "A deal with its participants' company summaries, its regulatory matters (with deadlines) and the certifications of its participants relevant to the regions it touches")
    public record DealDossier(
            @Schema(description = "The deal, as GET /api/v1/deals/{id} answers it", required = true)
            JsonNode deal,

            @Schema(
                    description =
                            "The participants with their companies; company is absent when company-service could not be read",
                    required = true)
            List<DossierParticipant> participants,

            @Schema(
                    description =
                            "Regulatory matters on the deal, with their current statutory deadlines; absent when region-service could not be read",
                    type = SchemaType.ARRAY)
            JsonNode regulatoryMatters,

            @Schema(
                    description =
                            "Certifications of the participants in the regions the deal touches (or without a region); absent when region-service could not be read",
                    type = SchemaType.ARRAY)
            JsonNode certifications,

            @Schema(
                    description =
                            "One entry per part that has more items than this answer shows, with the link to the rest; absent when nothing was cut")
            List<TruncatedPart> truncated,

            @Schema(
                    description =
                            "True when every part could be read in full (also in the X-DealRadar-Completed header): nothing missing, nothing truncated",
                    required = true)
            boolean complete,

            @Schema(description = "One problem per missing part (also named in the X-DealRadar-Missing-Parts header)")
            List<MissingPart> missing) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DossierParticipant", description = "A participant of a deal with its company summary")
    public record DossierParticipant(
            @Schema(
                    description = "Company id in company-service",
                    examples = "0ac5b527-f0f8-5f43-be35-bdfe16ff147a",
                    required = true)
            String companyId,

            @Schema(
                    description = "Role in the deal (as the deal's participants say it)",
                    ref = "ParticipantRole",
                    examples = "acquirer",
                    required = true)
            String role,

            @Schema(description = "What this party does in the deal", examples = "buyer")
            String note,

            @Schema(description = "The company summary from company-service")
            JsonNode company) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "CompanyProfile",
            description =
                    "A company with its parents and subsidiaries, its deals by role, its certifications and its open regulatory matters")
    public record CompanyProfile(
            @Schema(description = "The company, as GET /api/v1/companies/{idOrSlug} answers it", required = true)
            JsonNode company,

            @Schema(description = "Companies that own this one", type = SchemaType.ARRAY, required = true)
            JsonNode parents,

            @Schema(
                    description = "Companies this one owns or holds a stake in",
                    type = SchemaType.ARRAY,
                    required = true)
            JsonNode subsidiaries,

            @Schema(
                    description =
                            "Deals the company takes part in, by its role (acquirer, target, partner...); absent when deal-service could not be read")
            Map<String, List<JsonNode>> dealsByRole,

            @Schema(
                    description =
                            "Certifications and attestations of the company; absent when region-service could not be read",
                    type = SchemaType.ARRAY)
            JsonNode certifications,

            @Schema(
                    description =
                            "Regulatory matters about the company that are still open; absent when region-service could not be read",
                    type = SchemaType.ARRAY)
            JsonNode openRegulatoryMatters,

            @Schema(
                    description =
                            "One entry per part that has more items than this answer shows, with the link to the rest; absent when nothing was cut")
            List<TruncatedPart> truncated,

            @Schema(
                    description = "True when every part could be read in full: nothing missing, nothing truncated",
                    required = true)
            boolean complete,

            @Schema(description = "One problem per missing part")
            List<MissingPart> missing) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "RegionOverview",
            description = "A region with its regimes, its open regulatory matters and the deals touching it")
    public record RegionOverview(
            @Schema(description = "The region, as GET /api/v1/regions/{code} answers it", required = true)
            JsonNode region,

            @Schema(
                    description = "Regulatory regimes of the region; absent when region-service could not be read",
                    type = SchemaType.ARRAY)
            JsonNode regimes,

            @Schema(description = "Regulatory matters in the region that are still open", type = SchemaType.ARRAY)
            JsonNode openRegulatoryMatters,

            @Schema(
                    description =
                            "Deals touching the region, most recently announced first; absent when deal-service could not be read",
                    type = SchemaType.ARRAY)
            JsonNode deals,

            @Schema(
                    description =
                            "One entry per part that has more items than this answer shows, with the link to the rest; absent when nothing was cut")
            List<TruncatedPart> truncated,

            @Schema(
                    description = "True when every part could be read in full: nothing missing, nothing truncated",
                    required = true)
            boolean complete,

            @Schema(description = "One problem per missing part")
            List<MissingPart> missing) {}
}
