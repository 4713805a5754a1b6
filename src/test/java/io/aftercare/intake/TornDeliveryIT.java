package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.BrokenH2Index;
import io.aftercare.support.TestApi;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a crash can leave behind on H2, each state made here as the crash left it:
 * <ul>
 * <li>the row of a webhook delivery whose transaction was cut short while it committed, without the delivery's content
 * (decision 0071). Its sender was never answered 2xx, so it sends the delivery again; that try must be stored and
 * applied as the first, not answered as a duplicate of a delivery that cannot be applied. On H2 and PostgreSQL
 * alike.</li>
 * <li>a queued delivery whose row is missing from its table's indexes (WebhookBurstChaos, decision 0076). Every update
 * of that row failed, so the applier, which takes the queue oldest first, could settle neither it nor anything stored
 * after it: the queue stood still for good. The applier now has the table's indexes rebuilt and applies the delivery
 * and the rest. H2 alone: PostgreSQL's indexes are not left so.</li>
 * </ul>
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
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDeliveryLeftWithoutItsContentIsStoredAgainFromItsNextTryAndAppliedOnce() {
        UUID integration = integration();
        String pdUser = responder("Robin Torn");
        String incident = "PTORN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String eventId = "torn-" + UUID.randomUUID();
        String body = IntakeWebhookIT.pdEvent(eventId, "incident.triggered", incident, "triggered",
            "2026-01-10T08:00:00Z", pdUser);

        double incompleteBefore = meters.get("aftercare.intake.incomplete").counter().count();
        // the delivery's row as the crash left it: queued, with no content beside it
        UUID torn = queue(integration, incident, eventId, null);

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

    @Test
    @DisabledIfSystemProperty(named = "aftercare.test.db", matches = "postgres",
        disabledReason = "an H2 file's indexes; PostgreSQL's are not left out of step")
    void aDeliveryARecoveredFileLeftOutOfItsIndexesIsAppliedAndSoIsTheQueueBehindIt() {
        UUID integration = integration();
        String pdUser = responder("Sam Broken");
        double rebuiltBefore = meters.get("aftercare.database.indexes.rebuilt").counter().count();

        // the broken delivery, and one stored after it, committed together as the recovered file had them
        String broken = "PBROKEN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String behind = "PBEHIND" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            UUID first = queueTriggered(integration, broken, pdUser);
            queueTriggered(integration, behind, pdUser);
            takeOutOfIndexes(first, Set.of("intake_delivery_incident_fk", "intake_delivery_dedupe_unique"));
        });

        await("both applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> incidents(broken) == 1 && incidents(behind) == 1);
        assertThat(jdbc.sql("SELECT outcome FROM intake_delivery WHERE external_id IN (?, ?)").params(broken, behind)
            .query(String.class).list()).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(meters.get("aftercare.database.indexes.rebuilt").counter().count())
            .as("counted for the operator's dashboards").isEqualTo(rebuiltBefore + 1);
    }

    /** A PagerDuty integration with this test's secret. */
    private UUID integration() {
        TestApi.Response made = TestApi.at(port).asAdmin().post("/api/v1/integrations",
            Map.of("type", "pagerduty", "name", "Crash " + UUID.randomUUID(), "secret", SECRET));
        assertThat(made.status()).isEqualTo(201);
        return UUID.fromString(made.json("$.id"));
    }

    /** A responder PagerDuty knows; returns their PagerDuty user id. */
    private String responder(String name) {
        String pdUser = "PU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        people.create(new NewPerson(name, "responder-" + UUID.randomUUID() + "@example.test", "UTC", null, null,
            null, Map.of("pagerduty", pdUser), null, Set.of(Role.RESPONDER), List.of(), null), null);
        return pdUser;
    }

    /** A stored, queued delivery of the incident's trigger, with its content. */
    private UUID queueTriggered(UUID integration, String incident, String pdUser) {
        String eventId = "broken-" + UUID.randomUUID();
        return queue(integration, incident, eventId, IntakeWebhookIT.pdEvent(eventId, "incident.triggered", incident,
            "triggered", "2026-01-10T08:00:00Z", pdUser));
    }

    /** A delivery's row as the writer stores it, queued; its content beside it unless {@code payload} is null. */
    private UUID queue(UUID integration, String incident, String eventId, String payload) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO intake_delivery (id, channel, integration_id, received_at, outcome, event_type, dedupe_key,
                                             external_id, apply_partition)
                VALUES (?, ?, ?, ?, 'QUEUED', 'incident.triggered', ?, ?, 0)""")
            .params(id, integration.toString(), integration, Timestamp.from(Instant.now()), "id:" + eventId, incident)
            .update();
        if (payload != null) {
            jdbc.sql("INSERT INTO intake_delivery_payload (delivery_id, payload) VALUES (?, ?)").params(id, payload)
                .update();
        }
        return id;
    }

    /** In the caller's transaction: the row out of the named constraints' indexes. */
    private void takeOutOfIndexes(UUID id, Set<String> constraints) {
        try {
            assertThat(BrokenH2Index.takeOut(DataSourceUtils.getConnection(dataSource), "intake_delivery", id,
                constraints)).as("indexes the row was taken out of").isEqualTo(constraints.size());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long incidents(String externalId) {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE source = 'pagerduty' AND external_id = ?")
            .param(externalId).query(Long.class).single();
    }
}
