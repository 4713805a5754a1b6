package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.BrokenH2Index;
import io.aftercare.support.TestApi;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a crash left behind on H2 in the chaos test (WebhookBurstChaos, decision 0076): a queued delivery whose row is
 * missing from its table's indexes. Every update of that row failed, so the applier, which takes the queue oldest
 * first, could settle neither it nor anything stored after it: the queue stood still for good. The applier now has the
 * table's indexes rebuilt and applies the delivery and the rest. H2 alone: PostgreSQL's indexes are not left so.
 */
@AftercareIT
@DisabledIfSystemProperty(named = "aftercare.test.db", matches = "postgres",
    disabledReason = "an H2 file's indexes; PostgreSQL's are not left out of step")
class BrokenIndexIT {

    static final String SECRET = "pd-signing-secret-broken-0123456789";

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
    void aDeliveryARecoveredFileLeftOutOfItsIndexesIsAppliedAndSoIsTheQueueBehindIt() {
        TestApi.Response made = TestApi.at(port).asAdmin().post("/api/v1/integrations",
            Map.of("type", "pagerduty", "name", "Broken " + UUID.randomUUID(), "secret", SECRET));
        assertThat(made.status()).isEqualTo(201);
        UUID integration = UUID.fromString(made.json("$.id"));
        String pdUser = "PU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        people.create(new NewPerson("Sam Broken", "sam-" + UUID.randomUUID() + "@example.test", "UTC", null, null,
            null, Map.of("pagerduty", pdUser), null, Set.of(Role.RESPONDER), List.of(), null), null);
        double rebuiltBefore = meters.get("aftercare.database.indexes.rebuilt").counter().count();

        // the broken delivery, and one stored after it, committed together as the recovered file had them
        String broken = "PBROKEN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String behind = "PBEHIND" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            UUID first = queue(integration, broken, pdUser);
            queue(integration, behind, pdUser);
            takeOutOfIndexes(first, Set.of("intake_delivery_incident_fk", "intake_delivery_dedupe_unique"));
        });

        await("both applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> incidents(broken) == 1 && incidents(behind) == 1);
        assertThat(jdbc.sql("SELECT outcome FROM intake_delivery WHERE external_id IN (?, ?)").params(broken, behind)
            .query(String.class).list()).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(meters.get("aftercare.database.indexes.rebuilt").counter().count())
            .as("counted for the operator's dashboards").isEqualTo(rebuiltBefore + 1);
    }

    private UUID queue(UUID integration, String incident, String pdUser) {
        UUID id = UUID.randomUUID();
        String eventId = "broken-" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO intake_delivery (id, channel, integration_id, received_at, outcome, event_type, dedupe_key,
                                             external_id, apply_partition)
                VALUES (?, ?, ?, ?, 'QUEUED', 'incident.triggered', ?, ?, 0)""")
            .params(id, integration.toString(), integration, Timestamp.from(Instant.now()), "id:" + eventId, incident)
            .update();
        jdbc.sql("INSERT INTO intake_delivery_payload (delivery_id, payload) VALUES (?, ?)")
            .params(id, IntakeWebhookIT.pdEvent(eventId, "incident.triggered", incident, "triggered",
                "2026-01-10T08:00:00Z", pdUser))
            .update();
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
