package com.dealradar.gateway.api;

import com.dealradar.gateway.client.Backends;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backend paths are an internal detail: turns them into the public /api/v1 paths in Location and Link
 * headers and in the {@code instance} of problem bodies.
 */
@ApplicationScoped
public class PublicPaths {

    public static final String PREFIX = "/api/v1";
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
