package com.dealradar.platform.seed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Name-based UUIDs (RFC 9562 version 5, SHA-1): stable ids for seed data that other services refer to. */
public final class Uuid5 {

    /** The DealRadar seed namespace (deal-service derives its seed deal ids from it as 'deal/<slug>'). */
    public static final UUID SEED_NAMESPACE = UUID.fromString("6f1c3a4e-2d6b-4c1e-9a57-0d3e8b9f1a20");

    private Uuid5() {}

    public static UUID of(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits());
            sha1.update(ns.array());
            sha1.update(name.getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static UUID seed(String name) {
        return of(SEED_NAMESPACE, name);
    }
}
