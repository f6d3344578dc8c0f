package com.dealradar.gateway.api;

import com.dealradar.gateway.client.Backends;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backend paths are an internal detail: turns them into the public /api/v1 paths in Location and Link
 * headers and in the {@code instance} of problem bodies.
 */
@ApplicationScoped
public class PublicPaths {

    public static final String PREFIX = "/api/v1";

    /**
     * Why a raw request path must not be passed to a backend, or empty when it may. Checked before any backend
     * path is built: dot segments (also {@code ..;} and {@code .;}, which some servers treat as {@code ..}),
     * matrix parameters ({@code ;}), encoded slashes or backslashes, blank segments and control characters would
     * let a caller reach another backend path than the public one names.
     */
    public static Optional<String> refusedPath(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String raw = segments[i];
            if (raw.isEmpty() && i == segments.length - 1) {
                continue; // a trailing slash
            }
            String once = decode(raw);
            Optional<String> refused = refusedSegment(raw, once);
            if (refused.isEmpty() && once != null && once.contains("%")) {
                // Decoded twice too: a backend (or something in between) that decodes again must not see '..' either.
                String twice = decode(once);
                refused = twice == null ? Optional.empty() : refusedSegment(once, twice);
            }
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** Why one decoded path value (an id, slug or code) must not become a backend path segment, or empty. */
    public static Optional<String> refusedValue(String decoded) {
        return refusedSegment(decoded, decoded);
    }

    private static Optional<String> refusedSegment(String raw, String decoded) {
        if (decoded == null) {
            return Optional.of("a path segment is not valid percent-encoded UTF-8");
        }
        if (decoded.isBlank()) {
            return Optional.of("path segments must not be empty or blank");
        }
        String withoutParams = decoded.contains(";") ? decoded.substring(0, decoded.indexOf(';')) : decoded;
        if (withoutParams.equals(".") || withoutParams.equals("..")) {
            return Optional.of("path segments '.' and '..' are not allowed");
        }
        if (raw.contains(";") || decoded.contains(";")) {
            return Optional.of("matrix parameters (';') are not allowed in paths");
        }
        if (decoded.contains("/") || decoded.contains("\\")) {
            return Optional.of("encoded slashes are not allowed in path segments");
        }
        if (decoded.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("control characters are not allowed in paths");
        }
        return Optional.empty();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final Pattern LINK_TARGET = Pattern.compile("<([^>]*)>");

    private final Backends backends;
    private final ObjectMapper mapper;

    PublicPaths(Backends backends, ObjectMapper mapper) {
        this.backends = backends;
        this.mapper = mapper;
    }

    /** {@code /companies/x?y} or {@code http://backend:8081/companies/x?y} to {@code /api/v1/companies/x?y}. */
    public String publicPath(String backendUri) {
        if (backendUri == null || backendUri.isEmpty()) {
            return backendUri;
        }
        String pathAndQuery = backendUri;
        if (!backendUri.startsWith("/")) {
            try {
                URI uri = URI.create(backendUri);
                if (uri.getRawPath() == null || !uri.isAbsolute()) {
                    return backendUri;
                }
                pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            } catch (IllegalArgumentException e) {
                return backendUri;
            }
        }
        if (pathAndQuery.startsWith(PREFIX + "/")) {
            return pathAndQuery;
        }
        String resource = pathAndQuery.substring(1).split("[/?#]", 2)[0];
        return backends.isPublicResource(resource) ? PREFIX + pathAndQuery : pathAndQuery;
    }

    /** Every URI reference inside a Link header value. */
    public String link(String header) {
        Matcher m = LINK_TARGET.matcher(header);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<" + publicPath(m.group(1)) + ">"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The problem body with its instance made public; the body unchanged when it is not a JSON object. */
    public byte[] problem(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node instanceof ObjectNode problem && problem.path("instance").isTextual()) {
                problem.put("instance", publicPath(problem.get("instance").asText()));
                return mapper.writeValueAsBytes(problem);
            }
        } catch (IOException e) {
            // not JSON: passed on as it is
        }
        return body;
    }
}
