package io.aftercare.intake.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** SQL for the delivery log. */
@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID id, String channel, UUID integrationId, Instant receivedAt, Outcome outcome, String eventType,
               String dedupeKey, String externalId, UUID incidentId, String detail, String payload) {
    }

    void insert(Row r) {
        jdbc.sql("""
                INSERT INTO intake_delivery (id, channel, integration_id, received_at, outcome, event_type, dedupe_key,
                                             external_id, incident_id, detail, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(r.id(), r.channel(), r.integrationId(), DbTime.toDb(r.receivedAt()), r.outcome().name(),
                cut(r.eventType(), 200), r.dedupeKey(), cut(r.externalId(), 200), r.incidentId(), cut(r.detail(), 500),
                r.payload())
            .update();
    }

    /**
     * Inserts the first delivery of an event: false, and nothing inserted, when the channel already has a delivery
     * with this dedupe key (one statement, so a redelivery racing its original is a duplicate, never an error).
     */
    boolean insertFirst(Row r) {
        return jdbc.sql("""
                INSERT INTO intake_delivery (id, channel, integration_id, received_at, outcome, event_type, dedupe_key,
                                             external_id, incident_id, detail, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
            .params(r.id(), r.channel(), r.integrationId(), DbTime.toDb(r.receivedAt()), r.outcome().name(),
                cut(r.eventType(), 200), r.dedupeKey(), cut(r.externalId(), 200), r.incidentId(), cut(r.detail(), 500),
                r.payload())
            .update() == 1;
    }

    /** A stored delivery whose incident event is still to be applied. */
    record Queued(UUID id, UUID integrationId, String payload, int attempts) {
    }

    /**
     * Locks the oldest queued deliveries for the caller's transaction. With {@code skipLocked} (PostgreSQL) another
     * instance's applier takes the next ones instead of waiting for these; H2 runs as a single instance.
     */
    List<Queued> lockQueued(int limit, boolean skipLocked) {
        return jdbc.sql("SELECT id, integration_id, payload, apply_attempts FROM intake_delivery "
                + "WHERE outcome = 'QUEUED' ORDER BY seq LIMIT " + limit + " FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : ""))
            .query(DeliveryRepository::mapQueued).list();
    }

    /** Locks one queued delivery; empty when it has been applied meanwhile (or, skipping locks, another has it). */
    Optional<Queued> lockQueued(UUID id, boolean skipLocked) {
        return jdbc.sql("SELECT id, integration_id, payload, apply_attempts FROM intake_delivery "
                + "WHERE id = ? AND outcome = 'QUEUED' FOR UPDATE" + (skipLocked ? " SKIP LOCKED" : ""))
            .param(id).query(DeliveryRepository::mapQueued).optional();
    }

    private static Queued mapQueued(ResultSet rs, int n) throws SQLException {
        return new Queued(rs.getObject("id", UUID.class), rs.getObject("integration_id", UUID.class),
            rs.getString("payload"), rs.getInt("apply_attempts"));
    }

    /** A queued delivery ends: applied, refused by the incidents module, or given up on; the log shows which. */
    void settle(UUID id, Outcome outcome, UUID incidentId, String detail) {
        jdbc.sql("UPDATE intake_delivery SET outcome = ?, incident_id = ?, detail = ? WHERE id = ?")
            .params(outcome.name(), incidentId, cut(detail, 500), id).update();
    }

    void attemptFailed(UUID id) {
        jdbc.sql("UPDATE intake_delivery SET apply_attempts = apply_attempts + 1 WHERE id = ?").param(id).update();
    }

    long queued() {
        return jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE outcome = 'QUEUED'").query(Long.class).single();
    }

    boolean seen(String channel, String dedupeKey) {
        return jdbc.sql("SELECT COUNT(*) FROM intake_delivery WHERE channel = ? AND dedupe_key = ?")
            .params(channel, dedupeKey).query(Long.class).single() > 0;
    }

    List<DeliveryView> recent(UUID integrationId, int limit) {
        return jdbc.sql("""
                SELECT id, received_at, outcome, event_type, external_id, incident_id, detail FROM intake_delivery
                WHERE integration_id = ? ORDER BY seq DESC LIMIT""" + " " + limit)
            .param(integrationId)
            .query((rs, n) -> new DeliveryView(rs.getObject("id", UUID.class), DbTime.instant(rs, "received_at"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("event_type"), rs.getString("external_id"),
                rs.getObject("incident_id", UUID.class), rs.getString("detail")))
            .list();
    }

    /** Removes deliveries received before the instant, payload and all. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM intake_delivery WHERE received_at < ?").param(DbTime.toDb(before)).update();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
