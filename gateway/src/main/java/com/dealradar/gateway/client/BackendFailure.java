package com.dealradar.gateway.client;

/**
 * A call to a backend that produced no usable answer. {@code response} is set for {@link Kind#SERVER_ERROR}
 * and {@link Kind#BAD_RESPONSE}: the answer that was received but cannot be used (or only passed on).
 */
public class BackendFailure extends RuntimeException {

    public enum Kind {
        /** No answer within the backend's timeout. */
        TIMEOUT,
        /** Connection refused, reset or not established within the connect timeout. */
        UNREACHABLE,
        /** The circuit breaker is open: recent calls failed, so this one was not even tried. */
        CIRCUIT_OPEN,
        /** Too many concurrent calls to this backend already. */
        BULKHEAD_FULL,
        /** A 5xx that is not a problem answer of the backend itself. */
        SERVER_ERROR,
        /** A 2xx answer whose body is not the JSON it should be. */
        BAD_RESPONSE
    }

    private final String backend;
    private final Kind kind;
    private final transient BackendResponse response;

    public BackendFailure(String backend, Kind kind, String message, BackendResponse response) {
        super(message, null, false, false);
        this.backend = backend;
        this.kind = kind;
        this.response = response;
    }

    public String backend() {
        return backend;
    }

    public Kind kind() {
        return kind;
    }

    public BackendResponse response() {
        return response;
    }

    /** Failures after which an idempotent call is worth another try: the request most likely never ran. */
    boolean retryable() {
        return kind == Kind.UNREACHABLE || (kind == Kind.SERVER_ERROR && response != null && response.status() != 500);
    }
}
