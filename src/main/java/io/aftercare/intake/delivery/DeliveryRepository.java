package io.aftercare.intake.delivery;

import java.time.Instant;
import java.util.List;
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
