package io.aftercare.peersupport.requests;

import static io.aftercare.peersupport.SupportFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.support.TestInstances;

/**
 * Deadlines that pass while Aftercare is down are handled after the start: an acknowledgement deadline moves the
 * request on, a contact deadline tells the coordinator.
 */
class SupportRestartIT {

    List<String> database;
    final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeEach
    void oneDatabaseForBothRuns() {
        database = TestInstances.newDatabase();
    }

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(database);
        args.addAll(List.of("--server.port=0", "--aftercare.scheduler.polling-interval=200ms"));
        ConfigurableApplicationContext context = TestInstances.start(args);
        running.add(context);
        return context;
    }

    @Test
    void aDeadlinePassingWhileDownIsHandledOnceAfterTheStart() {
        ConfigurableApplicationContext first = start();
        People people = first.getBean(People.class);
        Roster roster = first.getBean(Roster.class);
        Person sam = person(people, "Sam Restart", null);
        List<UUID> supporters = new ArrayList<>();
        for (String name : List.of("Ada Supporter", "Ben Supporter")) {
            Person s = person(people, name, null, Role.SUPPORTER);
            roster.save(new Roster.Supporter(s.id(), 10, List.of(), LocalTime.MIN, LocalTime.of(23, 59), false));
            supporters.add(s.id());
        }
        UUID request = first.getBean(SupportRequestService.class).request(sam.id(), null, RequestOrigin.SELF, null, false);
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        UUID assignment = jdbc.sql("SELECT assignment_id FROM support_request WHERE id = ?").param(request)
            .query(UUID.class).single();
        first.getBean(SchedulerClient.class).reschedule(RequestScheduling.ACK_DUE.instanceId(assignment.toString()),
            Instant.now().plusSeconds(3));
        first.close();
        running.remove(first);

        ConfigurableApplicationContext second = start();
        JdbcClient jdbc2 = second.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !assignment.equals(jdbc2.sql(
            "SELECT assignment_id FROM support_request WHERE id = ?").param(request).query(UUID.class).single()));
        assertThat(jdbc2.sql("SELECT outcome FROM support_assignment WHERE request_id = ? ORDER BY assigned_at")
            .param(request).query(String.class).list()).containsExactly("TIMED_OUT", "PENDING");
        assertThat(jdbc2.sql("SELECT supporter_id FROM support_assignment WHERE request_id = ?").param(request)
            .query(UUID.class).list()).containsExactlyInAnyOrderElementsOf(supporters);
    }

    @Test
    void aContactDeadlinePassingWhileDownTellsTheCoordinatorAfterTheStart() {
        ConfigurableApplicationContext first = start();
        People people = first.getBean(People.class);
        Person sam = person(people, "Sam Restart", null);
        Person ada = person(people, "Ada Supporter", null, Role.SUPPORTER);
        first.getBean(Roster.class).save(
            new Roster.Supporter(ada.id(), 10, List.of(), LocalTime.MIN, LocalTime.of(23, 59), false));
        SupportRequestService requests = first.getBean(SupportRequestService.class);
        UUID request = requests.request(sam.id(), null, RequestOrigin.SELF, null, false);
        requests.acknowledge(ada.id(), request);
        first.getBean(SchedulerClient.class).reschedule(
            RequestScheduling.CONTACT_DUE.instanceId(request.toString()), Instant.now().plusSeconds(3));
        first.close();
        running.remove(first);

        ConfigurableApplicationContext second = start();
        JdbcClient jdbc = second.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM support_notice WHERE request_id = ? AND kind = 'CONTACT_OVERDUE'")
            .param(request).query(Long.class).single() == 1);
        assertThat(second.getBean(SupportRequestService.class).overdue())
            .extracting(SupportRequestService.Overdue::supporterName).containsExactly("Ada Supporter");
    }
}
