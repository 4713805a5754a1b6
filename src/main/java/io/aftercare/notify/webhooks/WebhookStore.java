package io.aftercare.notify.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** The webhook tables: subscriptions, the body of each delivery, and every try for the delivery log. */
@Repository
class WebhookStore {

    /** What is sent for one event to one subscription; its id is the outbox message's id. */
    record Delivery(UUID messageId, UUID subscriptionId, String eventType, String body, Instant createdAt) {
    }

    /** One try, for the delivery log: no body, no answer body. */
    record Attempt(UUID messageId, String eventType, Instant attemptedAt, Integer statusCode, int durationMs,
                   String outcome, String detail) {
    }

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription s, String sealedSecret, String salt) {
        jdbc.sql("""
                INSERT INTO notify_webhook_subscription (id, name, url, events, secret_sealed, pseudonym_salt, enabled,
                                                         created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(s.id(), s.name(), s.url(), codes(s.events()), sealedSecret, salt, s.enabled(),
                DbTime.toDb(s.createdAt()), DbTime.toDb(s.updatedAt()))
            .update();
    }

    boolean update(UUID id, String name, String url, List<WebhookEventType> events, boolean enabled, Instant now) {
        return jdbc.sql("""
                UPDATE notify_webhook_subscription SET name = ?, url = ?, events = ?, enabled = ?,
                  disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END, updated_at = ? WHERE id = ?""")
            .params(name, url, codes(events), enabled, enabled, DbTime.toDb(now), id).update() == 1;
    }

    void disable(UUID id, String reason, Instant now) {
        jdbc.sql("UPDATE notify_webhook_subscription SET enabled = FALSE, disabled_reason = ?, updated_at = ? WHERE id = ?")
            .params(reason, DbTime.toDb(now), id).update();
    }

    boolean delete(UUID id) {
        jdbc.sql("DELETE FROM notify_webhook_attempt WHERE subscription_id = ?").param(id).update();
        jdbc.sql("DELETE FROM notify_webhook_delivery WHERE subscription_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM notify_webhook_subscription WHERE id = ?").param(id).update() == 1;
    }

    List<Subscription> list() {
        return jdbc.sql("SELECT * FROM notify_webhook_subscription ORDER BY name, created_at")
            .query(WebhookStore::subscription).list();
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT * FROM notify_webhook_subscription WHERE id = ?").param(id)
            .query(WebhookStore::subscription).optional();
    }

    Optional<String> sealedSecret(UUID id) {
        return jdbc.sql("SELECT secret_sealed FROM notify_webhook_subscription WHERE id = ?").param(id)
            .query(String.class).optional();
    }

    Optional<String> salt(UUID id) {
        return jdbc.sql("SELECT pseudonym_salt FROM notify_webhook_subscription WHERE id = ?").param(id)
            .query(String.class).optional();
    }

    void insertDelivery(Delivery d) {
        jdbc.sql("""
                INSERT INTO notify_webhook_delivery (message_id, subscription_id, event_type, body, created_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(d.messageId(), d.subscriptionId(), d.eventType(), d.body(), DbTime.toDb(d.createdAt())).update();
    }

    Optional<Delivery> delivery(UUID messageId) {
        return jdbc.sql("SELECT * FROM notify_webhook_delivery WHERE message_id = ?").param(messageId)
            .query((rs, n) -> new Delivery(rs.getObject("message_id", UUID.class),
                rs.getObject("subscription_id", UUID.class), rs.getString("event_type"), rs.getString("body"),
                DbTime.instant(rs, "created_at")))
            .optional();
    }

    void insertAttempt(UUID subscriptionId, Attempt a) {
        jdbc.sql("""
                INSERT INTO notify_webhook_attempt (id, subscription_id, message_id, event_type, attempted_at,
                                                    status_code, duration_ms, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(UUID.randomUUID(), subscriptionId, a.messageId(), a.eventType(), DbTime.toDb(a.attemptedAt()),
                a.statusCode(), a.durationMs(), a.outcome(), truncate(a.detail()))
            .update();
    }

    List<Attempt> recentAttempts(UUID subscriptionId, int limit) {
        return jdbc.sql("""
                SELECT * FROM notify_webhook_attempt WHERE subscription_id = ?
                ORDER BY subscription_id DESC, attempted_at DESC LIMIT ?""")
            .params(subscriptionId, limit)
            .query((rs, n) -> new Attempt(rs.getObject("message_id", UUID.class), rs.getString("event_type"),
                DbTime.instant(rs, "attempted_at"), (Integer) rs.getObject("status_code", Integer.class),
                rs.getInt("duration_ms"), rs.getString("outcome"), rs.getString("detail")))
            .list();
    }

    private static String codes(List<WebhookEventType> events) {
        return events.stream().map(WebhookEventType::code).collect(Collectors.joining(","));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }

    private static Subscription subscription(ResultSet rs, int n) throws SQLException {
        List<WebhookEventType> events = Arrays.stream(rs.getString("events").split(","))
            .map(WebhookEventType::parse).flatMap(Optional::stream).toList();
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("url"), events,
            rs.getBoolean("enabled"), rs.getString("disabled_reason"), DbTime.instant(rs, "created_at"),
            DbTime.instant(rs, "updated_at"));
    }
}
