package com.dealradar.gateway.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP receiver on loopback for the webhook tests: records every request it gets (headers, body, arrival time)
 * and answers what {@code behaviour} says for the n-th request (1-based); a negative answer means "hang for that many
 * milliseconds, then 200" (to hit the sender's timeout).
 */
final class Receiver implements AutoCloseable {

    record Received(int n, Map<String, List<String>> headers, byte[] body, long atMillis, int answered) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AtomicInteger count = new AtomicInteger();
    volatile IntUnaryOperator behaviour;

    Receiver(IntUnaryOperator behaviour) throws IOException {
        this.behaviour = behaviour;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            int n = count.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answer = this.behaviour.applyAsInt(n);
            // Recorded on arrival (in arrival order); a hang is recorded as answered -1: the sender times out first.
            received.add(new Received(
                    n,
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    System.currentTimeMillis(),
                    answer < 0 ? -1 : answer));
            if (answer < 0) {
                try {
                    Thread.sleep(-answer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer = 200;
            }
            try {
                exchange.sendResponseHeaders(answer, -1);
            } catch (IOException e) {
                // the sender gave up (timeout): recorded all the same
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/dealradar?tenant=t1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
