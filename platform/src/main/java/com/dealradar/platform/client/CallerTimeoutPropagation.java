package com.dealradar.platform.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.OptionalLong;

/**
 * Passes what is left of the current request's time ({@link CallerTimeout}) on to the service called, so that it
 * stops when this service's caller does; with no time left, the call is not made ({@link OutOfTime}, which the guard
 * neither retries nor counts against the other service). Registered on each REST client with
 * {@code @RegisterProvider}: it runs on the calling thread, in the request it serves.
 */
public class CallerTimeoutPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext call) {
        OptionalLong left = CallerTimeout.remainingMillis();
        if (left.isEmpty()) {
            return;
        }
        if (left.getAsLong() <= 0) {
            throw new OutOfTime();
        }
        call.getHeaders().putSingle(CallerTimeout.HEADER, Long.toString(left.getAsLong()));
    }

    /** The caller of the request being served has stopped waiting: a call for it is not made. */
    public static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("the caller of this request has stopped waiting for it", null, false, false);
        }
    }
}
