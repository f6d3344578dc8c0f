package com.dealradar.gateway.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Counters in Redis, shared by every gateway replica. One Lua script adds to the count and starts the window on
 * the first addition (INCRBY, then PEXPIRE when the key is new), and returns the count and the window's remaining
 * time: Redis runs a script atomically, so concurrent requests on any number of replicas are counted exactly.
 * {@link RedisLeases} decides how many numbers one call takes.
 */
final class RedisCounterStore {

    static final String SCRIPT = """
            local count = redis.call('INCRBY', KEYS[1], ARGV[2])
            local ttl = redis.call('PTTL', KEYS[1])
            if count == tonumber(ARGV[2]) or ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;
    private static final String SHA = sha1(SCRIPT);

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;

    RedisCounterStore(ReactiveRedisDataSource redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    /** Adds {@code amount} to {@code key}'s count: the decision carries the count after the addition. */
    Uni<Decision> add(String key, Quota quota, long amount) {
        String window = Long.toString(quota.windowMillis());
        String increment = Long.toString(amount);
        return redis.execute("EVALSHA", SHA, "1", key, window, increment)
                .onFailure(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"))
                .recoverWithUni(() -> redis.execute("EVAL", SCRIPT, "1", key, window, increment))
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(response -> decision(response, quota));
    }

    /**
     * Loads the script and opens the first pooled connection, so that the first requests after start-up do not
     * each pay for a connection and a NOSCRIPT round trip within {@code redis-timeout}.
     */
    Uni<Void> warmUp() {
        return redis.execute("SCRIPT", "LOAD", SCRIPT)
                .ifNoItem()
                .after(timeout)
                .fail()
                .replaceWithVoid();
    }

    private static Decision decision(Response response, Quota quota) {
        if (response == null || response.size() != 2) {
            throw new IllegalStateException("unexpected answer of the rate-limit script: " + response);
        }
        return new Decision(quota, response.get(0).toLong(), response.get(1).toLong());
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
