package com.dealradar.gateway.partner;

import com.dealradar.platform.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API key format: {@code drk_<prefix>_<secret>}. The prefix (8 characters of an unambiguous lower-case
 * alphabet) is public and identifies the key; the secret is 256 random bits, base64url. Because the secret is
 * uniformly random and long, a plain SHA-256 of the key is a safe verifier (no salt or slow hash needed: there
 * is nothing to guess a dictionary for), and it is compared in constant time.
 */
public final class ApiKeys {

    public static final String MARKER = "drk_";
    public static final int PREFIX_LENGTH = 8;
    static final int SECRET_BYTES = 32;
    private static final String PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int SECRET_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A new key (prefix and secret) that has never been shown to anyone. */
    public static Generated generate() {
        return generate(MARKER);
    }

    /** A new secret of the same shape with another marker (calendar subscription tokens use {@code drc_}). */
    public static Generated generate(String marker) {
        StringBuilder prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String key =
                marker + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(prefix.toString(), key);
    }

    /** The public prefix of a key in our format, or null when {@code key} is not one. */
    public static String prefixOf(String key) {
        return prefixOf(MARKER, key);
    }

    /** The public prefix of a secret made by {@link #generate(String)} with {@code marker}, or null. */
    public static String prefixOf(String marker, String key) {
        int length = marker.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH;
        if (key == null
                || key.length() != length
                || !key.startsWith(marker)
                || key.charAt(marker.length() + PREFIX_LENGTH) != '_') {
            return null;
        }
        String prefix = key.substring(marker.length(), marker.length() + PREFIX_LENGTH);
        for (int i = 0; i < prefix.length(); i++) {
            if (PREFIX_ALPHABET.indexOf(prefix.charAt(i)) < 0) {
                return null;
            }
        }
        return prefix;
    }

    /** Lower-case hex SHA-256 of the whole key. */
    public static String hash(String key) {
        return Sha256.hex(key);
    }

    /** Whether {@code key} hashes to {@code expectedHash}, in time independent of where they differ. */
    public static boolean matches(String key, String expectedHash) {
        return hashMatches(hash(key), expectedHash);
    }

    /** Whether two hashes are equal, in time independent of where they differ. */
    public static boolean hashMatches(String hash, String expectedHash) {
        return MessageDigest.isEqual(
                hash.getBytes(StandardCharsets.US_ASCII), expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** A newly generated key; {@link #key} is the only copy of the secret and must not be stored or logged. */
    public record Generated(String prefix, String key) {
        @Override
        public String toString() {
            return "Secret[" + key.substring(0, key.indexOf('_') + 1) + prefix + "_***]";
        }
    }
}
