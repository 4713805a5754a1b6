package io.aftercare.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 for tests and benchmarks: records every request (headers, body, when), answers
 * 200 unless told otherwise per path, and can be made slow.
 */
public final class LoopbackReceiver implements AutoCloseable {

    /** One request as the receiver saw it. */
    public record Received(String path, Map<String, String> headers, String body, Instant at, int answered) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What to answer on a path: a status and optional headers. */
    public record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;

    private LoopbackReceiver(int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!delay.isZero()) {
                // slow on purpose (delay(...)): a receiver that takes its time is what is under test, not a wait
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String path = exchange.getRequestURI().getPath();
            Answer answer = answers.getOrDefault(path, new Answer(200, Map.of()));
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            received.add(new Received(path, headers, new String(body, StandardCharsets.UTF_8), Instant.now(),
                answer.status()));
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    public static LoopbackReceiver start() throws IOException {
        return new LoopbackReceiver(4);
    }

    public static LoopbackReceiver start(int threads) throws IOException {
        return new LoopbackReceiver(threads);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(String path, int status, Map<String, String> headers) {
        answers.put(path, new Answer(status, headers));
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Received> received(String path) {
        List<Received> list = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                list.add(r);
            }
        }
        return list;
    }

    public int count() {
        return received.size();
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
