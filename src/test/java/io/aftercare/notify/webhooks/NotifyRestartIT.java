package io.aftercare.notify.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.support.LoopbackReceiver;
import io.aftercare.support.TestInstances;

/**
 * Restart in the middle of a batch (H2 and PostgreSQL): 150 webhook deliveries are queued for a slow receiver; the
 * application is stopped while it is sending them and a new one is started on the same database. Every message
 * arrives, and none twice.
 */
class NotifyRestartIT {

    static final int MESSAGES = 150;

    List<String> database;
    final List<ConfigurableApplicationContext> running = new ArrayList<>();
    LoopbackReceiver receiver;

    @BeforeEach
    void oneDatabaseForBothInstances() throws Exception {
        database = TestInstances.newDatabase();
        receiver = LoopbackReceiver.start(2);
        receiver.delay(Duration.ofMillis(40));
    }

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
        receiver.close();
    }

    ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--server.port=0", "--aftercare.scheduler.polling-interval=100ms",
            "--aftercare.notify.poll-interval=100ms", "--aftercare.notify.batch-size=20",
            "--aftercare.notify.webhooks.require-https=false",
            "--aftercare.notify.webhooks.allow-private-addresses=true"));
        ConfigurableApplicationContext context = TestInstances.start(args);
        running.add(context);
        return context;
    }

    static long count(JdbcClient jdbc, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE channel = 'WEBHOOK' AND status = ?")
            .param(status).query(Long.class).single();
    }

    @Test
    void stoppedWhileSendingThenStartedAgainEveryMessageArrivesExactlyOnce() {
        ConfigurableApplicationContext first = start();
        UUID admin = first.getBean(JdbcClient.class).sql("SELECT id FROM person ORDER BY created_at LIMIT 1")
            .query(UUID.class).single();
        first.getBean(WebhookSubscriptions.class).create("Slow receiver", receiver.url("/slow"),
            List.of("case.opened"), true, admin);
        WebhookEvents events = first.getBean(WebhookEvents.class);
        first.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
            for (int i = 0; i < MESSAGES; i++) {
                UUID caseId = UUID.randomUUID();
                events.publish(WebhookEventType.CASE_OPENED, "case.opened:" + caseId, Instant.now(),
                    p -> Map.of("case", p.of("case", caseId)));
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.count() >= 30);
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        assertThat(count(jdbc, "PENDING")).as("stopped in the middle, with messages left").isPositive();
        first.close();
        running.remove(first);
        int beforeRestart = receiver.count();
        assertThat(beforeRestart).isLessThan(MESSAGES);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
            .until(() -> receiver.count() == beforeRestart);

        ConfigurableApplicationContext second = start();
        JdbcClient again = second.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> count(again, "SENT") == MESSAGES);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
            .until(() -> receiver.count() == MESSAGES);
        Map<String, Long> perId = receiver.received("/slow").stream()
            .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
        assertThat(perId).hasSize(MESSAGES).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(receiver.received("/slow").size() - beforeRestart).as("the second instance sent the rest")
            .isPositive();
        Map<String, Long> byStatus = again.sql("SELECT status FROM notify_message WHERE channel = 'WEBHOOK'")
            .query(String.class).list().stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(byStatus).containsExactly(Map.entry("SENT", (long) MESSAGES));
    }
}
