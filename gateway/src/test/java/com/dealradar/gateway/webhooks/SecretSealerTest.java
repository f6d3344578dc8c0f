package com.dealradar.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook signing secrets at rest: sealed, unreadable without the key, tamper-evident, rotatable. */
class SecretSealerTest {

    static final String KEY = "first-test-sealing-key-0123456789abcdef";
    static final String OTHER_KEY = "second-test-sealing-key-0123456789abcdef";

    @Test
    void aSealedSecretHidesTheSecretAndOpensToIt() {
        SecretSealer sealer = new SecretSealer(List.of(KEY));
        String secret = WebhookSigner.newSecret();
        String stored = sealer.seal(secret);
        String again = sealer.seal(secret);

        assertThat(stored).startsWith(sealer.currentPrefix()).startsWith("sealed:v1:");
        assertThat(stored).doesNotContain(secret.substring(WebhookSigner.PREFIX.length(), 20));
        assertThat(again).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(sealer.open(stored)).isEqualTo(secret);
        assertThat(sealer.open(again)).isEqualTo(secret);
        assertThat(sealer.seal(null)).isNull();
        assertThat(sealer.open(null)).isNull();
    }

    @Test
    void aChangedByteOrAnotherKeyDoesNotOpen() {
        SecretSealer sealer = new SecretSealer(List.of(KEY));
        String stored = sealer.seal(WebhookSigner.newSecret());
        String prefix = stored.substring(0, stored.lastIndexOf(':') + 1);
        byte[] raw = Base64.getUrlDecoder().decode(stored.substring(prefix.length()));
        raw[raw.length / 2] ^= 1;
        String tampered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> sealer.open(tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
        assertThatThrownBy(() -> new SecretSealer(List.of(OTHER_KEY)).open(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in dealradar.webhooks.sealing-keys");
        assertThatThrownBy(() -> sealer.open("garbage")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(prefix + "!!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewKeyFirstSealsWhileTheOldOneStillOpensWhatItSealed() {
        String secret = WebhookSigner.newSecret();
        String underOldKey = new SecretSealer(List.of(KEY)).seal(secret);
        SecretSealer rotated = new SecretSealer(List.of(OTHER_KEY, KEY));

        assertThat(underOldKey).doesNotStartWith(rotated.currentPrefix());
        assertThat(rotated.open(underOldKey)).isEqualTo(secret);
        assertThat(rotated.seal(secret)).startsWith(rotated.currentPrefix());
    }

    /** The steps of a rotation (README, "Secrets"), each step's replicas next to the previous step's. */
    @Test
    void noStepOfARotationLeavesAReplicaWithASecretItCannotOpen() {
        SecretSealer before = new SecretSealer(List.of(KEY));
        SecretSealer added = new SecretSealer(List.of(KEY, OTHER_KEY));
        SecretSealer first = new SecretSealer(List.of(OTHER_KEY, KEY));
        SecretSealer after = new SecretSealer(List.of(OTHER_KEY));
        String secret = WebhookSigner.newSecret();

        // Step 1, the new key added last: still sealing with the old key, so replicas not yet restarted open it.
        assertThat(added.currentPrefix()).isEqualTo(before.currentPrefix());
        assertThat(before.open(added.seal(secret))).isEqualTo(secret);
        // Step 2, the new key first: what it seals, step 1's replicas open; what they sealed, it opens.
        assertThat(added.open(first.seal(secret))).isEqualTo(secret);
        assertThat(first.open(added.seal(secret))).isEqualTo(secret);
        // Step 3, the old key dropped: step 2's replicas and this one open each other's secrets.
        assertThat(after.open(first.seal(secret))).isEqualTo(secret);
        assertThat(first.open(after.seal(secret))).isEqualTo(secret);
    }

    @Test
    void aSecretStoredBeforeSealingIsReadAsItIs() {
        String legacy = WebhookSigner.newSecret();
        assertThat(new SecretSealer(List.of(KEY)).open(legacy)).isEqualTo(legacy);
    }

    @Test
    void shortOrMissingKeysAreRefusedAtStart() {
        assertThatThrownBy(() -> new SecretSealer(List.of("short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new SecretSealer(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
