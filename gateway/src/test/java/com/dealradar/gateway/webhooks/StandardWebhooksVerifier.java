package com.dealradar.gateway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent Standard Webhooks verifier, written in the test from the specification (not the production signer):
 * the signed content is {@code msg_id + "." + timestamp + "." + payload}; the key is the base64 after {@code whsec_};
 * the header holds space-separated {@code v1,<base64 HMAC-SHA256>} entries, any of which may match (constant-time
 * comparison); the timestamp must be within the tolerance (5 minutes) of now, to stop replays.
 */
final class StandardWebhooksVerifier {

    static final long TOLERANCE_SECONDS = 5 * 60;

    private StandardWebhooksVerifier() {}

    static boolean verify(
            String secret, String msgId, String timestamp, String signatureHeader, byte[] payload, long nowSeconds) {
        if (secret == null || msgId == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected;
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] prefix = (msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[prefix.length + payload.length];
            System.arraycopy(prefix, 0, content, 0, prefix.length);
            System.arraycopy(payload, 0, content, prefix.length, payload.length);
            expected = hmac.doFinal(content);
        } catch (Exception e) {
            return false;
        }
        for (String entry : signatureHeader.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }
}
