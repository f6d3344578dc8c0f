package com.dealradar.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealradar.platform.security.Roles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void formatPrefixAndHash() {
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ApiKeys.Generated key = ApiKeys.generate();
            assertThat(key.key()).matches("drk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}");
            assertThat(ApiKeys.prefixOf(key.key())).isEqualTo(key.prefix());
            assertThat(key.toString()).doesNotContain(key.key().substring(13));
            String hash = ApiKeys.hash(key.key());
            assertThat(hash).hasSize(64).doesNotContain(key.key().substring(13));
            assertThat(ApiKeys.matches(key.key(), hash)).isTrue();
            assertThat(ApiKeys.matches(key.key() + "x", hash)).isFalse();
            prefixes.add(key.prefix());
        }
        assertThat(prefixes).hasSizeGreaterThan(195);
        assertThat(ApiKeys.prefixOf("drk_short")).isNull();
        assertThat(ApiKeys.prefixOf("xyz_abcdefgh_" + "A".repeat(43))).isNull();
        assertThat(ApiKeys.prefixOf("drk_ABCDEFGH_" + "A".repeat(43))).isNull();
        assertThat(ApiKeys.prefixOf(null)).isNull();
    }

    @Test
    void scopesGiveRolesButNeverAdmin() {
        assertThat(ApiKeyScope.roles(List.of(ApiKeyScope.read))).containsExactly(Roles.VIEWER);
        assertThat(ApiKeyScope.roles(List.of(ApiKeyScope.write)))
                .containsExactlyInAnyOrder(Roles.VIEWER, Roles.ANALYST);
        assertThat(ApiKeyScope.roles(List.of(ApiKeyScope.read, ApiKeyScope.write)))
                .doesNotContain(Roles.ADMIN);
        assertThat(ApiKeyScope.parse(ApiKeyScope.format(Set.of(ApiKeyScope.write, ApiKeyScope.read))))
                .containsExactly(ApiKeyScope.read, ApiKeyScope.write);
        assertThat(ApiKeyScope.format(Set.of(ApiKeyScope.write, ApiKeyScope.read)))
                .isEqualTo("read,write");
    }
}
