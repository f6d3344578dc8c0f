package com.dealradar.gateway.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A partner's webhook endpoint. The signing secret is kept in the database because every delivery must be signed
 * with it (unlike an API key, which is only compared and so stored as a hash), sealed ({@link SecretSealer}); it is
 * shown to the partner once.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(length = 500)
    public String description;

    /** Comma-separated event types; {@code *} for all, {@code deal.*} for all of one resource type. */
    @Column(name = "event_types", nullable = false, length = 2000)
    public String eventTypes;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason", length = 500)
    public String disabledReason;

    /** Sealed in the database ({@link SecretSealer}); the plain {@code whsec_} value here. */
    @Column(nullable = false, length = 200)
    @Convert(converter = SealedSecretConverter.class)
    public String secret;

    @Column(name = "previous_secret", length = 200)
    @Convert(converter = SealedSecretConverter.class)
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    @Column(name = "dead_letter_streak", nullable = false)
    public int deadLetterStreak;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public long version;

    public List<String> types() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean wants(String type) {
        for (String t : types()) {
            if (t.equals("*")
                    || t.equals(type)
                    || t.endsWith(".*") && type.startsWith(t.substring(0, t.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during a rotation's overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && previousSecretExpiresAt.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
