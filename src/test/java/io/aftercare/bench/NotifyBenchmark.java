package io.aftercare.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.notify.outbox.DirectMessages;
import io.aftercare.notify.outbox.LimitedChannel;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.LoopbackReceiver;
import io.aftercare.support.TestApi;
import io.aftercare.support.TestDatabase;

/**
 * The outbox drained, measured (not asserted on time): 10,000 queued webhook deliveries sent to a loopback receiver
 * by the real delivery worker (signed, logged, marked sent), while 20 people each have 5 messages waiting on a
 * channel limited to one message a second per person (like Slack). Baseline in the same run: the same receiver's
 * raw throughput from a plain loop of POSTs with the same HTTP client. The rate limit is checked: no two sends to one
 * person less than a second apart. Run with {@code ./mvnw -Pbench verify} (see bench/README.md).
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.scheduler.polling-interval=100ms", "aftercare.notify.poll-interval=50ms",
    "aftercare.notify.batch-size=500", "aftercare.notify.initial-backoff=1s", "aftercare.notify.webhooks.require-https=false",
    "aftercare.notify.webhooks.allow-private-addresses=true", "aftercare.care.check-in-delay=2h",
    "logging.level.io.aftercare=WARN"})
class NotifyBenchmark {

    static final int MESSAGES = 10_000;
    static final int LIMITED_PEOPLE = 20;
    static final int LIMITED_EACH = 5;

    @TestConfiguration
    static class Channels {
        @Bean
        LimitedChannel limited() {
            return new LimitedChannel();
        }
    }

    static LoopbackReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = LoopbackReceiver.start(4);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    LimitedChannel limited;

    @Autowired
    DirectMessages direct;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void drainTenThousandWhileALimitedChannelKeepsItsPace() throws Exception {
        // baseline: the receiver's raw throughput, a plain loop of POSTs with the same kind of client
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] sample = "{\"type\":\"case.opened\",\"timestamp\":\"2026-11-25T10:00:00Z\",\"data\":{\"case\":\"case_x\"}}"
            .getBytes();
        long baseStart = System.nanoTime();
        int baseRetries = 0;
        for (int i = 0; i < MESSAGES; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(receiver.url("/baseline")))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sample)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException closedByTheServer) {
                baseRetries++; // a kept-alive connection the JDK server closed: try that one again, as the worker would
                i--;
            }
        }
        long baseMs = (System.nanoTime() - baseStart) / 1_000_000;

        var created = TestApi.at(port).asAdmin().post("/api/v1/webhook-subscriptions", Map.of("name", "Bench sink",
            "url", receiver.url("/sink"), "events", List.of("case.opened")));
        assertThat(created.status()).isEqualTo(201);
        UUID subscription = UUID.fromString(created.json("$.id"));
        List<UUID> limitedPeople = new ArrayList<>();
        for (int i = 0; i < LIMITED_PEOPLE; i++) {
            limitedPeople.add(people.create(new NewPerson("Limited " + i, "limited-" + i + "-" + UUID.randomUUID()
                + "@bench.test", "UTC", LocalTime.NOON, LocalTime.NOON, Set.of(), Map.of(), null,
                Set.of(Role.RESPONDER), List.of(), null), null).id());
        }

        // everything queued in one transaction: it becomes due at once
        Instant queuedAt = Instant.now();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < MESSAGES; i++) {
                UUID id = direct.add("bench:" + i + ":" + subscription, subscription, "WEBHOOK", "case.opened",
                    queuedAt, queuedAt).orElseThrow();
                jdbc.sql("""
                        INSERT INTO notify_webhook_delivery (message_id, subscription_id, event_type, body, created_at)
                        VALUES (?, ?, 'case.opened', ?, ?)""")
                    .params(id, subscription, "{\"type\":\"case.opened\",\"timestamp\":\"" + queuedAt
                        + "\",\"data\":{\"case\":\"case_" + i + "\",\"stage\":\"OPEN\"}}", DbTime.toDb(queuedAt))
                    .update();
            }
            for (UUID p : limitedPeople) {
                for (int j = 0; j < LIMITED_EACH; j++) {
                    direct.add("bench:limited:" + p + ":" + j, p, "LIMITED", "CHECK_IN", queuedAt, queuedAt);
                }
            }
        });
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM notify_message WHERE channel = 'WEBHOOK' AND status = 'SENT'")
            .query(Long.class).single() == MESSAGES);
        long drainMs = (System.nanoTime() - start) / 1_000_000;
        await().atMost(Duration.ofMinutes(2)).until(() -> limitedPeople.stream()
            .allMatch(p -> limited.sentTo.getOrDefault(p, List.of()).size() == LIMITED_EACH));

        assertThat(receiver.received("/sink")).hasSize(MESSAGES);
        long minGap = Long.MAX_VALUE;
        for (UUID p : limitedPeople) {
            List<Instant> times = limited.sentTo.get(p);
            for (int i = 1; i < times.size(); i++) {
                minGap = Math.min(minGap, Duration.between(times.get(i - 1), times.get(i)).toMillis());
            }
        }
        assertThat(minGap).as("1 message/s per person is never exceeded").isGreaterThanOrEqualTo(1000);

        long failedTries = jdbc.sql("SELECT COUNT(*) FROM notify_webhook_attempt WHERE outcome <> 'DELIVERED'")
            .query(Long.class).single();
        double rate = MESSAGES * 1000.0 / drainMs;
        double baseRate = MESSAGES * 1000.0 / baseMs;
        System.out.printf("BENCH notify [%s] drain %d webhook deliveries: %d ms = %.0f msg/s (baseline plain POST loop"
                + " %d ms = %.0f msg/s, ratio %.1f); failed tries retried: %d (baseline: %d)%n", TestDatabase.engine(),
            MESSAGES, drainMs, rate, baseMs, baseRate, (double) drainMs / baseMs, failedTries, baseRetries);
        System.out.printf("BENCH notify [%s] limited channel: %d people x %d messages, smallest gap to one person %d ms"
            + " (limit 1000 ms)%n", TestDatabase.engine(), LIMITED_PEOPLE, LIMITED_EACH, minGap);
    }
}
