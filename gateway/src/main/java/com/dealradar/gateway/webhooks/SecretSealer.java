package com.dealradar.gateway.webhooks;

import com.dealradar.platform.crypto.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * Webhook signing secrets at rest. A secret must be kept readable (every delivery is signed with it, unlike an API key,
 * which is only compared and so kept as a hash), so it is stored sealed: AES-256-GCM under a key derived (HKDF-SHA256)
 * from the first of {@code dealradar.webhooks.sealing-keys}, as {@code sealed:v1:<key id>:<base64url(nonce, ciphertext,
 * tag)>}. A database dump or backup without the key reveals no secret, and a changed byte fails the tag check instead
 * of signing with garbage. The other configured keys only open what they sealed. A key is rotated in rolling restarts
 * (README, "Secrets"): the new key added last (every replica can open what it seals), then first (replicas seal with
 * it, and {@link WebhookEndpoints#resealSecrets()} re-seals every stored secret with it at start), one more restart
 * once that rollout is done, then the old one dropped. Values stored before sealing existed ({@code whsec_...}) are read as they are and sealed at the next start.
 */
@ApplicationScoped
public class SecretSealer {

    static final String PREFIX = "sealed:v1:";
    private static final String LEGACY_PREFIX = WebhookSigner.PREFIX;
    /** Bound into every tag: a value sealed for another purpose with the same key does not open here. */
    private static final byte[] CONTEXT = "dealradar webhook signing secret v1".getBytes(StandardCharsets.UTF_8);

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Shortest accepted key: 32 characters, as {@code openssl rand -base64 32} (44) gives with room to spare. */
    static final int MIN_KEY_LENGTH = 32;

    private final SecureRandom random = new SecureRandom();
    /** Key id to key, the sealing key first. */
    private final Map<String, SecretKey> keys;

    private final String sealingKeyId;

    @Inject
    SecretSealer(WebhookConfig config) {
        this(config.sealingKeys());
    }

    SecretSealer(List<String> configured) {
        if (configured.isEmpty()) {
            throw new IllegalStateException("dealradar.webhooks.sealing-keys is empty: set at least one key");
        }
        Map<String, SecretKey> derived = new LinkedHashMap<>();
        for (String material : configured) {
            String key = material.strip();
            if (key.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException("A key in dealradar.webhooks.sealing-keys is shorter than "
                        + MIN_KEY_LENGTH + " characters; generate one with: openssl rand -base64 32");
            }
            SecretKey secretKey = derive(key);
            derived.putIfAbsent(keyId(secretKey), secretKey);
        }
        this.keys = Map.copyOf(derived);
        this.sealingKeyId = derived.keySet().iterator().next();
    }

    /** The stored form of a secret. */
    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed =
                crypt(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), nonce, secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
        return PREFIX + sealingKeyId + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The secret a stored value holds; fails loudly when it cannot be opened (missing key, changed bytes). */
    public String open(String stored) {
        if (stored == null || stored.startsWith(LEGACY_PREFIX)) {
            return stored;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored webhook secret is neither sealed nor a whsec_ secret");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = colon < 0 ? "" : stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException(
                    "A webhook secret is sealed with key " + keyId
                            + ", which is not in dealradar.webhooks.sealing-keys (keep an old key listed until the secrets are re-sealed)");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A sealed webhook secret is not valid base64url", e);
        }
        if (raw.length <= NONCE_BYTES) {
            throw new IllegalStateException("A sealed webhook secret is truncated");
        }
        byte[] nonce = Arrays.copyOfRange(raw, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(raw, NONCE_BYTES, raw.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, sealed), StandardCharsets.UTF_8);
    }

    /** How every value sealed with the current sealing key begins. */
    public String currentPrefix() {
        return PREFIX + sealingKeyId + ":";
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    mode == Cipher.DECRYPT_MODE
                            ? "A sealed webhook secret does not open with its key (changed in the database?)"
                            : "Could not seal a webhook secret",
                    e);
        }
    }

    private static SecretKey derive(String material) {
        try {
            KDF hkdf = KDF.getInstance("HKDF-SHA256");
            return hkdf.deriveKey(
                    "AES",
                    HKDFParameterSpec.ofExtract()
                            .addIKM(material.getBytes(StandardCharsets.UTF_8))
                            .thenExpand(CONTEXT, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the webhook sealing key", e);
        }
    }

    /** A short public name of a key (8 hex digits of a hash of the derived key), stored with each sealed value. */
    private static String keyId(SecretKey key) {
        return HexFormat.of().formatHex(Sha256.of(key.getEncoded()), 0, 4);
    }
}
