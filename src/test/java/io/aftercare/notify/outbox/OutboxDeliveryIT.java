package io.aftercare.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.BrokenH2Index;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The delivery worker on a real database (H2 and PostgreSQL), with a loopback channel that counts what it is given:
 * many workers draining at once send every message exactly once; a message claimed by an instance that died is
 * taken over when its claim runs out and sent once; a peer's Retry-After is waited for.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.scheduler.polling-interval=200ms", "aftercare.notify.poll-interval=200ms",
    "aftercare.notify.initial-backoff=100ms", "aftercare.notify.max-backoff=200ms"})
class OutboxDeliveryIT {

    /** Counts sends per message; fails a message's first try with a Retry-After when asked to. */
    static class Loopback implements Channel {
        final Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();
        final Map<UUID, Duration> rateLimitOnce = new ConcurrentHashMap<>();
        final Map<UUID, List<Instant>> tries = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "LOOPBACK";
        }

        @Override
        public boolean configured() {
            return true;
        }

        @Override
        public boolean reaches(PersonRef person) {
            return true;
        }

        @Override
        public void send(OutgoingMessage message, PersonRef person) throws DeliveryFailure {
            tries.computeIfAbsent(message.id(), k -> new CopyOnWriteArrayList<>()).add(Instant.now());
            Duration wait = rateLimitOnce.remove(message.id());
            if (wait != null) {
                throw new DeliveryFailure("429", false, wait, null);
            }
            sends.computeIfAbsent(message.id(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @TestConfiguration
    static class Channels {
        @Bean
        Loopback loopback() {
            return new Loopback();
        }

        @Bean
        LimitedChannel limited() {
            return new LimitedChannel();
        }
    }

    @Autowired
    LimitedChannel limited;

    @Autowired
    Loopback loopback;

    @Autowired
    Outbox outbox;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    UUID person;

    @BeforeEach
    void setUp() {
        person = people.create(new NewPerson("Pat Loop", "pat-" + UUID.randomUUID() + "@notify.test", "UTC",
            LocalTime.NOON, LocalTime.NOON, Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(),
            "loop-password-123"), null).id();
    }

    private List<UUID> enqueue(int n) {
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            outbox.add("test:" + UUID.randomUUID(), person, "LOOPBACK", "CHECK_IN", UUID.randomUUID(), null, 0, false,
                now, now);
        }
        return jdbc.sql("SELECT id FROM notify_message WHERE person_id = ?").param(person).query(UUID.class).list();
    }

    @Test
    void manyWorkersDrainingAtOnceSendEveryMessageExactlyOnce() throws Exception {
        List<UUID> ids = enqueue(300);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(worker::drain));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND status = 'SENT'")
            .param(person).query(Long.class).single() == ids.size());
        for (UUID id : ids) {
            assertThat(loopback.sends.get(id)).as("message " + id).isNotNull();
            assertThat(loopback.sends.get(id).get()).as("sent once: " + id).isEqualTo(1);
        }
    }

    @Test
    void aChannelsLimitPerPersonIsNeverExceededAndDoesNotHoldUpOthers() throws Exception {
        UUID other = people.create(new NewPerson("Alex Other", "alex-" + UUID.randomUUID() + "@notify.test", "UTC",
            LocalTime.NOON, LocalTime.NOON, Set.of(), Map.of(), null, Set.of(Role.RESPONDER), List.of(),
            "loop-password-123"), null).id();
        Instant now = Instant.now();
        for (int i = 0; i < 4; i++) {
            outbox.add("test:" + UUID.randomUUID(), person, "LIMITED", "CHECK_IN", UUID.randomUUID(), null, 0, false,
                now, now);
        }
        outbox.add("test:" + UUID.randomUUID(), other, "LIMITED", "CHECK_IN", UUID.randomUUID(), null, 0, false,
            now, now);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the scheduled worker runs too; these extra drains, every 150 ms until all four went, try to go
            // faster than the limit allows
            await().pollInterval(Duration.ofMillis(150)).atMost(Duration.ofSeconds(30)).until(() -> {
                pool.submit(worker::drain).get();
                return limited.sentTo.getOrDefault(person, List.of()).size() == 4;
            });
        } finally {
            pool.shutdown();
        }
        // the limit holds between the tries' reservations of the person's slot; the channel notes each send a little
        // after its reservation, later for one held up on a busy machine (988 ms was seen in CI), so the gaps it sees
        // are allowed 100 ms less. Without the limit they are the extra drains' 150 ms.
        List<Instant> times = limited.sentTo.get(person);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).as("gap before message " + (i + 1))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
        assertThat(limited.sentTo.get(other)).hasSize(1);
        assertThat(Duration.between(now, limited.sentTo.get(other).get(0))).as("another person does not wait")
            .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aMessageClaimedByAnInstanceThatDiedIsTakenOverWhenItsClaimRunsOutAndSentOnce() {
        UUID id = enqueue(1).get(0);
        // another instance claimed it and died before sending: its claim runs out in two seconds
        jdbc.sql("UPDATE notify_message SET claimed_by = 'dead-instance', claimed_until = ? WHERE id = ?")
            .params(DbTime.toDb(Instant.now().plusSeconds(2)), id).update();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> !loopback.sends.containsKey(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> loopback.sends.containsKey(id));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
            .until(() -> loopback.sends.get(id).get() == 1);
        assertThat(jdbc.sql("SELECT status FROM notify_message WHERE id = ?").param(id).query(String.class).single())
            .isEqualTo("SENT");
    }

    @Test
    void aRetryAfterFromThePeerIsWaitedFor() {
        Instant now = Instant.now();
        outbox.add("test:" + UUID.randomUUID(), person, "LOOPBACK", "CHECK_IN", UUID.randomUUID(), null, 0, false,
            now.plusSeconds(3600), now);
        UUID id = jdbc.sql("SELECT id FROM notify_message WHERE person_id = ?").param(person).query(UUID.class).single();
        loopback.rateLimitOnce.put(id, Duration.ofSeconds(3));
        jdbc.sql("UPDATE notify_message SET not_before = ? WHERE id = ?").params(DbTime.toDb(Instant.now()), id)
            .update();
        // the receiver has it before the worker records the send: wait for the record too
        await().atMost(Duration.ofSeconds(30)).until(() -> loopback.sends.containsKey(id) && "SENT".equals(
            jdbc.sql("SELECT status FROM notify_message WHERE id = ?").param(id).query(String.class).single()));
        Map<String, Object> row = jdbc.sql("SELECT attempts, last_attempt_at, sent_at FROM notify_message WHERE id = ?")
            .param(id).query().singleRow();
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
        assertThat(loopback.tries.get(id)).hasSize(2);
        Instant first = loopback.tries.get(id).get(0);
        Instant second = loopback.tries.get(id).get(1);
        assertThat(Duration.between(first, second)).as("the 3 s Retry-After, not the 100 ms backoff")
            .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    }

    @Test
    @DisabledIfSystemProperty(named = "aftercare.test.db", matches = "postgres",
        disabledReason = "an H2 file's indexes; PostgreSQL's are not left out of step")
    void aMessageACrashLeftOutOfItsTablesIndexesIsSentOnceTheyAreRebuilt() throws SQLException {
        double rebuiltBefore = meters.get("aftercare.database.indexes.rebuilt").counter().count();
        Instant now = Instant.now();
        outbox.add("test:" + UUID.randomUUID(), person, "LOOPBACK", "CHECK_IN", UUID.randomUUID(), null, 0, false,
            now.plusSeconds(2), now);
        UUID id = jdbc.sql("SELECT id FROM notify_message WHERE person_id = ?").param(person).query(UUID.class)
            .single();
        // as WebhookBurstChaos found an H2 file after a kill (decision 0076): every claim of the row fails. (Out of
        // the index the worker finds due messages by, it would not be found at all: that is for the start after an
        // unclean stop to mend.)
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(BrokenH2Index.takeOut(c, "notify_message", id, Set.of("ix_notify_message_person",
                "uq_notify_message_key"))).isEqualTo(2);
            c.commit();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(
            jdbc.sql("SELECT status FROM notify_message WHERE id = ?").param(id).query(String.class).single()));
        assertThat(loopback.sends.get(id).get()).as("sent once").isEqualTo(1);
        assertThat(meters.get("aftercare.database.indexes.rebuilt").counter().count()).isEqualTo(rebuiltBefore + 1);
    }
}
