package com.dealradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CountersTest {

    @Test
    void headersFollowTheDraftsStructuredFieldForm() {
        Decision d = new Decision(new Quota("standard", 600, Duration.ofMinutes(1)), 1, 41_200);
        assertThat(d.policyHeader()).isEqualTo("\"standard\";q=600;w=60");
        assertThat(d.limitHeader()).isEqualTo("\"standard\";r=599;t=42");
        assertThat(d.allowed()).isTrue();
        Decision over = new Decision(new Quota("standard", 600, Duration.ofMinutes(1)), 601, 10);
        assertThat(over.allowed()).isFalse();
        assertThat(over.limitHeader()).isEqualTo("\"standard\";r=0;t=1");
    }

    @Test
    void memoryWindowsAreExactUnderConcurrencyAndReset() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        MemoryCounterStore store = new MemoryCounterStore(now::get);
        Quota quota = new Quota("tiny", 10, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Decision>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(pool.submit(() -> store.hitNow("k", quota)));
        }
        int allowed = 0;
        for (Future<Decision> f : results) {
            allowed += f.get().allowed() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(allowed).isEqualTo(10);
        now.addAndGet(9_999);
        assertThat(store.hitNow("k", quota).allowed()).isFalse();
        assertThat(store.hitNow("other", quota).allowed()).isTrue();
        now.addAndGet(1);
        Decision fresh = store.hitNow("k", quota);
        assertThat(fresh.count()).isEqualTo(1);
        assertThat(fresh.resetMillis()).isEqualTo(10_000);
    }
}
