package com.dealradar.platform.http;

import com.dealradar.platform.problem.FieldViolation;
import com.dealradar.platform.problem.ProblemMappers;
import com.dealradar.platform.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
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
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        if (!mayHoldControl(http.query())) {
            return null;
        }
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            boolean badName = hasControl(parameter.getKey());
            if (badName || parameter.getValue().stream().anyMatch(QueryControlCharacters::hasControl)) {
                // A name with control characters is not echoed.
                String name = badName ? "query" : parameter.getKey();
                String message = "control characters are not allowed";
                return ProblemMappers.respond(
                        ProblemMappers.problem(
                                ProblemType.BAD_PARAMETER,
                                name + ": " + message,
                                List.of(new FieldViolation(name, message))),
                        request);
            }
        }
        return null;
    }

    /**
     * Whether the raw query could decode to a control character, so that the queries of almost every request are not
     * decoded here: a raw one (below 0x20, 0x7F and up), or an escape that starts like one ({@code %0x}, {@code %1x},
     * {@code %7F}, and {@code %C2}, the first byte of U+0080 to U+009F). It may say yes for a harmless query; the
     * decoded parameters decide.
     */
    static boolean mayHoldControl(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return true;
            }
            if (c == '%' && i + 1 < rawQuery.length()) {
                char next = rawQuery.charAt(i + 1);
                if (next == '0' || next == '1' || next == '7' || next == 'C' || next == 'c') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
