package io.aftercare.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestDatabase;

/**
 * Care at scale, measured (not asserted): (1) resolving one incident with 200 responders opens 200 cases and
 * schedules their check-ins; (2) over 10,000 scheduled steps (check-ins and follow-ups) falling due at once are all
 * processed. Each is printed with a baseline measured in the same run on the same database: plain SQL doing the bare minimum of writes.
 * Run with {@code ./mvnw -Pbench verify} (see bench/README.md).
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=2h", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.scheduler.threads=8", "aftercare.care.merge-window=0s", "logging.level.io.aftercare=WARN"})
class CareBenchmark {

    static final int RESPONDERS = 200;
    static final int INCIDENTS = 13; // 13 incidents × 200 people × 4 steps (check-in, days 1, 7, 30) = 10,400

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void careAtScale() {
        List<UUID> everyone = new ArrayList<>();
        for (int i = 0; i < RESPONDERS; i++) {
            everyone.add(people.create(new NewPerson("Bench " + i, "bench-" + i + "-" + UUID.randomUUID() + "@bench.test",
                "UTC", LocalTime.NOON, LocalTime.NOON, Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(),
                null), null).id());
        }
        Instant now = Instant.now();

        // baseline 1: one transaction inserting 200 case rows and 200 step rows with plain SQL
        jdbc.sql("CREATE TABLE bench_case (id UUID PRIMARY KEY, person_id UUID, opened_at TIMESTAMP WITH TIME ZONE)")
            .update();
        long base1 = time(() -> tx.executeWithoutResult(s -> {
            for (UUID p : everyone) {
                jdbc.sql("INSERT INTO bench_case (id, person_id, opened_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
                    .params(UUID.randomUUID(), p).update();
                jdbc.sql("INSERT INTO bench_case (id, person_id, opened_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
                    .params(UUID.randomUUID(), p).update();
            }
        }));
        long open = time(() -> care.incidentResolved(incident(now.minus(Duration.ofMinutes(60)), everyone)));
        long cases = jdbc.sql("SELECT COUNT(*) FROM care_case").query(Long.class).single();
        assertThat(cases).isEqualTo(RESPONDERS);
        report("open 200 cases + schedule check-ins (first call after start)", open, base1);

        // 12 more incidents, each a second later (no merge window here, so each opens its own cases)
        List<Long> warm = new ArrayList<>();
        for (int i = 1; i < INCIDENTS; i++) {
            Instant resolvedAt = now.minus(Duration.ofMinutes(60)).plusSeconds(i);
            warm.add(time(() -> care.incidentResolved(incident(resolvedAt, everyone))));
        }
        report("open 200 cases + schedule check-ins (median of the next " + warm.size() + ")",
            warm.stream().sorted().toList().get(warm.size() / 2), base1);
        long scheduled = scheduledSteps();
        assertThat(scheduled).isEqualTo(4L * RESPONDERS * INCIDENTS);

        // baseline 2: one plain UPDATE of as many rows
        jdbc.sql("CREATE TABLE bench_step AS SELECT id, status FROM care_step").update();
        long base2 = time(() -> jdbc.sql("UPDATE bench_step SET status = 'PENDING' WHERE status = 'SCHEDULED'")
            .update());

        // all due at once; earlier events (cases opened) are handled first, so that they do not count here
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> openPublications() == 0);
        long steps = scheduled;
        long start = System.nanoTime();
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = CURRENT_TIMESTAMP WHERE task_name = 'care-step-due'")
            .update();
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
            .until(() -> scheduledSteps() == 0);
        long drain = (System.nanoTime() - start) / 1_000_000;
        report(steps + " steps falling due at once: every step moved on", drain, base2);
        // and notify has put each prompt in its inbox / outbox (the events care published are all handled)
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
            .until(() -> openPublications() == 0);
        long handled = (System.nanoTime() - start) / 1_000_000;
        report(steps + " steps falling due at once: every prompt handed to notify", handled, base2);
    }

    private long openPublications() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
            .single();
    }

    private long scheduledSteps() {
        return jdbc.sql("SELECT COUNT(*) FROM care_step WHERE status = 'SCHEDULED'").query(Long.class).single();
    }

    private static ResolvedIncident incident(Instant resolvedAt, List<UUID> everyone) {
        return new ResolvedIncident(UUID.randomUUID(), "Bench incident", "SEV2",
            resolvedAt.minus(Duration.ofMinutes(50)), resolvedAt.minus(Duration.ofMinutes(45)), resolvedAt,
            everyone.stream().map(p -> new ResolvedIncident.Responder(p, "RESPONDER", null)).toList());
    }

    private static void report(String what, long millis, long baselineMillis) {
        System.out.printf("BENCH care [%s] %s: %d ms (baseline plain SQL %d ms, ratio %.1f)%n", TestDatabase.engine(),
            what, millis, baselineMillis, baselineMillis == 0 ? Double.NaN : (double) millis / baselineMillis);
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
