package com.dealradar.platform.http;

import com.dealradar.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path parameter of every operation of every service: a blank, whitespace-only or control-character
 * value (for example {@code /deals/%20}) is a 400 problem naming the parameter, checked once here before any
 * resource method runs. Without it such an id reached Hibernate as null and came back as a 500.
 */
public class PathParameters {

    @ServerRequestFilter
    public void rejectBlank(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getPathParameters(true).entrySet()) {
            for (String value : parameter.getValue()) {
                // Empty only for an optional regex tail such as the gateway's pass-through {rest}: no id there.
                if (!value.isEmpty()) {
                    check(parameter.getKey(), value);
                }
            }
        }
    }

    /** 400 when {@code value} cannot be an id, a code or a slug: blank, or with control characters. */
    public static void check(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badParameter(name, "must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badParameter(name, "must not contain control characters");
        }
    }
}
