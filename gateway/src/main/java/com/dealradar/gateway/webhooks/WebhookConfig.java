package com.dealradar.gateway.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Partners' webhooks (issue #16): who may be called, how long to wait, how often to retry. */
@ConfigMapping(prefix = "dealradar.webhooks")
public interface WebhookConfig {

    /** Endpoint URLs must be https (off only for local development and tests, whose receivers are plain http on loopback). */
    @WithDefault("true")
    boolean requireHttps();

    /** Endpoints may resolve to loopback, private, link-local or other non-public addresses (local development only). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /**
     * The ports an endpoint URL may name (or imply: 443 for https); unset, any. Kubernetes sets 443, the one port its
     * NetworkPolicy lets the gateway reach outside the cluster: an endpoint on another port would be saved and then
     * never reached, every attempt timing out until the endpoint is disabled.
     */
    Optional<Set<Integer>> ports();

    /** Whole-request timeout of one delivery attempt. */
    @WithDefault("PT10S")
    Duration timeout();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Attempts before a delivery is dead-lettered. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; doubles with each further one (with jitter), up to max-backoff. */
    @WithDefault("PT30S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** How long a replica owns a claimed delivery; a replica that dies mid-delivery frees it after this. Keep above timeout. */
    @WithDefault("PT1M")
    Duration lease();

    /** How often each replica looks for due deliveries. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Deliveries claimed at once per replica. */
    @WithDefault("16")
    int batch();

    /** Consecutive dead-lettered deliveries (no success between) after which the endpoint is disabled. */
    @WithDefault("5")
    int disableAfterDeadLetters();

    /** After a secret rotation, how long the previous secret still signs too, unless the rotation says otherwise. */
    @WithDefault("P1D")
    Duration secretOverlap();

    /**
     * The longest overlap a rotation may ask for: each rotation keeps one previous secret, so this bounds how long a
     * leaked secret that was rotated out with an overlap still signs.
     */
    @WithDefault("P7D")
    Duration maxSecretOverlap();

    /**
     * Keys that seal the signing secrets at rest ({@link SecretSealer}), comma-separated, at least 32 characters each
     * ({@code openssl rand -base64 32}): the first seals, every one opens. The shipped value is a local-development key
     * that a production start refuses (DevKeyGuard); Kubernetes takes it from the secret {@code dealradar-webhooks}.
     */
    List<String> sealingKeys();

    /**
     * Most endpoints one partner may register; a create beyond it is a 409 naming the limit. Every event is delivered
     * to each matching endpoint, so this also bounds the fan-out one partner can cause.
     */
    @WithDefault("10")
    int maxEndpointsPerPartner();

    /** Whether this replica delivers. */
    @WithDefault("true")
    boolean deliveryEnabled();
}
