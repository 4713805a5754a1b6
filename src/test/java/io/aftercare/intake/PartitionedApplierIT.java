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
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A burst of webhook deliveries about many incidents, each incident's events sent in order and the incidents
 * interleaved, applied on PostgreSQL by two applier threads (decision 0052; H2 keeps its one): every incident shows
 * the story its events told, in their order, and nothing is applied twice. Deliveries stored close together are
 * applied together, many to a commit (decision 0058; here the applier lets them gather for a second).
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.intake.applier-threads=2", "aftercare.intake.apply-gather=1s"})
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

    @Autowired
    MeterRegistry meters;

    /** A new PagerDuty integration signed with {@link #SECRET}: its id. */
    private String pagerDutyIntegration(String name) {
        TestApi.Response made = TestApi.at(port).asAdmin().post("/api/v1/integrations",
            Map.of("type", "pagerduty", "name", name + " " + UUID.randomUUID(), "secret", SECRET));
        assertThat(made.status()).isEqualTo(201);
        return made.json("$.id");
    }

    @Test
    void eachIncidentsEventsAreAppliedInTheOrderTheyWereStoredAndOnlyOnce() throws Exception {
        String integration = pagerDutyIntegration("Burst");
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

    @Test
    void deliveriesSentOneAfterAnotherAreAppliedAFewCommitsAtATimeNotOneCommitEach() {
        String integration = pagerDutyIntegration("Stream");
        String path = "/webhooks/pagerduty/" + integration;
        String incident = "PSTREAM" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Webhooks hooks = new Webhooks(port);
        DistributionSummary applied = meters.get("aftercare.intake.applied.batch").summary();
        // what earlier tests in this application sent is applied and counted first: the meter counts every delivery
        // applied, and a batch is counted just after its commit
        double[] seen = {-1};
        await("earlier deliveries applied and counted").atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(200)).until(() -> {
                double now = applied.totalAmount();
                boolean still = now == seen[0];
                seen[0] = now;
                return still && jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE outcome = 'QUEUED'")
                    .query(Long.class).single() == 0;
            });
        long commitsBefore = applied.count();
        double appliedBefore = applied.totalAmount();

        // one sender, one incident: triggered, acknowledged eight times over (each its own event), resolved; each
        // sent once the one before was answered, so each was stored by a commit of its own
        List<Integer> statuses = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            String type = n == 0 ? "triggered" : n == 9 ? "resolved" : "acknowledged";
            String body = IntakeWebhookIT.pdEvent("stream-" + n + "-" + incident, "incident." + type, incident, type,
                "2026-01-10T08:%02d:00Z".formatted(n), "PNOBODY1");
            statuses.add(hooks.post(path, body, Map.of(PagerDutySignature.HEADER,
                PagerDutySignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)))).status());
        }
        assertThat(statuses).as("every delivery stored and answered 202").containsOnly(202);

        await("the deliveries applied and counted").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
            .until(() -> jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE integration_id = ? AND outcome = 'QUEUED'")
                .param(UUID.fromString(integration)).query(Long.class).single() == 0
                && applied.totalAmount() - appliedBefore >= 10);
        assertThat(jdbc.sql("SELECT status FROM incident WHERE source = 'pagerduty' AND external_id = ?")
            .param(incident).query(String.class).single()).isEqualTo("RESOLVED");
        assertThat(applied.totalAmount() - appliedBefore).as("deliveries applied").isEqualTo(10);
        // ten commits before decision 0058: the applier took each delivery as soon as the writer had committed it
        assertThat(applied.count() - commitsBefore).as("commits that applied them").isLessThanOrEqualTo(4);
    }
}
