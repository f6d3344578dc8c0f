package com.dealradar.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Sends the same request from many threads released at once, for tests of what concurrent writers get. */
public final class Races {

    private Races() {}

    /** The answers of {@code n} copies of {@code request} started together. */
    public static List<Response> race(int n, Supplier<Response> request) throws Exception {
        return together(java.util.Collections.nCopies(n, request));
    }

    /**
     * The results of {@code tasks}, each run on a thread of its own and released together. Not
     * {@code CompletableFuture.supplyAsync} without an executor: on two cores the common pool has one thread, which
     * runs such tasks one after another (a test of concurrent writers then tests none).
     */
    public static <T> List<T> together(List<Supplier<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<T>> results = tasks.stream()
                    .map(task -> pool.submit(() -> {
                        start.await();
                        return task.get();
                    }))
                    .toList();
            start.countDown();
            List<T> out = new java.util.ArrayList<>();
            for (Future<T> result : results) {
                out.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return out;
        }
    }

    /** How many answers had each status, printed for the test log. */
    public static Map<Integer, Integer> countByStatus(String what, List<Response> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach(r -> counts.merge(r.statusCode(), 1, Integer::sum));
        System.out.println(what + ": " + answers.size() + " requests, by status " + counts);
        return counts;
    }

    /**
     * Concurrent creates of one unique key: exactly one 201, every other writer a 409 problem naming {@code field}
     * (never a 500, which would also count against the gateway's circuit breaker for every other caller).
     */
    public static void assertOneCreatedRestConflictOn(String field, List<Response> answers) {
        Map<Integer, Integer> counts = countByStatus("concurrent creates of one " + field, answers);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1, 409, answers.size() - 1));
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.<List<String>>path("errors.field")).containsExactly(field);
        });
    }
}
