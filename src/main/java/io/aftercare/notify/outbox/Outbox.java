package io.aftercare.notify.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** The outbox table: one row per (notification, channel, person), claimed row by row by the delivery worker. */
@Repository
class Outbox {

    static final String INBOX = "INBOX";

    record Row(UUID id, UUID personId, String channel, String kind, UUID stepId, UUID caseId, int day,
               boolean reminder, String status, Instant notBefore, int attempts, String lastError,
               Instant lastAttemptAt, Instant createdAt, Instant sentAt, String key) {

        OutgoingMessage message() {
            return new OutgoingMessage(id, personId, channel, kind, stepId, caseId, day, reminder, attempts + 1, key);
        }
    }

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a message unless one with the same key exists; returns whether it was added. */
    boolean add(String key, UUID personId, String channel, String kind, UUID stepId, UUID caseId, int day,
                boolean reminder, Instant notBefore, Instant now) {
        return add(UUID.randomUUID(), key, personId, channel, kind, stepId, caseId, day, reminder, notBefore, now);
    }

    boolean add(UUID id, String key, UUID personId, String channel, String kind, UUID stepId, UUID caseId, int day,
                boolean reminder, Instant notBefore, Instant now) {
        boolean inbox = channel.equals(INBOX);
        return jdbc.sql("""
                INSERT INTO notify_message (id, idempotency_key, person_id, channel, kind, step_id, case_id, step_day,
                                            reminder, status, not_before, created_at, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
            .params(id, key, personId, channel, kind, stepId, caseId, day, reminder,
                inbox ? "SENT" : "PENDING", DbTime.toDb(notBefore), DbTime.toDb(now), inbox ? DbTime.toDb(now) : null)
            .update() == 1;
    }

    /** When the person's outward messages (waiting or sent) go or went, from {@code since} on. */
    List<Instant> outwardTimes(UUID personId, Instant since) {
        return jdbc.sql("""
                SELECT COALESCE(sent_at, not_before) AS at FROM notify_message
                WHERE person_id = ? AND channel <> 'INBOX' AND status <> 'DEAD' AND not_before >= ?""")
            .params(personId, DbTime.toDb(since))
            .query((rs, n) -> DbTime.instant(rs, "at")).list();
    }

    /** Ordered by the index's own columns, so that H2 stops after {@code limit} rows instead of sorting them all. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM notify_message WHERE status = 'PENDING' AND not_before <= ?
                  AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY status, not_before LIMIT ?""")
            .params(DbTime.toDb(now), DbTime.toDb(now), limit).query(UUID.class).list();
    }

    /** Claims a due message for this worker; false when another instance has it (or it is no longer pending). */
    boolean claim(UUID id, String worker, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE notify_message SET claimed_by = ?, claimed_until = ?
                WHERE id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
            .params(worker, DbTime.toDb(until), id, DbTime.toDb(now)).update() == 1;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM notify_message WHERE id = ?").param(id).query(Outbox::row).optional();
    }

    boolean sent(UUID id, String worker, Instant now) {
        return jdbc.sql("""
                UPDATE notify_message SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_attempt_at = ?,
                  last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?""")
            .params(DbTime.toDb(now), DbTime.toDb(now), id, worker).update() == 1;
    }

    /**
     * Takes the recipient's slot on a rate-limited channel for one send: empty when it was free (it is now taken
     * until {@code now + interval}), otherwise when it frees up. One conditional UPDATE, so it is atomic across
     * instances.
     */
    Optional<Instant> reserve(String channel, UUID recipientId, Instant now, java.time.Duration interval) {
        jdbc.sql("INSERT INTO notify_rate_slot (channel, recipient_id, next_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
            .params(channel, recipientId, DbTime.toDb(now)).update();
        int taken = jdbc.sql("UPDATE notify_rate_slot SET next_at = ? WHERE channel = ? AND recipient_id = ? AND next_at <= ?")
            .params(DbTime.toDb(now.plus(interval)), channel, recipientId, DbTime.toDb(now)).update();
        if (taken == 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT next_at FROM notify_rate_slot WHERE channel = ? AND recipient_id = ?")
            .params(channel, recipientId).query((rs, n) -> DbTime.instant(rs, "next_at")).optional();
    }

    /** Gives a claimed message back untried, to go not before {@code notBefore}. */
    void postpone(UUID id, String worker, Instant notBefore) {
        jdbc.sql("""
                UPDATE notify_message SET not_before = ?, claimed_by = NULL, claimed_until = NULL
                WHERE id = ? AND claimed_by = ?""")
            .params(DbTime.toDb(notBefore), id, worker).update();
    }

    void failed(UUID id, String worker, Instant now, String error, Instant retryAt, boolean dead) {
        jdbc.sql("""
                UPDATE notify_message SET status = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ?,
                  not_before = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?""")
            .params(dead ? "DEAD" : "PENDING", DbTime.toDb(now), truncate(error), DbTime.toDb(retryAt), id, worker)
            .update();
    }

    /** A message that failed for good, or whose person is gone, closes without a try. */
    void skip(UUID id, String worker, Instant now, String reason) {
        jdbc.sql("""
                UPDATE notify_message SET status = 'SKIPPED', last_attempt_at = ?, last_error = ?, claimed_by = NULL,
                  claimed_until = NULL WHERE id = ? AND claimed_by = ?""")
            .params(DbTime.toDb(now), reason, id, worker).update();
    }

    List<Row> deadLetters() {
        return jdbc.sql("SELECT * FROM notify_message WHERE status = 'DEAD' ORDER BY last_attempt_at DESC LIMIT 500")
            .query(Outbox::row).list();
    }

    boolean retry(UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE notify_message SET status = 'PENDING', attempts = 0, not_before = ?, claimed_by = NULL,
                  claimed_until = NULL WHERE id = ? AND status = 'DEAD'""")
            .params(DbTime.toDb(now), id).update() == 1;
    }

    /**
     * A notification is taken back (a nudge whose person's data was erased): its inbox entry goes, and its outward
     * messages that have not gone yet are skipped. Keys start with {@code notification + ":"}.
     */
    void withdraw(String notification, Instant now) {
        String prefix = notification + ":";
        jdbc.sql("DELETE FROM notify_message WHERE channel = 'INBOX' AND idempotency_key LIKE ?")
            .param(prefix + "%").update();
        jdbc.sql("""
                UPDATE notify_message SET status = 'SKIPPED', last_error = 'no longer needed', claimed_by = NULL,
                  claimed_until = NULL, last_attempt_at = ? WHERE status = 'PENDING' AND idempotency_key LIKE ?""")
            .params(DbTime.toDb(now), prefix + "%").update();
    }

    List<Row> inbox(UUID personId, int limit) {
        return jdbc.sql("""
                SELECT * FROM notify_message WHERE person_id = ? AND channel = 'INBOX'
                ORDER BY person_id DESC, channel DESC, created_at DESC LIMIT ?""")
            .params(personId, limit).query(Outbox::row).list();
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 300 ? s : s.substring(0, 300);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("channel"),
            rs.getString("kind"), rs.getObject("step_id", UUID.class), rs.getObject("case_id", UUID.class),
            rs.getInt("step_day"), rs.getBoolean("reminder"), rs.getString("status"),
            DbTime.instant(rs, "not_before"), rs.getInt("attempts"), rs.getString("last_error"),
            DbTime.instant(rs, "last_attempt_at"), DbTime.instant(rs, "created_at"), DbTime.instant(rs, "sent_at"),
            rs.getString("idempotency_key"));
    }
}
