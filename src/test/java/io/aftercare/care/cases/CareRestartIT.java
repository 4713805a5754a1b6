package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.person;
import static io.aftercare.care.cases.CareFixtures.sev2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.CareCases;
import io.aftercare.care.CheckInDue;
import io.aftercare.directory.People;
import io.aftercare.support.TestInstances;

/**
 * Every scheduled step happens once: across a stop and a start of the application, and with two instances on one
 * database (H2 and PostgreSQL).
 */
class CareRestartIT {

    /** Every step that fell due, in any of the instances of this test. */
    static final Queue<UUID> DUE = new ConcurrentLinkedQueue<>();

    @Component
    static class DueRecorder {
        @EventListener
        void on(CheckInDue due) {
            if (!due.reminder()) {
                DUE.add(due.stepId());
            }
        }
    }

    List<String> database;
    final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeEach
    void oneDatabaseForAllInstances() {
        DUE.clear();
        database = TestInstances.newDatabase();
    }

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = TestInstances.start(arguments(), DueRecorder.class);
        running.add(context);
        return context;
    }

    List<String> arguments() {
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--server.port=0", "--aftercare.care.check-in-delay=0s",
            "--aftercare.scheduler.polling-interval=200ms"));
        return args;
    }

    void stop(ConfigurableApplicationContext context) {
        context.close();
        running.remove(context);
    }

    static Map<UUID, Long> counts() {
        return DUE.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void stepsScheduledBeforeAStopHappenOnceAfterTheStart() {
        ConfigurableApplicationContext first = start();
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        var person = person(first.getBean(People.class), "Restart");
        first.getBean(CareCases.class).incidentResolved(sev2("Before the restart", person.id()));
        UUID checkIn = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'")
            .param(person.id()).query(UUID.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> DUE.contains(checkIn));
        // the day-1 follow-up falls due a few seconds from now: while the application is down
        UUID day1 = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'FOLLOW_UP' AND step_day = 1")
            .param(person.id()).query(UUID.class).single();
        first.getBean(SchedulerClient.class).reschedule(CareScheduling.STEP_DUE.instanceId(day1.toString()),
            Instant.now().plusSeconds(3));
        stop(first);
        assertThat(DUE).doesNotContain(day1);

        ConfigurableApplicationContext second = start();
        await().atMost(Duration.ofSeconds(30)).until(() -> DUE.contains(day1));
        JdbcClient again = second.getBean(JdbcClient.class);
        // the event is heard inside the job's run, before its transaction commits and before db-scheduler removes
        // the job when the run ends: what the database shows is awaited
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(again.sql(
                "SELECT status FROM care_step WHERE id = ?").param(day1).query(String.class).single())
            .isEqualTo("PENDING"));
        assertThat(counts()).containsEntry(checkIn, 1L).containsEntry(day1, 1L).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(again.sql(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'care-step-due' AND task_instance IN (?, ?)")
            .params(checkIn.toString(), day1.toString()).query(Long.class).single()).isZero());
    }

    @Test
    void twoInstancesOnOneDatabaseRunEachStepOnce() {
        // one after the other: the first one migrates the database and creates the admin
        ConfigurableApplicationContext a = start();
        ConfigurableApplicationContext b = start();
        People people = a.getBean(People.class);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(person(people, "Twin " + i).id());
        }
        // half the incidents reach one instance, half the other; all check-ins are due at once
        a.getBean(CareCases.class).incidentResolved(sev2("Split brain", ids.subList(0, 10).toArray(UUID[]::new)));
        b.getBean(CareCases.class).incidentResolved(sev2("Split brain", ids.subList(10, 20).toArray(UUID[]::new)));
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM care_step WHERE kind = 'CHECK_IN' AND status = 'PENDING'").query(Long.class)
            .single() == 20);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> DUE.size() == 20);
        assertThat(counts()).hasSize(20).allSatisfy((step, n) -> assertThat(n).isEqualTo(1L));
    }
}
