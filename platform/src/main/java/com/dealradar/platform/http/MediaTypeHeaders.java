package com.dealradar.platform.http;

import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemMappers;
import com.dealradar.platform.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Content-Type and Accept headers that are not media types at all (for example {@code garbage}) are a 400
 * problem naming the header, checked before routing: left to the framework, they failed while the request was
 * matched to an operation, as a 500 without a problem body.
 */
public class MediaTypeHeaders {

    @ServerRequestFilter(preMatching = true, priority = 2)
    public Response check(ContainerRequestContext request) {
        Optional<FieldViolation> invalid = invalid(request.getHeaders()::get);
        return invalid.map(violation -> ProblemMappers.respond(problem(violation), request))
                .orElse(null);
    }

    /** The Content-Type or Accept header (values by name, null when absent) that is not a media type, if any. */
    public static Optional<FieldViolation> invalid(Function<String, List<String>> headers) {
        for (String header : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT)) {
            List<String> values = headers.apply(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                for (String part : header.equals(HttpHeaders.ACCEPT) ? value.split(",") : new String[] {value}) {
                    if (!parses(part)) {
                        return Optional.of(
                                new FieldViolation(header, "'" + value + "' is not a media type (type/subtype)"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean parses(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return true;
        }
        try {
            MediaType type = MediaType.valueOf(v);
            return !type.getType().isEmpty() && !type.getSubtype().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The 400 problem for an {@link #invalid} header. */
    public static Problem problem(FieldViolation violation) {
        ProblemType type = ProblemType.BAD_PARAMETER;
        return new Problem(
                type.uri(),
                type.title(),
                type.status(),
                violation.field() + ": " + violation.message(),
                null,
                null,
                List.of(violation));
    }
}
