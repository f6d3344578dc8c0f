package com.dealradar.gateway.contract;

import com.dealradar.platform.http.HttpProtocolGuard;
import com.dealradar.platform.http.RawProblems;
import com.dealradar.platform.http.RequestIds;
import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemMappers;
import com.dealradar.platform.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The methods the public contract declares for each of its paths, and a 405 problem with {@code Allow} for any
 * other method on such a path, answered before authentication and before any backend is asked. Without it a
 * method the contract does not declare went to the pass-through (every backend path takes GET, POST, PUT, PATCH
 * and DELETE there) and cost a backend call, and an invented method ({@code PTZZA}) got the pass-through's own
 * list of methods, which is no answer about the API.
 *
 * <p>The query parameters are checked the same way, against the parameters the contract declares for the
 * operation: a name the operation does not take (a typo such as {@code valueMin} for {@code valueUsdMin}, which the
 * backend would ignore and answer with an unfiltered list) and a parameter given twice (none of the API's parameters
 * is repeated: lists are one comma-separated value, and a backend would silently use the first) are a 400 problem
 * naming the parameter and listing what the operation takes.
 *
 * <p>The paths, methods and parameters are read from the contract as built into the application (the document served at
 * {@code /q/openapi}: the backends' operations merged with the gateway's own), so that there is no second,
 * hand-written list to keep in step. The answer's metrics carry the path template, not the path, so that
 * invented ids do not become label values.
 */
@ApplicationScoped
public class DeclaredOperations {

    private static final Logger LOG = Logger.getLogger(DeclaredOperations.class);
    /** Where Quarkus keeps the OpenAPI document it built (with the filters applied) for the default document. */
    static final String BUILT_CONTRACT = "META-INF/quarkus-generated-openapi-doc.JSON";

    private static final String PREFIX = "/api/v1/";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    /**
     * One path of the contract: its template, a pattern matching the request paths it names, its methods, and the
     * query parameters of each method.
     */
    record DeclaredPath(String template, Pattern pattern, Set<String> methods, Map<String, Set<String>> query) {}

    private static final String ALLOWED_KEY = DeclaredOperations.class.getName() + ".allowed";

    private final RawProblems problems;
    private final List<DeclaredPath> paths;

    DeclaredOperations(RawProblems problems, ObjectMapper mapper) {
        this.problems = problems;
        this.paths = read(mapper);
    }

    void install(@Observes Router router) {
        if (paths.isEmpty()) {
            return;
        }
        // After the framing and body-size checks (orders -3000, -1000), before authentication and the resources.
        router.route().order(-900).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.request().path();
        HttpMethod method = ctx.request().method();
        if (path == null || !path.startsWith(PREFIX) || method == HttpMethod.OPTIONS) {
            ctx.next(); // OPTIONS: CORS preflights and the framework's own answers
            return;
        }
        Optional<Allowed> allowed = allowed(ctx);
        if (allowed.isEmpty()) {
            ctx.next();
            return;
        }
        if (allowed.get().permits(method.name())) {
            List<FieldViolation> wrong =
                    allowed.get().queryViolations(method.name(), ctx.request().query());
            if (wrong.isEmpty()) {
                ctx.next();
                return;
            }
            RawProblems.labelForMetrics(ctx, allowed.get().template());
            problems.write(
                    ctx.response(),
                    ProblemMappers.problem(
                                    ProblemType.BAD_PARAMETER, FieldViolation.summary(wrong, "query parameters"), wrong)
                            .withContext(ctx.request().path(), RequestIds.of(ctx)),
                    Map.of());
            return;
        }
        RawProblems.labelForMetrics(ctx, allowed.get().template());
        ctx.response().putHeader("Allow", String.join(", ", allowed.get().methods()));
        String shown = METHODS.contains(method.name()) ? method.name() : "This method";
        problems.send(
                ctx,
                405,
                shown + " is not supported on " + allowed.get().template() + "; Allow lists the methods that are",
                false);
    }

    /** What the contract declares at the request's path; matched once per request, kept in the routing context. */
    public Optional<Allowed> allowed(RoutingContext ctx) {
        Optional<Allowed> known = ctx.get(ALLOWED_KEY);
        if (known == null) {
            known = allowed(ctx.request().path());
            ctx.put(ALLOWED_KEY, known);
        }
        return known;
    }

    /**
     * What the contract declares at a request path, or empty when no path of the contract names it. The most
     * literal template naming it wins, as in JAX-RS matching: {@code /partners/audit} declares GET only, whatever
     * {@code /partners/{partnerId}} declares.
     */
    public Optional<Allowed> allowed(String path) {
        for (DeclaredPath declared : paths) {
            if (declared.pattern().matcher(path).matches()) {
                return Optional.of(new Allowed(declared.template(), declared.methods(), declared.query()));
            }
        }
        return Optional.empty();
    }

    public record Allowed(String template, Set<String> methods, Map<String, Set<String>> query) {

        public boolean permits(String method) {
            return methods.contains(method) || method.equals("HEAD") && methods.contains("GET");
        }

        /**
         * What is wrong with a request's raw query string for {@code method} here: each parameter the operation does
         * not declare, and each declared one given more than once (in the order they come, each name once).
         */
        public List<FieldViolation> queryViolations(String method, String rawQuery) {
            if (rawQuery == null || rawQuery.isEmpty()) {
                return List.of();
            }
            Set<String> declared = query.getOrDefault(method.equals("HEAD") ? "GET" : method, Set.of());
            Set<String> seen = new HashSet<>();
            Map<String, FieldViolation> wrong = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = QueryStringDecoder.decodeComponent(equals < 0 ? pair : pair.substring(0, equals));
                if (!declared.contains(name)) {
                    String notDeclared = "not a parameter of " + method + " " + template;
                    String why = HttpProtocolGuard.secretParameter(name)
                            ? ", and no credential is taken from the URL here (logs and browser histories keep URLs):"
                                    + " send an API key in the X-API-Key header, a token in Authorization"
                            : declared.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", declared);
                    wrong.putIfAbsent(name, new FieldViolation(name, notDeclared + why));
                } else if (!seen.add(name)) {
                    wrong.putIfAbsent(
                            name,
                            new FieldViolation(
                                    name, "given more than once; send it once (a list is one comma-separated value)"));
                }
            }
            return List.copyOf(wrong.values());
        }
    }

    private static List<DeclaredPath> read(ObjectMapper mapper) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(BUILT_CONTRACT)) {
            if (in == null) {
                LOG.warnf("No built contract (%s): methods are not checked against it", BUILT_CONTRACT);
                return List.of();
            }
            return paths(mapper.readTree(in));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The built contract could not be read (%s): methods are not checked against it", e.toString());
            return List.of();
        }
    }

    static List<DeclaredPath> paths(JsonNode contract) {
        List<DeclaredPath> declared = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = contract.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().startsWith(PREFIX)) {
                continue;
            }
            Set<String> methods = new TreeSet<>();
            entry.getValue().fieldNames().forEachRemaining(name -> {
                String method = name.toUpperCase(Locale.ROOT);
                if (METHODS.contains(method)) {
                    methods.add(method);
                }
            });
            if (!methods.isEmpty()) {
                Map<String, Set<String>> query = new HashMap<>();
                for (String method : methods) {
                    Set<String> names = new TreeSet<>();
                    JsonNode operation = entry.getValue().path(method.toLowerCase(Locale.ROOT));
                    for (JsonNode parameter : operation.path("parameters")) {
                        if ("query".equals(parameter.path("in").asText())) {
                            names.add(parameter.path("name").asText());
                        }
                    }
                    if (method.equals("GET")) {
                        // A credential some operations take in the query (the calendar feed's token): declared as a
                        // security scheme by ContractFilter, which the document built into the application lacks.
                        names.addAll(ContractFilter.queryCredentials(entry.getKey()));
                    }
                    query.put(method, Collections.unmodifiableSet(names));
                }
                declared.add(new DeclaredPath(
                        entry.getKey(),
                        pattern(entry.getKey()),
                        Collections.unmodifiableSet(methods),
                        Map.copyOf(query)));
            }
        }
        // Literal templates first (see allowed).
        declared.sort((a, b) -> Long.compare(parameters(a.template()), parameters(b.template())));
        return List.copyOf(declared);
    }

    private static long parameters(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    /** {@code /api/v1/deals/{id}} to a pattern matching one non-empty segment where each parameter is. */
    public static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
