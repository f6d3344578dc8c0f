package com.dealradar.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash the services fingerprint and name things with (API keys, ETags, cursors, seed entries). */
public final class Sha256 {

    private static final MessageDigest PROTOTYPE = newDigest();

    private Sha256() {}

    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the hash of {@code text} (UTF-8). */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }

    /** Lower-case hex of the hash of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }

    private static MessageDigest digest() {
        try {
            // A copy of a ready digest: looking the algorithm up in the providers costs more than hashing a short key.
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
