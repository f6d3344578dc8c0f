package com.dealradar.platform.http;

import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.Problem;
import com.dealradar.platform.problem.ProblemMappers;
import com.dealradar.platform.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameter values with control characters ({@code %00}, {@code %0A}, ...) are a 400 problem naming the
 * parameter, checked before routing. No parameter of the API takes one, and left alone a NUL reached PostgreSQL, which
 * refuses it in text and failed the request with a 500.
 */
public class QueryControlCharacters {

    @ServerRequestFilter(preMatching = true, priority = 3)
    public Response check(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            boolean badName = hasControl(parameter.getKey());
            if (badName || parameter.getValue().stream().anyMatch(QueryControlCharacters::hasControl)) {
                // A name with control characters is not echoed.
                String name = badName ? "query" : parameter.getKey();
                String message = "control characters are not allowed";
                Problem problem = ProblemMappers.problem(
                                ProblemType.BAD_PARAMETER,
                                name + ": " + message,
                                List.of(new FieldViolation(name, message)))
                        .withContext(request.getUriInfo().getRequestUri().getRawPath(), RequestIds.of(request));
                return Response.status(problem.status())
                        .type(Problem.MEDIA_TYPE)
                        .entity(problem)
                        .build();
            }
        }
        return null;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
