package com.dealradar.gateway.composite;

import static com.dealradar.gateway.client.Backends.COMPANY;
import static com.dealradar.gateway.client.Backends.DEAL;
import static com.dealradar.gateway.client.Backends.REGION;
import static com.dealradar.gateway.composite.PartReader.encode;

import com.dealradar.gateway.api.GatewayProblems;
import com.dealradar.gateway.client.Backends;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The composite reads. Every part that does not depend on another is requested at once; a part that needs
 * the core resource's data (participants, a company's id when a slug was given) starts as soon as that
 * arrives. The core resource decides: unreadable means 503 + Retry-After, refused (404, 400) is passed on;
 * any other part that fails is left out and named.
 */
@ApplicationScoped
public class Composites {

    static final int PART_LIMIT = 200;
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PartReader reader;
    private final Backends backends;

    Composites(PartReader reader, Backends backends) {
        this.reader = reader;
        this.backends = backends;
    }

    public CompletionStage<Response> dossier(String id, Map<String, List<String>> headers, String instance, String requestId) {
        CompletableFuture<Outcome> deal = reader.read(DEAL, "/deals/" + encode(id), headers);
        CompletableFuture<Outcome> matters = reader.read(REGION, "/regulatory-matters?dealId=" + encode(id) + "&limit=" + PART_LIMIT, headers);
        return deal.thenCompose(core -> {
            if (!(core instanceof Outcome.Ok ok) || !ok.body().isObject()) {
                return CompletableFuture.completedFuture(coreUnavailable(core, DEAL, "deal", instance, requestId));
            }
            JsonNode dealBody = ok.body();
            Set<String> companyIds = new LinkedHashSet<>();
            dealBody.path("participants").forEach(p -> companyIds.add(p.path("companyId").asText()));
            companyIds.remove("");
            CompletableFuture<Outcome> companies = companyIds.isEmpty()
                    ? CompletableFuture.completedFuture(new Outcome.Ok(emptyPage()))
                    : reader.read(COMPANY, "/companies?ids=" + encode(String.join(",", companyIds)) + "&limit=" + PART_LIMIT, headers);
            List<CompletableFuture<Outcome>> certifications = companyIds.stream()
                    .map(companyId -> reader.read(REGION, "/certifications?companyId=" + encode(companyId) + "&limit=" + PART_LIMIT, headers))
                    .toList();
            List<CompletableFuture<?>> all = new ArrayList<>(certifications);
            all.add(companies);
            all.add(matters);
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
                Composition composition = new Composition(instance);
                ArrayNode companyItems = composition.items("participants.company", COMPANY, companies.join());
                Map<String, JsonNode> companyById = new LinkedHashMap<>();
                if (companyItems != null) {
                    companyItems.forEach(c -> companyById.put(c.path("id").asText(), c));
                }
                List<Views.DossierParticipant> participants = new ArrayList<>();
                dealBody.path("participants").forEach(p -> participants.add(new Views.DossierParticipant(
                        p.path("companyId").asText(null), p.path("role").asText(null),
                        p.hasNonNull("note") ? p.get("note").asText() : null,
                        companyById.get(p.path("companyId").asText()))));
                ArrayNode matterItems = composition.items("regulatoryMatters", REGION, matters.join());
                Set<String> regions = new LinkedHashSet<>();
                dealBody.path("regions").forEach(r -> regions.add(r.asText()));
                ArrayNode relevant = null;
                boolean certificationsMissing = false;
                ArrayNode collected = JsonNodeFactory.instance.arrayNode();
                Set<String> seen = new java.util.HashSet<>();
                for (CompletableFuture<Outcome> part : certifications) {
                    ArrayNode items = composition.items("certifications", REGION, part.join());
                    if (items == null) {
                        certificationsMissing = true;
                        continue;
                    }
                    items.forEach(c -> {
                        String region = c.path("regionCode").asText(c.path("region").asText(""));
                        if ((region.isEmpty() || regions.contains(region)) && seen.add(c.path("id").asText())) {
                            collected.add(c);
                        }
                    });
                }
                if (!certificationsMissing) {
                    relevant = collected;
                }
                return composition.ok(new Views.DealDossier(dealBody, participants, matterItems, relevant,
                        composition.complete(), composition.missingParts().isEmpty() ? null : dedupe(composition.missingParts())));
            });
        });
    }

    public CompletionStage<Response> profile(String idOrSlug, Map<String, List<String>> headers, String instance, String requestId) {
        CompletableFuture<Outcome> company = reader.read(COMPANY, "/companies/" + encode(idOrSlug), headers);
        if (UUID_SHAPE.matcher(idOrSlug).matches()) {
            return profileParts(company, CompletableFuture.completedFuture(idOrSlug.toLowerCase(java.util.Locale.ROOT)), headers, instance, requestId);
        }
        CompletableFuture<String> id = company.thenApply(o -> o instanceof Outcome.Ok ok ? ok.body().path("id").asText("") : "");
        return profileParts(company, id, headers, instance, requestId);
    }

    private CompletionStage<Response> profileParts(CompletableFuture<Outcome> company, CompletableFuture<String> id,
            Map<String, List<String>> headers, String instance, String requestId) {
        CompletableFuture<Outcome> deals = id.thenCompose(i -> i.isEmpty() ? notNeeded()
                : reader.read(DEAL, "/deals?company=" + encode(i) + "&limit=" + PART_LIMIT, headers));
        CompletableFuture<Outcome> certifications = id.thenCompose(i -> i.isEmpty() ? notNeeded()
                : reader.read(REGION, "/certifications?companyId=" + encode(i) + "&limit=" + PART_LIMIT, headers));
        CompletableFuture<Outcome> matters = id.thenCompose(i -> i.isEmpty() ? notNeeded()
                : reader.read(REGION, "/regulatory-matters?companyId=" + encode(i) + "&open=true&limit=" + PART_LIMIT, headers));
        return company.thenCompose(core -> {
            if (!(core instanceof Outcome.Ok ok) || !ok.body().isObject()) {
                return CompletableFuture.completedFuture(coreUnavailable(core, COMPANY, "company", instance, requestId));
            }
            return CompletableFuture.allOf(deals, certifications, matters).thenApply(done -> {
                Composition composition = new Composition(instance);
                JsonNode body = ok.body();
                String companyId = body.path("id").asText();
                ArrayNode dealItems = composition.items("dealsByRole", DEAL, deals.join());
                Map<String, List<JsonNode>> byRole = null;
                if (dealItems != null) {
                    byRole = new java.util.TreeMap<>();
                    for (JsonNode d : dealItems) {
                        Set<String> roles = new LinkedHashSet<>();
                        d.path("participants").forEach(p -> {
                            if (companyId.equals(p.path("companyId").asText())) {
                                roles.add(p.path("role").asText());
                            }
                        });
                        for (String role : roles) {
                            byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(d);
                        }
                    }
                }
                ArrayNode certificationItems = composition.items("certifications", REGION, certifications.join());
                ArrayNode matterItems = composition.items("openRegulatoryMatters", REGION, matters.join());
                return composition.ok(new Views.CompanyProfile(body,
                        body.has("parents") ? body.get("parents") : JsonNodeFactory.instance.arrayNode(),
                        body.has("subsidiaries") ? body.get("subsidiaries") : JsonNodeFactory.instance.arrayNode(),
                        byRole, certificationItems, matterItems, composition.complete(),
                        composition.missingParts().isEmpty() ? null : composition.missingParts()));
            });
        });
    }

    public CompletionStage<Response> overview(String code, Map<String, List<String>> headers, String instance, String requestId) {
        CompletableFuture<Outcome> region = reader.read(REGION, "/regions/" + encode(code), headers);
        CompletableFuture<Outcome> regimes = reader.read(REGION, "/regimes?region=" + encode(code) + "&limit=" + PART_LIMIT, headers);
        CompletableFuture<Outcome> matters = reader.read(REGION, "/regulatory-matters?region=" + encode(code) + "&open=true&limit=" + PART_LIMIT, headers);
        CompletableFuture<Outcome> deals = reader.read(DEAL, "/deals?region=" + encode(code) + "&limit=" + PART_LIMIT, headers);
        return region.thenCompose(core -> {
            if (!(core instanceof Outcome.Ok ok) || !ok.body().isObject()) {
                return CompletableFuture.completedFuture(coreUnavailable(core, REGION, "region", instance, requestId));
            }
            return CompletableFuture.allOf(regimes, matters, deals).thenApply(done -> {
                Composition composition = new Composition(instance);
                ArrayNode regimeItems = composition.items("regimes", REGION, regimes.join());
                ArrayNode matterItems = composition.items("openRegulatoryMatters", REGION, matters.join());
                ArrayNode dealItems = composition.items("deals", DEAL, deals.join());
                return composition.ok(new Views.RegionOverview(ok.body(), regimeItems, matterItems, dealItems,
                        composition.complete(), composition.missingParts().isEmpty() ? null : composition.missingParts()));
            });
        });
    }

    private Response coreUnavailable(Outcome core, String service, String what, String instance, String requestId) {
        if (core instanceof Outcome.Refused refused) {
            return Composition.refused(refused, instance, requestId);
        }
        String reason = core instanceof Outcome.Failed failed ? failed.failure().getMessage()
                : service + " answered with something other than a JSON object";
        return GatewayProblems.unavailable("The " + what + " cannot be read: " + reason + "; retry later", instance, requestId,
                backends.client(service).retryAfter());
    }

    private static CompletableFuture<Outcome> notNeeded() {
        return CompletableFuture.completedFuture(new Outcome.Ok(emptyPage()));
    }

    private static JsonNode emptyPage() {
        return JsonNodeFactory.instance.objectNode().set("items", JsonNodeFactory.instance.arrayNode());
    }

    /** One problem per missing part: several failed reads of the same part (certifications per participant) count once. */
    private static List<MissingPart> dedupe(List<MissingPart> parts) {
        Map<String, MissingPart> byPart = new LinkedHashMap<>();
        parts.forEach(p -> byPart.putIfAbsent(p.part(), p));
        return List.copyOf(byPart.values());
    }
}
