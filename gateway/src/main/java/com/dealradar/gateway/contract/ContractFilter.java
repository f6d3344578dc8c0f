package com.dealradar.gateway.contract;

import com.dealradar.gateway.calendar.CalendarResource;
import com.dealradar.gateway.calendar.CalendarTokenAuthenticationMechanism;
import com.dealradar.gateway.events.EventTypes;
import com.dealradar.gateway.ratelimit.RateLimitFilter;
import com.dealradar.platform.openapi.ContractConventions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Finishes the gateway's OpenAPI document (run at build time): the composite answers refer to the backends'
 * own schemas by name (the gateway passes those parts on unchanged), and the security schemes of the API
 * (Keycloak OIDC with PKCE, bearer JWT, X-API-Key) are declared, any one of them accepted.
 */
public class ContractFilter implements OASFilter {

    /**
     * Where Swagger UI and generated clients sign in. The committed contract names the local-development
     * Keycloak; a production build sets {@code -Ddealradar.openapi.keycloak-url=https://auth.example.org}.
     */
    static final String KEYCLOAK_REALM_URL = ConfigProvider.getConfig()
                    .getOptionalValue("dealradar.openapi.keycloak-url", String.class)
                    .orElse("http://localhost:8180")
                    .replaceAll("/+$", "")
            + "/realms/dealradar";

    /** schema -> property -> backend schema it holds (an array of it when the property is an array). */
    static final Map<String, Map<String, String>> PART_REFS = Map.of(
            "DealDossier",
                    Map.of(
                            "deal",
                            "Deal",
                            "regulatoryMatters",
                            "RegulatoryMatter[]",
                            "certifications",
                            "Certification[]"),
            "DossierParticipant", Map.of("company", "Company"),
            "CompanyProfile",
                    Map.of(
                            "company",
                            "Company",
                            "parents",
                            "RelatedCompany[]",
                            "subsidiaries",
                            "RelatedCompany[]",
                            "certifications",
                            "Certification[]",
                            "openRegulatoryMatters",
                            "RegulatoryMatter[]",
                            "dealsByRole",
                            "Deal{}"),
            "RegionOverview",
                    Map.of(
                            "region",
                            "Region",
                            "regimes",
                            "RegimeSummary[]",
                            "openRegulatoryMatters",
                            "RegulatoryMatter[]",
                            "deals",
                            "Deal[]"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas() == null
                ? Map.of()
                : api.getComponents().getSchemas();
        PART_REFS.forEach((schemaName, properties) -> {
            Schema schema = schemas.get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            Map<String, Schema> props = new LinkedHashMap<>(schema.getProperties());
            properties.forEach((property, target) -> {
                Schema current = props.get(property);
                if (current == null) {
                    return;
                }
                String name = target.replace("[]", "").replace("{}", "");
                // The backend's schema when the document has it; a plain object otherwise.
                Schema item = schemas.containsKey(name)
                        ? OASFactory.createSchema().ref(name)
                        : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
                Schema replacement;
                if (target.endsWith("{}")) {
                    replacement = OASFactory.createSchema()
                            .addType(Schema.SchemaType.OBJECT)
                            .additionalPropertiesSchema(OASFactory.createSchema()
                                    .addType(Schema.SchemaType.ARRAY)
                                    .items(item));
                } else if (target.endsWith("[]")) {
                    replacement = OASFactory.createSchema()
                            .addType(Schema.SchemaType.ARRAY)
                            .items(item);
                } else {
                    replacement = item;
                }
                replacement.setDescription(current.getDescription());
                props.put(property, replacement);
            });
            schema.setProperties(props);
        });
        if (api.getComponents().getSchemas() != null) {
            // Jackson's JsonNode (the composites' parts are passed on as JSON) is no part of the contract.
            new ArrayList<>(api.getComponents().getSchemas().keySet())
                    .stream().filter(name -> name.startsWith("JsonNode")).forEach(api.getComponents()::removeSchema);
        }

        api.getComponents()
                .addSecurityScheme(
                        "keycloak",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description(
                                        "Keycloak (realm dealradar): OAuth 2.0 authorization code flow with PKCE, for people in a "
                                                + "browser (frontends, Swagger UI). Roles: viewer (read), analyst (write), admin (partners and API keys).")
                                .flows(OASFactory.createOAuthFlows()
                                        .authorizationCode(OASFactory.createOAuthFlow()
                                                .authorizationUrl(KEYCLOAK_REALM_URL + "/protocol/openid-connect/auth")
                                                .tokenUrl(KEYCLOAK_REALM_URL + "/protocol/openid-connect/token")
                                                .refreshUrl(KEYCLOAK_REALM_URL + "/protocol/openid-connect/token")
                                                .scopes(new LinkedHashMap<>(
                                                        Map.of("openid", "OpenID Connect sign-in"))))));
        api.getComponents()
                .addSecurityScheme(
                        "bearerJwt",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description(
                                        "An access token (JWT) issued by Keycloak realm dealradar, sent as `Authorization: Bearer <token>`."));
        api.getComponents()
                .addSecurityScheme(
                        "apiKey",
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("X-API-Key")
                                .description("A partner API key, for machine-to-machine integrations."));
        List<SecurityRequirement> anyOf = new ArrayList<>();
        anyOf.add(OASFactory.createSecurityRequirement().addScheme("keycloak", List.of("openid")));
        anyOf.add(OASFactory.createSecurityRequirement().addScheme("bearerJwt"));
        anyOf.add(OASFactory.createSecurityRequirement().addScheme("apiKey"));
        api.setSecurity(anyOf);
        documentCalendarToken(api, anyOf);
        documentGatewayAnswers(api);
        documentWebhooks(api);
        ContractConventions.typeMergePatches(api);
        ContractConventions.dropUnreferencedSchemas(api);
    }

    /**
     * The calendar feed also takes a subscription's token in the URL (calendar applications send no header): a
     * security scheme of its own, so that a generated client or Swagger UI sends it as a credential, and only there.
     */
    private static void documentCalendarToken(OpenAPI api, List<SecurityRequirement> anyOf) {
        api.getComponents()
                .addSecurityScheme(
                        CALENDAR_TOKEN_SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.QUERY)
                                .name(CalendarTokenAuthenticationMechanism.PARAMETER)
                                .description(
                                        "A calendar subscription's token (drc_..., from POST /api/v1/calendar-subscriptions), for calendar "
                                                + "applications that cannot send headers; accepted on the calendar feed and nowhere "
                                                + "else (masked in access logs)."));
        if (api.getPaths() == null || api.getPaths().getPathItem(CalendarResource.PATH) == null) {
            return;
        }
        Operation feed = api.getPaths().getPathItem(CalendarResource.PATH).getGET();
        List<SecurityRequirement> feedAnyOf = new ArrayList<>();
        feedAnyOf.add(OASFactory.createSecurityRequirement().addScheme(CALENDAR_TOKEN_SCHEME));
        feedAnyOf.addAll(anyOf);
        feed.setSecurity(feedAnyOf);
    }

    static final String CALENDAR_TOKEN_SCHEME = "calendarToken";

    /**
     * The query parameters that carry a credential on GET of {@code path}: the calendar feed's token, and nothing
     * anywhere else (for DeclaredOperations, which refuses every query parameter an operation does not take).
     */
    static Set<String> queryCredentials(String path) {
        return CalendarResource.PATH.equals(path) ? Set.of(CalendarTokenAuthenticationMechanism.PARAMETER) : Set.of();
    }

    /** The Standard Webhooks headers of every delivery (WebhookDispatcher, WebhookSigner), as a receiver checks them. */
    static final Map<String, String> WEBHOOK_HEADERS = new LinkedHashMap<>();

    static {
        WEBHOOK_HEADERS.put(
                "webhook-id",
                "Id of the event delivered (its id in the feed), the same on every retry: deduplicate on it");
        WEBHOOK_HEADERS.put(
                "webhook-timestamp",
                "When this attempt was sent, in Unix seconds; refuse a message more than 5 minutes from your clock, and a "
                        + "signature it was not part of");
        WEBHOOK_HEADERS.put(
                "webhook-signature",
                "Space-separated signatures v1,<base64 HMAC-SHA256 of '<webhook-id>.<webhook-timestamp>.<body>'> keyed "
                        + "with the base64-decoded part of your whsec_ secret; two during a secret rotation's overlap: "
                        + "accept the message when one matches");
    }

    private static void documentWebhooks(OpenAPI api) {
        String description =
                "Sent to every enabled endpoint of a partner that subscribed to this type (POST, JSON body = the Event, as in the "
                        + "feed). Headers per Standard Webhooks: webhook-id (the event id: deduplicate on it; the same on retries), webhook-timestamp "
                        + "(Unix seconds; refuse messages more than 5 minutes off), webhook-signature (space-separated v1,<base64 HMAC-SHA256 of "
                        + "'<webhook-id>.<webhook-timestamp>.<body>'> keyed with the base64-decoded part of your whsec_ secret; two during a secret "
                        + "rotation's overlap). Answer 2xx within 10 seconds; anything else is retried with exponential backoff and jitter (8 attempts "
                        + "over 30 to 65 minutes), then dead-lettered. 410 Gone disables the endpoint at once. At least once; in order per resource.";
        EventTypes.ALL.forEach((type, summary) -> {
            Operation post = OASFactory.createOperation()
                    .summary(type)
                    .description(summary + ". " + description)
                    .addTag("Webhooks")
                    .requestBody(OASFactory.createRequestBody()
                            .required(true)
                            .content(OASFactory.createContent()
                                    .addMediaType(
                                            "application/json",
                                            OASFactory.createMediaType()
                                                    .schema(OASFactory.createSchema()
                                                            .ref("Event")))))
                    .responses(OASFactory.createAPIResponses()
                            .addAPIResponse(
                                    "2XX", OASFactory.createAPIResponse().description("Received; no further attempts"))
                            .addAPIResponse(
                                    "410",
                                    OASFactory.createAPIResponse()
                                            .description("Gone: the endpoint is disabled at once"))
                            .defaultValue(OASFactory.createAPIResponse()
                                    .description("Failed: retried with backoff, then dead-lettered")));
            WEBHOOK_HEADERS.forEach((header, meaning) -> post.addParameter(OASFactory.createParameter()
                    .name(header)
                    .in(Parameter.In.HEADER)
                    .required(true)
                    .description(meaning)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
            api.addWebhook(type, OASFactory.createPathItem().POST(post));
        });
    }

    /**
     * Answers the gateway itself (or the HTTP layer in front of every service) can give on every public
     * operation, whatever the backend documents: malformed requests, authentication and authorization, an
     * unknown path or method, limits on URI, headers and body, rate limits, and a backend that cannot answer.
     * All are problems (application/problem+json).
     */
    static final Map<String, String> GATEWAY_ANSWERS = new LinkedHashMap<>();

    static {
        GATEWAY_ANSWERS.put(
                "400",
                "The request is malformed: a parameter, header, path segment or the body is invalid (errors names it)");
        GATEWAY_ANSWERS.put(
                "401",
                "No credentials, or invalid, unknown, revoked or expired ones (WWW-Authenticate says how to authenticate)");
        GATEWAY_ANSWERS.put("403", "Authenticated, but the role or the API key's scope does not allow this operation");
        GATEWAY_ANSWERS.put("404", "No resource at this path");
        GATEWAY_ANSWERS.put("405", "The method is not supported on this path (Allow lists those that are)");
        GATEWAY_ANSWERS.put(
                "406", "The Accept header asks for a representation this operation cannot produce (it produces JSON)");
        GATEWAY_ANSWERS.put(
                "408",
                "The request body did not all arrive in time after the headers (30 s); the connection is closed");
        GATEWAY_ANSWERS.put("413", "The request body is larger than the limit");
        GATEWAY_ANSWERS.put(
                "415",
                "The request carries a body whose Content-Type this operation does not accept, or a compressed body"
                        + " (Content-Encoding; Accept-Encoding says what is: identity)");
        GATEWAY_ANSWERS.put("414", "The request URI is longer than the limit");
        GATEWAY_ANSWERS.put(
                "429",
                "Rate limit of the partner (all its keys count together) or user reached; retry after Retry-After"
                        + " seconds (see RateLimit and RateLimit-Policy)");
        GATEWAY_ANSWERS.put("431", "The request headers are larger than the limit");
        GATEWAY_ANSWERS.put("502", "A backend answered with an error or garbage");
        GATEWAY_ANSWERS.put(
                "503",
                "A backend or its database is unavailable (circuit open or overloaded); retry after Retry-After seconds");
        GATEWAY_ANSWERS.put(
                "504",
                "A backend did not answer in time; for a write the outcome is unknown: retry with the same Idempotency-Key");
    }

    /**
     * The gateway's own answers on every public operation, then the conventions every service's document follows
     * (platform's ContractConventions: problem answers with an example each, typed pages, ...), applied again over
     * the merged document so that the composites and the gateway's own operations follow them too.
     */
    private static void documentGatewayAnswers(OpenAPI api) {
        forEachPublicOperation(api, operation -> {
            if (operation.getResponses() == null) {
                operation.setResponses(OASFactory.createAPIResponses());
            }
            ContractConventions.declare(operation, GATEWAY_ANSWERS);
        });
        ContractConventions.apply(api);
        declareRateLimitHeaders(api);
    }

    /** Every operation under {@code /api/v1/}, the public API. */
    private static void forEachPublicOperation(OpenAPI api, Consumer<Operation> action) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1/") && item.getOperations() != null) {
                item.getOperations().values().forEach(action);
            }
        });
    }

    /**
     * The rate-limit headers (IETF draft-ietf-httpapi-ratelimit-headers) on every answer of a public operation to a
     * caller the gateway counted, so that a generated client exposes them and a partner can slow down before a 429:
     * all but a 401, which comes before any counting. Optional: an answer the HTTP layer gives before the count (a
     * malformed request) has none.
     */
    private static void declareRateLimitHeaders(OpenAPI api) {
        forEachPublicOperation(
                api,
                operation -> operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.equals("401")) {
                        return;
                    }
                    ContractConventions.header(
                            api,
                            response,
                            RateLimitFilter.LIMIT_HEADER,
                            false,
                            Schema.SchemaType.STRING,
                            "What is left of the caller's quota: \"plan\";r=<requests left>;t=<seconds until the"
                                    + " window resets> (a partner's keys share one quota)");
                    ContractConventions.header(
                            api,
                            response,
                            RateLimitFilter.POLICY_HEADER,
                            false,
                            Schema.SchemaType.STRING,
                            "The caller's quota: \"plan\";q=<requests>;w=<window in seconds>");
                }));
    }
}
