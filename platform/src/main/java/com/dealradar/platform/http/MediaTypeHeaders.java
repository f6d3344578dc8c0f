package com.dealradar.platform.http;

import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Content-Type and Accept headers that are not media types at all (for example {@code garbage}) are a 400
 * problem naming the header, checked before routing: left to the framework, they failed while the request was
 * matched to an operation, as a 500 without a problem body.
 */
public class MediaTypeHeaders {

    @ServerRequestFilter(preMatching = true, priority = 2)
    public Response check(ContainerRequestContext request) {
        for (String header : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT)) {
            List<String> values = request.getHeaders().get(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                for (String part : header.equals(HttpHeaders.ACCEPT) ? value.split(",") : new String[] {value}) {
                    if (!parses(part)) {
                        return refuse(request, header, "'" + value + "' is not a media type (type/subtype)");
                    }
                }
            }
        }
        return null;
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

    private static Response refuse(ContainerRequestContext request, String header, String message) {
        ProblemType type = ProblemType.BAD_PARAMETER;
        Problem problem = new Problem(
                type.uri(),
                type.title(),
                type.status(),
                header + ": " + message,
                request.getUriInfo().getRequestUri().getRawPath(),
                RequestIds.of(request),
                List.of(new FieldViolation(header, message)));
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
