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
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<Response>> answers = java.util.stream.IntStream.range(0, n)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return request.get();
                    }))
                    .toList();
            start.countDown();
            List<Response> out = new java.util.ArrayList<>();
            for (Future<Response> answer : answers) {
                out.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
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
