package com.dealradar.gateway.composite;

import com.dealradar.gateway.client.BackendFailure;
import com.fasterxml.jackson.databind.JsonNode;

/** What one backend read of a composite gave: a JSON body, a deliberate non-2xx answer, or nothing usable. */
public sealed interface Outcome {

    /** A 2xx answer with a JSON body. */
    record Ok(JsonNode body) implements Outcome {}

    /** A deliberate answer other than 2xx (404, 400...), with the backend's problem body if it sent one. */
    record Refused(int status, JsonNode problem) implements Outcome {}

    /** No usable answer: timeout, refused connection, open circuit, 5xx, garbage. */
    record Failed(BackendFailure failure) implements Outcome {}
}
