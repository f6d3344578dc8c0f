package com.dealradar.gateway.composite;

import static com.dealradar.gateway.client.Backends.COMPANY;
import static com.dealradar.gateway.client.Backends.DEAL;
import static com.dealradar.gateway.client.Backends.REGION;
import static com.dealradar.gateway.composite.PartReader.encode;

import com.dealradar.gateway.api.GatewayProblems;
import com.dealradar.gateway.api.PublicPaths;
import com.dealradar.gateway.client.Backends;
import com.dealradar.gateway.client.CallerHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The composite reads. Every part that does not depend on another is requested at once; a part that needs
 * the core resource's data (participants, a company's id when a slug was given) starts as soon as that
 * arrives. The core resource decides: unreadable means 503 + Retry-After, refused (404, 400) is passed on;
 * any other part that fails is left out and named, and a part longer than {@value #PART_LIMIT} items is cut
 * and named with the link to the rest. Ids are checked before any backend path is built from them.
 *
 * <p>The dossier's participant reads need the deal's participants, which makes them a second round trip after the
 * deal. To make a repeated dossier cost one round trip, the participant ids last seen for a deal are remembered for a
 * minute and, when known, the participants' companies and certifications are requested together with the deal. The
 * deal read still decides: when its participants differ from the remembered ones, those early answers are dropped and
 * the parts are read again for the participants the deal names, so an answer never mixes two versions of a deal.
 */
@ApplicationScoped
public class Composites {

    static final int PART_LIMIT = 200;
    private static final Pattern REGION_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PartReader reader;
    private final Backends backends;
    private final Cache<String, List<String>> participantsSeen = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    Composites(PartReader reader, Backends backends) {
        this.reader = reader;
        this.backends = backends;
    }

    public CompletionStage<Response> dossier(String id, CallerHeaders headers, String instance, String requestId) {
        if (!UUID_SHAPE.matcher(id).matches()) {
            return refuse("id", "'" + id + "' is not a UUID", instance, requestId);
        }
        CompletableFuture<Outcome> deal = reader.read(DEAL, "/deals/" + encode(id), headers);
        String mattersPath = "/regulatory-matters?dealId=" + encode(id) + "&limit=" + PART_LIMIT;
        CompletableFuture<Outcome> matters = reader.read(REGION, mattersPath, headers);
        String dealKey = id.toLowerCase(Locale.ROOT);
        List<String> expected = participantsSeen.getIfPresent(dealKey);
        CompletableFuture<Outcome> earlyCompanies =
                expected == null ? null : reader.read(COMPANY, companiesPath(expected), headers);
        CompletableFuture<Outcome> earlyCertifications =
                expected == null ? null : reader.read(REGION, certificationsPath(expected), headers);
        return deal.thenCompose(core -> {
            if (!(core instanceof Outcome.Ok ok) || !ok.body().isObject()) {
                return CompletableFuture.completedFuture(coreUnavailable(core, DEAL, "deal", instance, requestId));
            }
            JsonNode dealBody = ok.body();
            Set<String> companyIds = new LinkedHashSet<>();
            dealBody.path("participants")
                    .forEach(p -> companyIds.add(p.path("companyId").asText()));
            companyIds.remove("");
            List<String> participantIds = List.copyOf(companyIds);
            boolean asExpected = participantIds.equals(expected);
            if (!participantIds.isEmpty() && !asExpected) {
                participantsSeen.put(dealKey, participantIds);
            }
            String companiesPath = companiesPath(participantIds);
            CompletableFuture<Outcome> companies = companyIds.isEmpty()
                    ? CompletableFuture.completedFuture(new Outcome.Ok(emptyPage()))
                    : asExpected ? earlyCompanies : reader.read(COMPANY, companiesPath, headers);
            // The certifications of all participants in one call (region-service takes several companyIds).
            String certificationsPath = certificationsPath(participantIds);
            CompletableFuture<Outcome> certifications = companyIds.isEmpty()
                    ? CompletableFuture.completedFuture(new Outcome.Ok(emptyPage()))
                    : asExpected ? earlyCertifications : reader.read(REGION, certificationsPath, headers);
            return CompletableFuture.allOf(companies, matters, certifications).thenApply(done -> {
                Composition composition = new Composition(instance);
                ArrayNode companyItems =
                        composition.items("participants.company", COMPANY, companies.join(), companiesPath);
                Map<String, JsonNode> companyById = new LinkedHashMap<>();
                if (companyItems != null) {
                    companyItems.forEach(c -> companyById.put(c.path("id").asText(), c));
                }
                List<Views.DossierParticipant> participants = new ArrayList<>();
                dealBody.path("participants")
                        .forEach(p -> participants.add(new Views.DossierParticipant(
                                p.path("companyId").asText(null),
                                p.path("role").asText(null),
                                p.hasNonNull("note") ? p.get("note").asText() : null,
                                companyById.get(p.path("companyId").asText()))));
                ArrayNode matterItems = composition.items("regulatoryMatters", REGION, matters.join(), mattersPath);
                Set<String> regions = new LinkedHashSet<>();
                dealBody.path("regions").forEach(r -> regions.add(r.asText()));
                ArrayNode relevant = null;
                ArrayNode items =
                        composition.items("certifications", REGION, certifications.join(), certificationsPath);
                if (items != null) {
                    relevant = JsonNodeFactory.instance.arrayNode();
                    for (JsonNode c : items) {
                        String region =
                                c.path("regionCode").asText(c.path("region").asText(""));
                        if (region.isEmpty() || regions.contains(region)) {
                            relevant.add(c);
                        }
                    }
                    composition.shown("certifications", relevant.size());
                }
                return composition.ok(new Views.DealDossier(
                        dealBody,
                        participants,
                        matterItems,
                        relevant,
                        composition.truncatedParts(),
                        composition.complete(),
                        composition.missingParts().isEmpty() ? null : dedupe(composition.missingParts())));
            });
        });
    }

    public CompletionStage<Response> profile(
            String idOrSlug, CallerHeaders headers, String instance, String requestId) {
        Optional<String> refused = PublicPaths.refusedValue(idOrSlug);
        if (refused.isPresent()) {
            return refuse("idOrSlug", refused.get(), instance, requestId);
        }
        CompletableFuture<Outcome> company = reader.read(COMPANY, "/companies/" + encode(idOrSlug), headers);
        if (UUID_SHAPE.matcher(idOrSlug).matches()) {
            return profileParts(
                    company,
                    CompletableFuture.completedFuture(idOrSlug.toLowerCase(Locale.ROOT)),
                    headers,
                    instance,
                    requestId);
        }
        CompletableFuture<String> id = company.thenApply(
                o -> o instanceof Outcome.Ok ok ? ok.body().path("id").asText("") : "");
        return profileParts(company, id, headers, instance, requestId);
    }

    private CompletionStage<Response> profileParts(
            CompletableFuture<Outcome> company,
            CompletableFuture<String> id,
            CallerHeaders headers,
            String instance,
            String requestId) {
        CompletableFuture<Outcome> deals =
                id.thenCompose(i -> i.isEmpty() ? notNeeded() : reader.read(DEAL, dealsOf(i), headers));
        CompletableFuture<Outcome> certifications =
                id.thenCompose(i -> i.isEmpty() ? notNeeded() : reader.read(REGION, certificationsOf(i), headers));
        CompletableFuture<Outcome> matters =
                id.thenCompose(i -> i.isEmpty() ? notNeeded() : reader.read(REGION, openMattersOf(i), headers));
        return company.thenCompose(core -> {
            if (!(core instanceof Outcome.Ok ok) || !ok.body().isObject()) {
                return CompletableFuture.completedFuture(
                        coreUnavailable(core, COMPANY, "company", instance, requestId));
            }
            return CompletableFuture.allOf(deals, certifications, matters).thenApply(done -> {
                Composition composition = new Composition(instance);
                JsonNode body = ok.body();
                String companyId = body.path("id").asText();
                ArrayNode dealItems = composition.items("dealsByRole", DEAL, deals.join(), dealsOf(companyId));
                Map<String, List<JsonNode>> byRole = null;
                if (dealItems != null) {
                    byRole = new TreeMap<>();
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
                ArrayNode certificationItems =
                        composition.items("certifications", REGION, certifications.join(), certificationsOf(companyId));
                ArrayNode matterItems =
                        composition.items("openRegulatoryMatters", REGION, matters.join(), openMattersOf(companyId));
                return composition.ok(new Views.CompanyProfile(
                        body,
                        body.has("parents") ? body.get("parents") : JsonNodeFactory.instance.arrayNode(),
                        body.has("subsidiaries") ? body.get("subsidiaries") : JsonNodeFactory.instance.arrayNode(),
                        byRole,
                        certificationItems,
                        matterItems,
                        composition.truncatedParts(),
                        composition.complete(),
                        composition.missingParts().isEmpty() ? null : composition.missingParts()));
            });
        });
    }

    public CompletionStage<Response> overview(String code, CallerHeaders headers, String instance, String requestId) {
        if (!REGION_CODE.matcher(code).matches()) {
            return refuse(
                    "code",
                    "'" + code + "' is not a two-letter region code (ISO 3166-1 alpha-2, or EU)",
                    instance,
                    requestId);
        }
        CompletableFuture<Outcome> region = reader.read(REGION, "/regions/" + encode(code), headers);
        String regimesPath = "/regimes?region=" + encode(code) + "&limit=" + PART_LIMIT;
        String mattersPath = "/regulatory-matters?region=" + encode(code) + "&open=true&limit=" + PART_LIMIT;
        String dealsPath = "/deals?region=" + encode(code) + "&limit=" + PART_LIMIT;
        CompletableFuture<Outcome> regimes = reader.read(REGION, regimesPath, headers);
        CompletableFuture<Outcome> matters = reader.read(REGION, mattersPath, headers);
        CompletableFuture<Outcome> deals = reader.read(DEAL, dealsPath, headers);
        return region.thenCompose(core -> {
            if (!(core instanceof Outcome.Ok ok) || !ok.body().isObject()) {
                return CompletableFuture.completedFuture(coreUnavailable(core, REGION, "region", instance, requestId));
            }
            return CompletableFuture.allOf(regimes, matters, deals).thenApply(done -> {
                Composition composition = new Composition(instance);
                ArrayNode regimeItems = composition.items("regimes", REGION, regimes.join(), regimesPath);
                ArrayNode matterItems = composition.items("openRegulatoryMatters", REGION, matters.join(), mattersPath);
                ArrayNode dealItems = composition.items("deals", DEAL, deals.join(), dealsPath);
                return composition.ok(new Views.RegionOverview(
                        ok.body(),
                        regimeItems,
                        matterItems,
                        dealItems,
                        composition.truncatedParts(),
                        composition.complete(),
                        composition.missingParts().isEmpty() ? null : composition.missingParts()));
            });
        });
    }

    private Response coreUnavailable(Outcome core, String service, String what, String instance, String requestId) {
        if (core instanceof Outcome.Refused refused && refused.status() < 500) {
            return Composition.refused(refused, instance, requestId);
        }
        if (core instanceof Outcome.Refused unavailable && unavailable.status() == 503) {
            // The backend's own "unavailable, retry later" (its database is down, say): the caller is told the same.
            return GatewayProblems.unavailable(
                    "The " + what + " cannot be read: " + service + " is unavailable ("
                            + unavailable.problem().path("detail").asText("") + "); retry later",
                    instance,
                    requestId,
                    backends.client(service).retryAfter());
        }
        if (core instanceof Outcome.Refused failed) {
            // A problem answer, so not the backend's outage (no circuit counts it), but no answer either: 502.
            return GatewayProblems.badGateway(
                    "The " + what + " cannot be read: " + service + " answered " + failed.status() + " ("
                            + failed.problem().path("detail").asText("") + ")",
                    instance,
                    requestId);
        }
        String reason = core instanceof Outcome.Failed failed
                ? failed.failure().getMessage()
                : service + " answered with something other than a JSON object";
        return GatewayProblems.unavailable(
                "The " + what + " cannot be read: " + reason + "; retry later",
                instance,
                requestId,
                backends.client(service).retryAfter());
    }

    private static String companiesPath(List<String> companyIds) {
        return "/companies?ids=" + encode(String.join(",", companyIds)) + "&limit=" + PART_LIMIT;
    }

    private static String certificationsPath(List<String> companyIds) {
        return "/certifications?companyId=" + encode(String.join(",", companyIds)) + "&limit=" + PART_LIMIT;
    }

    private static String dealsOf(String companyId) {
        return "/deals?company=" + encode(companyId) + "&limit=" + PART_LIMIT;
    }

    private static String certificationsOf(String companyId) {
        return "/certifications?companyId=" + encode(companyId) + "&limit=" + PART_LIMIT;
    }

    private static String openMattersOf(String companyId) {
        return "/regulatory-matters?companyId=" + encode(companyId) + "&open=true&limit=" + PART_LIMIT;
    }

    /** 400 naming the path parameter, before any backend is asked. */
    private static CompletionStage<Response> refuse(
            String parameter, String message, String instance, String requestId) {
        return CompletableFuture.completedFuture(GatewayProblems.badParameter(parameter, message, instance, requestId));
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
