package com.dealradar.gateway.composite;

import com.dealradar.gateway.client.BackendFailure;
import com.dealradar.gateway.client.BackendRequest;
import com.dealradar.gateway.client.Backends;
import com.dealradar.gateway.client.CallerHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Reads one part of a composite from a backend; never fails, every failure becomes an {@link Outcome}. */
@ApplicationScoped
public class PartReader {

    private final Backends backends;
    private final ObjectMapper mapper;

    PartReader(Backends backends, ObjectMapper mapper) {
        this.backends = backends;
        this.mapper = mapper;
    }

    public CompletableFuture<Outcome> read(String backend, String pathAndQuery, CallerHeaders headers) {
        return backends.client(backend)
                .send(BackendRequest.get(pathAndQuery, headers.to(backend)))
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        return new Outcome.Failed(
                                cause instanceof BackendFailure f
                                        ? f
                                        : new BackendFailure(
                                                backend,
                                                BackendFailure.Kind.UNREACHABLE,
                                                backend + " could not be called",
                                                null));
                    }
                    JsonNode body = response.json() != null ? response.json() : parse(response.bytes());
                    if (response.status() >= 200 && response.status() < 300) {
                        return new Outcome.Ok(body);
                    }
                    return new Outcome.Refused(response.status(), body);
                });
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return mapper.nullNode();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return mapper.nullNode();
        }
    }

    /** Encodes one path segment or query value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
