package com.dealradar.gateway.contract;

import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
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
            .getOptionalValue("dealradar.openapi.keycloak-url", String.class).orElse("http://localhost:8180")
            .replaceAll("/+$", "") + "/realms/dealradar";

    /** schema -> property -> backend schema it holds (an array of it when the property is an array). */
    static final Map<String, Map<String, String>> PART_REFS = Map.of(
            "DealDossier", Map.of("deal", "Deal", "regulatoryMatters", "RegulatoryMatter[]", "certifications", "Certification[]"),
            "DossierParticipant", Map.of("company", "Company"),
            "CompanyProfile", Map.of("company", "Company", "parents", "RelatedCompany[]", "subsidiaries", "RelatedCompany[]",
                    "certifications", "Certification[]", "openRegulatoryMatters", "RegulatoryMatter[]", "dealsByRole", "Deal{}"),
            "RegionOverview", Map.of("region", "Region", "regimes", "RegimeSummary[]", "openRegulatoryMatters", "RegulatoryMatter[]",
                    "deals", "Deal[]"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas() == null ? Map.of() : api.getComponents().getSchemas();
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
                Schema item = schemas.containsKey(name) ? OASFactory.createSchema().ref(name)
                        : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
                Schema replacement;
                if (target.endsWith("{}")) {
                    replacement = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                            .additionalPropertiesSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(item));
                } else if (target.endsWith("[]")) {
                    replacement = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(item);
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
            new ArrayList<>(api.getComponents().getSchemas().keySet()).stream()
                    .filter(name -> name.startsWith("JsonNode"))
                    .forEach(api.getComponents()::removeSchema);
        }

        api.getComponents().addSecurityScheme("keycloak", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak (realm dealradar): OAuth 2.0 authorization code flow with PKCE, for people in a "
                        + "browser (frontends, Swagger UI). Roles: viewer (read), analyst (write), admin (partners and API keys).")
                .flows(OASFactory.createOAuthFlows().authorizationCode(OASFactory.createOAuthFlow()
                        .authorizationUrl(KEYCLOAK_REALM_URL + "/protocol/openid-connect/auth")
                        .tokenUrl(KEYCLOAK_REALM_URL + "/protocol/openid-connect/token")
                        .refreshUrl(KEYCLOAK_REALM_URL + "/protocol/openid-connect/token")
                        .scopes(new LinkedHashMap<>(Map.of("openid", "OpenID Connect sign-in"))))));
        api.getComponents().addSecurityScheme("bearerJwt", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token (JWT) issued by Keycloak realm dealradar, sent as Authorization: Bearer <token>."));
        api.getComponents().addSecurityScheme("apiKey", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("A partner API key, for machine-to-machine integrations."));
        List<SecurityRequirement> anyOf = new ArrayList<>();
        anyOf.add(OASFactory.createSecurityRequirement().addScheme("keycloak", List.of("openid")));
        anyOf.add(OASFactory.createSecurityRequirement().addScheme("bearerJwt"));
        anyOf.add(OASFactory.createSecurityRequirement().addScheme("apiKey"));
        api.setSecurity(anyOf);
        documentGatewayAnswers(api);
    }

    /**
     * Answers the gateway itself (or the HTTP layer in front of every service) can give on every public
     * operation, whatever the backend documents: malformed requests, authentication and authorization, an
     * unknown path or method, limits on URI, headers and body, rate limits, and a backend that cannot answer.
     * All are problems (application/problem+json).
     */
    static final Map<String, String> GATEWAY_ANSWERS = new LinkedHashMap<>();
    /** Answers every operation with a path parameter can give. */
    static final Map<String, String> PATH_ANSWERS = new LinkedHashMap<>();
    /** Answers of a conditional write (an If-Match header parameter): required, and must be current. */
    static final Map<String, String> CONDITIONAL_ANSWERS = new LinkedHashMap<>();
    /** Answers of an operation made safe to retry with Idempotency-Key. */
    static final Map<String, String> IDEMPOTENT_ANSWERS = new LinkedHashMap<>();

    static {
        GATEWAY_ANSWERS.put("400", "The request is malformed: a parameter, header, path segment or the body is invalid (errors names it)");
        GATEWAY_ANSWERS.put("401", "No credentials, or invalid, unknown, revoked or expired ones (WWW-Authenticate says how to authenticate)");
        GATEWAY_ANSWERS.put("403", "Authenticated, but the role or the API key's scope does not allow this operation");
        GATEWAY_ANSWERS.put("404", "No resource at this path");
        GATEWAY_ANSWERS.put("405", "The method is not supported on this path (Allow lists those that are)");
        GATEWAY_ANSWERS.put("406", "The Accept header asks for a representation this operation cannot produce (it produces JSON)");
        GATEWAY_ANSWERS.put("413", "The request body is larger than the limit");
        GATEWAY_ANSWERS.put("415", "The request carries a body whose Content-Type this operation does not accept");
        GATEWAY_ANSWERS.put("414", "The request URI is longer than the limit");
        GATEWAY_ANSWERS.put("429", "Rate limit of the API key or user reached; retry after Retry-After seconds (see RateLimit and RateLimit-Policy)");
        GATEWAY_ANSWERS.put("431", "The request headers are larger than the limit");
        GATEWAY_ANSWERS.put("502", "A backend answered with an error or garbage");
        GATEWAY_ANSWERS.put("503", "A backend or its database is unavailable (circuit open or overloaded); retry after Retry-After seconds");
        GATEWAY_ANSWERS.put("504", "A backend did not answer in time; for a write the outcome is unknown: retry with the same Idempotency-Key");
        PATH_ANSWERS.put("404", "No resource with this id");
        CONDITIONAL_ANSWERS.put("412", "If-Match does not match the current ETag: read the resource again and reapply your change");
        CONDITIONAL_ANSWERS.put("428", "If-Match is missing: send the ETag you last read");
        IDEMPOTENT_ANSWERS.put("409", "A request with this Idempotency-Key is still being processed, or the change conflicts with the current state");
        IDEMPOTENT_ANSWERS.put("422", "The Idempotency-Key was already used with a different request, or the request cannot be processed");
    }

    private static void documentGatewayAnswers(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/v1/") || item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                declare(operation, GATEWAY_ANSWERS);
                if (path.contains("{")) {
                    declare(operation, PATH_ANSWERS);
                }
                if (hasHeader(operation, "If-Match")) {
                    declare(operation, CONDITIONAL_ANSWERS);
                }
                if (hasHeader(operation, "Idempotency-Key")) {
                    declare(operation, IDEMPOTENT_ANSWERS);
                }
            });
        });
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER
                        && name.equalsIgnoreCase(p.getName()));
    }

    private static void declare(Operation operation, Map<String, String> answers) {
        answers.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType("application/problem+json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
            }
        });
    }
}
