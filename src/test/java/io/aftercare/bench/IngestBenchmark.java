package io.aftercare.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.directory.NewPerson;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.intake.integration.IntakeProperties;
import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.TestDatabase;

/**
 * Sustained ingestion of signed PagerDuty V3 webhook events over loopback, measured (not asserted), against the same
 * server's no-op endpoint in the same run: (1) throughput with a closed loop of {@value #CONCURRENCY} senders, each on
 * a kept-alive connection, and how long the stored deliveries then take to be applied, (2) latency at a steady
 * {@value #RATE} events/s (open loop: each request's latency counts from the moment it was
 * due, so a slow answer does not hide the ones queued behind it). Events trigger, acknowledge and resolve incidents
 * in turn, with a responder matched by PagerDuty id; resolving opens care cases as it would in production.
 * Run with {@code ./mvnw -Pbench verify -DargLine=-Xmx256m -Dit.test=IngestBenchmark} (see bench/README.md).
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.bench.noop=true", "aftercare.test.durable=true",
    "logging.level.io.aftercare=WARN",
    "logging.level.org.springframework.modulith=WARN"})
class IngestBenchmark {

    static final int CONCURRENCY = Integer.getInteger("bench.ingest.concurrency", 16);
    static final int SECONDS = Integer.getInteger("bench.ingest.seconds", 20);
    static final int RATE = 500;
    static final String SECRET = "bench-signing-secret-0123456789";
    static final int BURST_INCIDENTS = Integer.getInteger("bench.ingest.burst.incidents", 500);
    static final int BURST_EVENTS = 10;

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IntakeProperties intake;

    /** Each sender thread keeps its own connection alive, as a webhook sender does. */
    final ThreadLocal<LoopbackHttp> CONNECTION = ThreadLocal.withInitial(() -> new LoopbackHttp(port));
    final AtomicLong sequence = new AtomicLong();
    String path;
    String pdUser;

    @Test
    void ingestion() throws Exception {
        TestApi admin = TestApi.at(port).asAdmin();
        var made = admin.post("/api/v1/integrations", Map.of("type", "pagerduty", "name", "Bench", "secret", SECRET));
        assertThat(made.status()).isEqualTo(201);
        String id = made.json("$.id");
        path = "/webhooks/pagerduty/" + id;
        pdUser = "PBENCH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        people.create(new NewPerson("Bench Responder", "bench-" + UUID.randomUUID() + "@bench.test", "UTC", null, null,
            null, Map.of("pagerduty", pdUser), null, Set.of(Role.RESPONDER), List.of(), null), null);
        String noop = "/webhooks/noop/" + id;
        assertThat(send(noop).status).isEqualTo(200);
        assertThat(send(path).status).isEqualTo(202);

        closedLoop(path, 5); // warm-up: JIT, connections
        closedLoop(noop, 5);
        drain();
        Throughput noopRate = closedLoop(noop, SECONDS);
        DistributionSummary batches = meters.get("aftercare.intake.stored.batch").summary();
        long commitsBefore = batches.count();
        double storedBefore = batches.totalAmount();
        DistributionSummary applies = meters.get("aftercare.intake.applied.batch").summary();
        long appliesBefore = applies.count();
        double appliedBefore = applies.totalAmount();
        long[] writesBefore = h2Writes();
        Throughput ingestRate = closedLoop(path, SECONDS);
        long[] writesAfter = h2Writes();
        double perCommit = (batches.totalAmount() - storedBefore) / Math.max(1, batches.count() - commitsBefore);
        long queuedAtEnd = queued();
        double appliedSeconds = drain() + ingestRate.seconds;
        double appliedPerCommit = (applies.totalAmount() - appliedBefore) / Math.max(1, applies.count() - appliesBefore);
        Latency noopLatency = openLoop(noop, SECONDS);
        Latency ingestLatency = openLoop(path, SECONDS);
        long latencyQueued = queued();
        double latencyDrain = drain();
        long applied = jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE outcome = 'ACCEPTED' AND integration_id = ?")
            .param(UUID.fromString(id)).query(Long.class).single();

        String db = TestDatabase.engine() + (TestDatabase.isPostgres()
            ? " (synchronous_commit " + jdbc.sql("SHOW synchronous_commit").query(String.class).single() + ")"
            : " (file, WRITE_DELAY=0)");
        System.out.printf("BENCH ingest %s: %.0f events/s stored and answered 202, signed PagerDuty V3 (%d sent, %d not"
                + " 2xx) vs no-op %.0f req/s: ratio %.2f; %d senders, %d s, max heap %d MB%n", db,
            ingestRate.perSecond(), ingestRate.sent, ingestRate.failed, noopRate.perSecond(),
            ingestRate.perSecond() / noopRate.perSecond(), CONCURRENCY, SECONDS,
            Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("BENCH ingest %s applied: %d still queued when the senders stopped; all %d applied %.1f s "
                + "after the phase began: %.0f events/s applied; %.1f deliveries stored per commit, %.1f applied per "
                + "commit%n", db, queuedAtEnd, ingestRate.sent - ingestRate.failed, appliedSeconds,
            (ingestRate.sent - ingestRate.failed) / appliedSeconds, perCommit, appliedPerCommit);
        if (writesBefore != null) {
            System.out.printf("BENCH ingest %s file writes in the 16-sender phase: %d writes, %.0f MB (%.1f KB a "
                    + "delivery stored)%n", db, writesAfter[0] - writesBefore[0],
                (writesAfter[1] - writesBefore[1]) / 1e6, (writesAfter[1] - writesBefore[1]) / 1e3 / ingestRate.sent);
        }
        System.out.printf("BENCH ingest %s at %d events/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d sent, %d not 2xx)"
                + " vs no-op p50 %.1f ms, p99 %.1f ms: p99 ratio %.1f; %d queued at the end, applied %.1f s later%n",
            db, RATE, ingestLatency.percentile(50), ingestLatency.percentile(99), ingestLatency.percentile(100),
            ingestLatency.micros.length, ingestLatency.failed, noopLatency.percentile(50), noopLatency.percentile(99),
            ingestLatency.percentile(99) / Math.max(0.001, noopLatency.percentile(99)), latencyQueued, latencyDrain);
        System.out.printf("BENCH ingest %s: %d deliveries applied in all%n", db, applied);

        Burst burst = burst(path, BURST_INCIDENTS, BURST_EVENTS);
        System.out.printf("BENCH ingest %s burst: %d deliveries about %d incidents (%d senders, each incident's events"
                + " in order) stored in %.1f s, %.0f a second (%d not 2xx); all applied %.2f s after the last 2xx "
                + "(%d applier threads)%n", db, burst.sent, BURST_INCIDENTS, CONCURRENCY, burst.storeSeconds,
            burst.sent / burst.storeSeconds, burst.failed, burst.appliedAfterSeconds,
            TestDatabase.isPostgres() ? intake.applierThreads() : 1);
        // not asserted: an overloaded server answering 503 (retry later) is behaving as designed; the counts say it
    }

    /** H2's count of file writes and bytes written so far; {@code null} on PostgreSQL. */
    long[] h2Writes() {
        if (TestDatabase.isPostgres()) {
            return null;
        }
        Map<String, Long> info = new java.util.HashMap<>();
        jdbc.sql("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME IN ('info.FILE_WRITE', 'info.FILE_WRITE_BYTES')")
            .query(rs -> {
                info.put(rs.getString(1), Long.parseLong(rs.getString(2)));
            });
        return new long[] {info.get("info.FILE_WRITE"), info.get("info.FILE_WRITE_BYTES")};
    }

    long queued() {
        return jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE outcome = 'QUEUED'").query(Long.class).single();
    }

    /** Waits until every stored delivery is applied; @return the seconds it took. */
    double drain() {
        long start = System.nanoTime();
        await("stored deliveries applied").atMost(Duration.ofMinutes(10)).pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(50)).until(() -> queued() == 0);
        return (System.nanoTime() - start) / 1e9;
    }

    record Sent(int status, long micros) {
    }

    /** The next event: incidents are triggered, acknowledged and resolved in turn, each event with its own id. */
    Sent send(String target) {
        long n = sequence.incrementAndGet();
        long incident = n / 3;
        String type = switch ((int) (n % 3)) {
            case 0 -> "triggered";
            case 1 -> "acknowledged";
            default -> "resolved";
        };
        String body = """
            {"event":{"id":"EV%d","event_type":"incident.%s","resource_type":"incident","occurred_at":"2026-01-10T08:0%d:00Z",
              "agent":{"id":"%s","type":"user_reference"},"client":{"name":"PagerDuty"},
              "data":{"id":"PBI%d","type":"incident","number":%d,"title":"Bench incident %d","status":"%s",
                "urgency":"high","html_url":"https://bench.pagerduty.com/incidents/PBI%d",
                "created_at":"2026-01-10T08:00:00Z","service":{"id":"PSVC","summary":"bench"},
                "assignees":[{"id":"%s","summary":"Bench Responder","type":"user_reference"}],
                "priority":{"id":"PPRIO","summary":"P3"},"teams":[]}}}""".formatted(n, type, n % 3, pdUser,
            incident, incident, incident, type, incident, pdUser);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(PagerDutySignature.HEADER, PagerDutySignature.sign(SECRET, bytes),
            "X-Webhook-Id", "WH" + n);
        long start = System.nanoTime();
        try {
            int status = CONNECTION.get().post(target, bytes, headers);
            return new Sent(status, (System.nanoTime() - start) / 1000);
        } catch (Exception e) {
            CONNECTION.get().close();
            return new Sent(-1, (System.nanoTime() - start) / 1000);
        }
    }

    record Burst(long sent, long failed, double storeSeconds, double appliedAfterSeconds) {
    }

    /**
     * A burst of {@code incidents × events} deliveries from {@value #CONCURRENCY} senders, each sending the events of
     * its own incidents in order (triggered, acknowledged, priority updates, resolved) and the incidents interleaved,
     * then the time from the last 2xx until every stored delivery is applied.
     */
    Burst burst(String target, int incidents, int events) throws Exception {
        drain();
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        for (int t = 0; t < CONCURRENCY; t++) {
            int sender = t;
            senders.submit(() -> {
                for (int e = 0; e < events; e++) {
                    for (int i = sender; i < incidents; i += CONCURRENCY) {
                        String type = e == 0 ? "triggered" : e == events - 1 ? "resolved"
                            : e == 1 ? "acknowledged" : "priority_updated";
                        String status = e == 0 ? "triggered" : e == events - 1 ? "resolved" : "acknowledged";
                        Sent s = post(target, "BURST" + tag + "-" + i + "-" + e, "PBURST" + tag + i, type, status, e);
                        sent.incrementAndGet();
                        if (s.status / 100 != 2) {
                            failed.incrementAndGet();
                        }
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
        long lastAnswered = System.nanoTime();
        double applied = drain();
        return new Burst(sent.get(), failed.get(), (lastAnswered - start) / 1e9, applied);
    }

    Sent post(String target, String eventId, String incident, String type, String status, int minute) {
        String body = """
            {"event":{"id":"%s","event_type":"incident.%s","resource_type":"incident","occurred_at":"2026-01-10T08:%02d:00Z",
              "agent":{"id":"%s","type":"user_reference"},"client":{"name":"PagerDuty"},
              "data":{"id":"%s","type":"incident","number":1,"title":"Burst incident %s","status":"%s",
                "urgency":"high","html_url":"https://bench.pagerduty.com/incidents/%s",
                "created_at":"2026-01-10T08:00:00Z","service":{"id":"PSVC","summary":"bench"},
                "assignees":[{"id":"%s","summary":"Bench Responder","type":"user_reference"}],
                "priority":{"id":"PPRIO","summary":"P3"},"teams":[]}}}""".formatted(eventId, type, minute, pdUser,
            incident, incident, status, incident, pdUser);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            return new Sent(CONNECTION.get().post(target, bytes, Map.of(PagerDutySignature.HEADER,
                PagerDutySignature.sign(SECRET, bytes))), 0);
        } catch (Exception e) {
            CONNECTION.get().close();
            return new Sent(-1, 0);
        }
    }

    record Throughput(long sent, long failed, double seconds) {
        double perSecond() {
            return sent / seconds;
        }
    }

    Throughput closedLoop(String target, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
        for (int i = 0; i < CONCURRENCY; i++) {
            senders.submit(() -> {
                while (System.nanoTime() < end) {
                    Sent s = send(target);
                    sent.incrementAndGet();
                    if (s.status / 100 != 2) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Throughput(sent.get(), failed.get(), (System.nanoTime() - start) / 1e9);
    }

    record Latency(long[] micros, long failed) {
        double percentile(int p) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1000.0;
        }
    }

    /** {@value #RATE} requests a second on a fixed schedule; latency from when each was due to its answer. */
    Latency openLoop(String target, int seconds) throws Exception {
        int total = RATE * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
        long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<Future<Long>> results = new ArrayList<>(total);
        AtomicLong failed = new AtomicLong();
        // enough threads that a slow answer never delays the next request's start
        ExecutorService senders = Executors.newFixedThreadPool(256);
        try {
            for (int i = 0; i < total; i++) {
                long due = begin + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                results.add(senders.submit(() -> {
                    Sent s = send(target);
                    if (s.status / 100 != 2) {
                        failed.incrementAndGet();
                    }
                    return (System.nanoTime() - due) / 1000;
                }));
            }
            long[] micros = new long[total];
            for (int i = 0; i < total; i++) {
                micros[i] = results.get(i).get();
            }
            return new Latency(micros, failed.get());
        } finally {
            senders.shutdown();
        }
    }
}
