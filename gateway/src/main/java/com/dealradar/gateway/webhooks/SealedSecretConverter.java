package com.dealradar.gateway.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Seals a webhook secret column on its way into the database and opens it on its way out ({@link SecretSealer}). */
@ApplicationScoped
@Converter
public class SealedSecretConverter implements AttributeConverter<String, String> {

    private final SecretSealer sealer;

    SealedSecretConverter(SecretSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        return sealer.seal(secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return sealer.open(stored);
    }
}
