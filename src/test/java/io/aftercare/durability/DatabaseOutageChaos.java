package io.aftercare.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Chaos, with nothing lost (issue #15): PostgreSQL stopped for {@value #OUTAGE_SECONDS} s under a steady stream of
 * signed PagerDuty webhooks, then started again on the same data directory and port, while one Aftercare process
 * (a real JVM on loopback) keeps running. While the database is away every webhook is answered 503 with a
 * Retry-After, as a problem detail and within {@value #ANSWER_BOUND_SECONDS} s, never 500 and never hanging;
 * readiness is DOWN and liveness UP. Afterwards, without a restart, readiness is UP again, every event the senders
 * got a 2xx for (they retry a 503 as PagerDuty does) is applied exactly once, and pages and the API answer.
 * Runs in the {@code -Pchaos} profile.
 */
class DatabaseOutageChaos {

    static final String SECRET = "outage-signing-secret-0123456789";
    static final int SENDERS = 4;
    static final int OUTAGE_SECONDS = 30;
    static final int ANSWER_BOUND_SECONDS = 15;

    /** One try to deliver one event. */
    record Attempt(long event, long startedNanos, long endedNanos, int status, String contentType,
                   String retryAfter) {
        double seconds() {
            return (endedNanos - startedNanos) / 1e9;
        }
    }

    private final AftercareProcesses aftercare = new AftercareProcesses();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private EmbeddedPostgres postgres;
    private Path pgData;
    private int pgPort;

    @AfterEach
    void stop() throws IOException {
        sending.set(false);
        aftercare.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    /** PostgreSQL on the same data directory and port every time; close() stops it and keeps the data. */
    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort)
            .start();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", "outage").getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A new incident, triggered, with its own event id. */
    private static byte[] event(long n) {
        return """
            {"event":{"id":"EVOUT%d","event_type":"incident.triggered","resource_type":"incident",
              "occurred_at":"2026-01-10T08:00:00Z","agent":{"id":"POUTAGE","type":"user_reference"},
              "client":{"name":"PagerDuty"},
              "data":{"id":"POUT%d","type":"incident","number":%d,"title":"Outage drill %d","status":"triggered",
                "urgency":"high","html_url":"https://outage.pagerduty.com/incidents/POUT%d",
                "created_at":"2026-01-10T08:00:00Z","service":{"id":"PSVC","summary":"outage"},
                "assignees":[],"priority":{"id":"PPRIO","summary":"P3"},"teams":[]}}}"""
            .formatted(n, n, n, n, n).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends new events one after another while sending is on, each retried after a 503 until it is taken. */
    private List<Long> send(String url) {
        List<Long> taken = new ArrayList<>();
        while (sending.get()) {
            long n = sequence.incrementAndGet();
            byte[] body = event(n);
            while (true) {
                long start = System.nanoTime();
                int status;
                String type = null;
                String retryAfter = null;
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(ANSWER_BOUND_SECONDS * 2))
                        .header("Content-Type", "application/json")
                        .header(PagerDutySignature.HEADER, PagerDutySignature.sign(SECRET, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    type = response.headers().firstValue("Content-Type").orElse(null);
                    retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                } catch (IOException e) {
                    status = -1; // no answer in time, or the connection failed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return taken;
                }
                attempts.add(new Attempt(n, start, System.nanoTime(), status, type, retryAfter));
                if (status >= 200 && status < 300) {
                    taken.add(n);
                    break;
                }
                // a sender retries a 503 (after its Retry-After; sooner here, to keep the test short)
                sleep(Duration.ofMillis(500));
            }
            sleep(Duration.ofMillis(50));
        }
        return taken;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void webhooksAnswer503WhileThePostgresIsAwayAndEverythingTakenIsAppliedOnceAfterWithoutARestart()
        throws Exception {
        pgData = Files.createTempDirectory("aftercare-outage-pg");
        pgPort = AftercareProcesses.freePort();
        postgres = startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE outage");
        }
        int port = AftercareProcesses.freePort();
        aftercare.start("outage", port, Files.createTempDirectory("aftercare-outage"), List.of(
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "outage"),
            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
            "--aftercare.public-url=http://127.0.0.1:" + port,
            "--aftercare.scheduler.polling-interval=1s", "--aftercare.scheduler.heartbeat-interval=2s",
            "--aftercare.notify.poll-interval=1s", "--aftercare.events.stale-after=10s",
            "--aftercare.events.check-every=2s"));
        TestApi admin = TestApi.at(port).asAdmin();
        TestApi anonymous = TestApi.at(port);
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        var integration = admin.post("/api/v1/integrations",
            Map.of("type", "pagerduty", "name", "Outage drill", "secret", SECRET));
        assertThat(integration.status()).as(integration.body()).isEqualTo(201);
        String url = "http://127.0.0.1:" + port + "/webhooks/pagerduty/" + integration.json("$.id");

        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<List<Long>>> taken = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            taken.add(senders.submit(() -> send(url)));
        }
        sleep(Duration.ofSeconds(5));
        assertThat(attempts).as("taken before the outage").anyMatch(a -> a.status() == 202);

        postgres.close(); // "fast" shutdown: connections cut, the data stays
        long down = System.nanoTime();
        sleep(Duration.ofSeconds(10));
        TestApi.Response readinessDown = anonymous.get("/actuator/health/readiness");
        TestApi.Response livenessDown = anonymous.get("/actuator/health/liveness");
        TestApi.Response apiDown = admin.get("/api/v1/incidents");
        var pageDown = browser.getHtml("/incidents");
        sleep(Duration.ofSeconds(OUTAGE_SECONDS - 10));

        postgres = startPostgres();
        long up = System.nanoTime();
        java.time.Instant back = java.time.Instant.now();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
        double readyAfter = (System.nanoTime() - up) / 1e9;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
            .until(() -> attempts.stream().anyMatch(a -> a.startedNanos() > up && a.status() == 202));
        double takenAfter = attempts.stream().filter(a -> a.startedNanos() > up && a.status() == 202)
            .mapToLong(Attempt::endedNanos).min().orElseThrow() / 1e9 - up / 1e9;
        sleep(Duration.ofSeconds(5));
        sending.set(false);
        List<Long> events = new ArrayList<>();
        for (Future<List<Long>> sender : taken) {
            events.addAll(sender.get(2, TimeUnit.MINUTES));
        }
        senders.shutdown();

        // while it was away: 503 problem details with a Retry-After, in time; never a 500 or no answer
        List<Attempt> all = new ArrayList<>(attempts);
        assertThat(all).allSatisfy(a -> {
            assertThat(a.status()).as("event %d answered in %.1f s", a.event(), a.seconds()).isIn(200, 202, 503);
            assertThat(a.seconds()).as("event %d answered in time", a.event()).isLessThan(ANSWER_BOUND_SECONDS);
        });
        List<Attempt> whileDown = all.stream()
            .filter(a -> a.startedNanos() > down + 1_000_000_000L && a.endedNanos() < up).toList();
        assertThat(whileDown).as("tries while the database was away").hasSizeGreaterThan(SENDERS * 5);
        assertThat(whileDown).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.retryAfter()).isNotNull();
        });
        assertThat(readinessDown.status()).as("readiness while away").isEqualTo(503);
        assertThat(readinessDown.body()).contains("DOWN");
        assertThat(livenessDown.status()).as("liveness while away").isEqualTo(200);
        assertThat(apiDown.status()).as("API while away: %s", apiDown.body()).isEqualTo(503);
        assertThat(pageDown.statusCode()).as("page while away").isEqualTo(503);
        assertThat(pageDown.body()).contains("Aftercare is busy right now");

        // after: without a restart, every event taken is applied, once; pages and the API answer
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
            .until(() -> count("SELECT COUNT(*) FROM intake_delivery WHERE outcome = 'QUEUED'") == 0);
        assertThat(events).doesNotHaveDuplicates();
        assertThat(count("SELECT COUNT(*) FROM intake_delivery WHERE outcome = 'ACCEPTED'")).isEqualTo(events.size());
        assertThat(count("SELECT COUNT(*) FROM incident WHERE source = 'pagerduty'")).isEqualTo(events.size());
        assertThat(count("SELECT COUNT(DISTINCT external_id) FROM incident WHERE source = 'pagerduty'"))
            .isEqualTo(events.size());
        assertThat(count("SELECT COUNT(*) FROM incident_timeline WHERE kind = 'CREATED'")).isEqualTo(events.size());
        // the scheduled work came through it too: the outbox worker and the resubmission of stale events run again
        String since = "TIMESTAMP WITH TIME ZONE '" + back + "'";
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> count(
            "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name IN ('notify-deliver', 'event-publications-resubmit')"
                + " AND last_success > " + since) == 2);
        double scheduledAfter = (System.nanoTime() - up) / 1e9;
        assertThat(admin.get("/api/v1/incidents").status()).isEqualTo(200);
        assertThat(browser.getHtml("/incidents").statusCode()).as("the same browser, still signed in").isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);

        long answered503 = whileDown.stream().filter(a -> a.status() == 503).count();
        double slowest = whileDown.stream().mapToDouble(Attempt::seconds).max().orElse(0);
        System.out.printf("DatabaseOutageChaos: %d events taken and applied once (%d tries in all); PostgreSQL away "
                + "%d s: %d tries answered 503, slowest %.1f s; readiness UP %.1f s and the first delivery taken "
                + "%.1f s after PostgreSQL was back; scheduled work had run again by %.1f s%n", events.size(), all.size(),
            OUTAGE_SECONDS, answered503, slowest, readyAfter, takenAfter, scheduledAfter);
    }
}
