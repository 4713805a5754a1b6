package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * A burst of webhook deliveries about many incidents, each incident's events sent in order and the incidents
 * interleaved, applied on PostgreSQL by two applier threads (decision 0052; H2 keeps its one): every incident shows
 * the story its events told, in their order, and nothing is applied twice.
 */
@AftercareIT
@TestPropertySource(properties = "aftercare.intake.applier-threads=2")
class PartitionedApplierIT {

    static final int INCIDENTS = 120;
    static final int SENDERS = 12;
    static final String SECRET = "pd-signing-secret-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachIncidentsEventsAreAppliedInTheOrderTheyWereStoredAndOnlyOnce() throws Exception {
        TestApi admin = TestApi.at(port).asAdmin();
        TestApi.Response made = admin.post("/api/v1/integrations",
            Map.of("type", "pagerduty", "name", "Burst " + UUID.randomUUID(), "secret", SECRET));
        assertThat(made.status()).isEqualTo(201);
        String integration = made.json("$.id");
        String path = "/webhooks/pagerduty/" + integration;
        String pdUser = "PU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        people.create(new NewPerson("Sam Burst", "sam-" + UUID.randomUUID() + "@example.test", "UTC", null, null, null,
            Map.of("pagerduty", pdUser), null, Set.of(Role.RESPONDER), List.of(), null), null);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Webhooks hooks = new Webhooks(port);
        String[][] story = {{"triggered", "08:00:00"}, {"acknowledged", "08:05:00"}, {"resolved", "08:30:00"}};

        // each sender has its own incidents and sends each one's events in order, a round of every incident's first
        // event, then of their second, then third: the queue holds all incidents' events interleaved
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<List<Integer>>> answers = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            answers.add(senders.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (String[] event : story) {
                    for (int i = sender; i < INCIDENTS; i += SENDERS) {
                        String incident = "PORD" + tag + i;
                        String body = IntakeWebhookIT.pdEvent(event[0] + "-" + incident, "incident." + event[0],
                            incident, event[0], "2026-01-10T" + event[1] + "Z", pdUser);
                        statuses.add(hooks.post(path, body, Map.of(PagerDutySignature.HEADER,
                            PagerDutySignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)))).status());
                    }
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> a : answers) {
            statuses.addAll(a.get(5, TimeUnit.MINUTES));
        }
        senders.shutdown();
        assertThat(statuses).hasSize(INCIDENTS * story.length).as("every delivery stored and answered 202")
            .containsOnly(202);

        await("the burst applied").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
            .until(() -> jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE integration_id = ? AND outcome = 'QUEUED'")
                .param(UUID.fromString(integration)).query(Long.class).single() == 0);
        assertThat(jdbc.sql("SELECT outcome FROM intake_delivery WHERE integration_id = ?")
            .param(UUID.fromString(integration)).query(String.class).list())
            .as("each delivery applied").hasSize(INCIDENTS * story.length).containsOnly("ACCEPTED");

        for (int i = 0; i < INCIDENTS; i++) {
            String incident = "PORD" + tag + i;
            List<Map<String, Object>> rows = jdbc.sql("""
                    SELECT id, status, acknowledged_at, resolved_at FROM incident
                    WHERE source = 'pagerduty' AND external_id = ?""").param(incident).query().listOfRows();
            assertThat(rows).as("one incident %s", incident).hasSize(1);
            UUID id = (UUID) rows.get(0).get("id");
            // applied out of order, the resolve would have closed the incident before its acknowledgement, which
            // would then change nothing: no acknowledgement time and no "acknowledged" line in its timeline
            assertThat(jdbc.sql("""
                    SELECT kind FROM incident_timeline WHERE incident_id = ? AND kind IN ('CREATED', 'ACKNOWLEDGED',
                    'RESOLVED') ORDER BY seq""").param(id).query(String.class).list())
                .as("the timeline of %s, each line once", incident)
                .containsExactly("CREATED", "ACKNOWLEDGED", "RESOLVED");
            assertThat(jdbc.sql("SELECT acknowledged_at FROM incident WHERE id = ?").param(id)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single())
                .isEqualTo(Instant.parse("2026-01-10T08:05:00Z"));
            assertThat(jdbc.sql("SELECT resolved_at FROM incident WHERE id = ?").param(id)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single())
                .isEqualTo(Instant.parse("2026-01-10T08:30:00Z"));
        }
    }
}
