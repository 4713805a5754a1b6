package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a crash can leave behind on H2 (decision 0071): the row of a webhook delivery whose transaction was cut short
 * while it committed, without the delivery's content. Its sender was never answered 2xx, so it sends the delivery
 * again; that try must be stored and applied as the first, not answered as a duplicate of a delivery that cannot be
 * applied. The row is made here as the crash leaves it, on H2 and PostgreSQL alike.
 */
@AftercareIT
class TornDeliveryIT {

    static final String SECRET = "pd-signing-secret-torn-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDeliveryLeftWithoutItsContentIsStoredAgainFromItsNextTryAndAppliedOnce() {
        TestApi.Response made = TestApi.at(port).asAdmin().post("/api/v1/integrations",
            Map.of("type", "pagerduty", "name", "Torn " + UUID.randomUUID(), "secret", SECRET));
        assertThat(made.status()).isEqualTo(201);
        UUID integration = UUID.fromString(made.json("$.id"));
        String pdUser = "PU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        people.create(new NewPerson("Robin Torn", "robin-" + UUID.randomUUID() + "@example.test", "UTC", null, null,
            null, Map.of("pagerduty", pdUser), null, Set.of(Role.RESPONDER), List.of(), null), null);
        String incident = "PTORN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String eventId = "torn-" + UUID.randomUUID();
        String body = IntakeWebhookIT.pdEvent(eventId, "incident.triggered", incident, "triggered",
            "2026-01-10T08:00:00Z", pdUser);

        double incompleteBefore = meters.get("aftercare.intake.incomplete").counter().count();
        // the delivery's row as the crash left it: queued, with no content beside it
        UUID torn = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO intake_delivery (id, channel, integration_id, received_at, outcome, event_type, dedupe_key,
                                             external_id, apply_partition)
                VALUES (?, ?, ?, ?, 'QUEUED', 'incident.triggered', ?, ?, 0)""")
            .params(torn, integration.toString(), integration, Timestamp.from(Instant.now()), "id:" + eventId, incident)
            .update();

        // the applier settles it with the reason, and applies nothing
        Map<String, Object> settled = await("the incomplete delivery settled").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> jdbc.sql("SELECT outcome, detail FROM intake_delivery WHERE id = ?").param(torn).query()
                .singleRow(), row -> !"QUEUED".equals(row.get("outcome")));
        assertThat(settled.get("outcome")).isEqualTo("INVALID");
        assertThat((String) settled.get("detail")).isEqualTo(
            "Its content was not stored: Aftercare stopped while storing it. The sender's next try is stored.");
        assertThat(incidents(incident)).as("nothing applied from a delivery without content").isZero();
        assertThat(meters.get("aftercare.intake.incomplete").counter().count())
            .as("counted for the operator's dashboards").isEqualTo(incompleteBefore + 1);

        // the sender's next try, the same signed body: stored as the first delivery, answered 202, applied
        Webhooks hooks = new Webhooks(port);
        Map<String, String> signed = Map.of(PagerDutySignature.HEADER,
            PagerDutySignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
        TestApi.Response again = hooks.post("/webhooks/pagerduty/" + integration, body, signed);
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        await("the next try applied").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> incidents(incident) == 1);
        assertThat(jdbc.sql("SELECT outcome FROM intake_delivery WHERE channel = ? AND dedupe_key = ?")
            .params(integration.toString(), "id:" + eventId).query(String.class).list())
            .as("the event's one stored delivery, in place of the incomplete one").containsExactly("ACCEPTED");

        // a try after that is an ordinary duplicate
        TestApi.Response third = hooks.post("/webhooks/pagerduty/" + integration, body, signed);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.body()).contains("DUPLICATE");
        assertThat(incidents(incident)).isEqualTo(1);
    }

    private long incidents(String externalId) {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE source = 'pagerduty' AND external_id = ?")
            .param(externalId).query(Long.class).single();
    }
}
