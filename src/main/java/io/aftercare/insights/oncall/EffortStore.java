package io.aftercare.insights.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.shared.DbTime;

/** The end-of-shift question's SQL: each team's setting, and each person's questions and answers. */
@Repository
class EffortStore {

    /** One question about one ended shift; {@code effort} is null until answered. */
    record Question(UUID id, UUID personId, UUID teamId, UUID rotationId, Instant shiftStartsAt, Instant shiftEndsAt,
                    Instant askedAt, Integer effort, Instant answeredAt) {
    }

    record Setting(UUID teamId, boolean enabled, Instant changedAt) {
    }

    private final JdbcClient jdbc;

    EffortStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean enabled(UUID teamId) {
        return jdbc.sql("SELECT enabled FROM oncall_question_setting WHERE team_id = ?").param(teamId)
            .query(Boolean.class).optional().orElse(false);
    }

    void setEnabled(UUID teamId, boolean enabled, UUID actorId, Instant now) {
        int updated = jdbc.sql("""
                UPDATE oncall_question_setting SET enabled = ?, changed_by = ?, changed_at = ?
                WHERE team_id = ? AND enabled <> ?""")
            .params(enabled, actorId, DbTime.toDb(now), teamId, enabled).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO oncall_question_setting (team_id, enabled, changed_by, changed_at)
                    VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(teamId, enabled, actorId, DbTime.toDb(now)).update();
        }
    }

    List<Setting> enabledTeams() {
        return jdbc.sql("SELECT team_id, enabled, changed_at FROM oncall_question_setting WHERE enabled = TRUE")
            .query((rs, n) -> new Setting(rs.getObject("team_id", UUID.class), rs.getBoolean("enabled"),
                DbTime.instant(rs, "changed_at"))).list();
    }

    /** Asks once: 1 when this call added the question, 0 when it was already there (another run, another instance). */
    int ask(UUID id, UUID personId, UUID teamId, UUID rotationId, Instant startsAt, Instant endsAt, Instant now) {
        return jdbc.sql("""
                INSERT INTO oncall_effort (id, person_id, team_id, rotation_id, shift_starts_at, shift_ends_at, asked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
            .params(id, personId, teamId, rotationId, DbTime.toDb(startsAt), DbTime.toDb(endsAt), DbTime.toDb(now))
            .update();
    }

    /** The person's own questions whose shift ended from {@code since} on, newest first. */
    List<Question> mine(UUID personId, Instant since) {
        return jdbc.sql("""
                SELECT * FROM oncall_effort WHERE person_id = ? AND shift_ends_at >= ?
                ORDER BY shift_ends_at DESC, id""")
            .params(personId, DbTime.toDb(since)).query(EffortStore::row).list();
    }

    /** Records the person's answer to their own question; 0 when it is not theirs or not there. */
    int answer(UUID personId, UUID questionId, int effort, Instant now) {
        return jdbc.sql("UPDATE oncall_effort SET effort = ?, answered_at = ? WHERE id = ? AND person_id = ?")
            .params(effort, DbTime.toDb(now), questionId, personId).update();
    }

    /** One answer of one person: for the rule set only, never shown as it is. */
    record Answer(UUID personId, int effort) {
    }

    /** The answers about shifts of the team (the team they were asked in) that ended in the period. */
    List<Answer> teamAnswers(UUID teamId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT person_id, effort FROM oncall_effort
                WHERE team_id = ? AND effort IS NOT NULL AND shift_ends_at >= ? AND shift_ends_at < ?""")
            .params(teamId, DbTime.toDb(from), DbTime.toDb(to))
            .query((rs, n) -> new Answer(rs.getObject("person_id", UUID.class), rs.getInt("effort"))).list();
    }

    List<Map<String, Object>> export(UUID personId) {
        return jdbc.sql("""
                SELECT shift_starts_at, shift_ends_at, asked_at, effort, answered_at FROM oncall_effort
                WHERE person_id = ? ORDER BY shift_ends_at""")
            .param(personId).query((rs, n) -> {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("shiftStartsAt", DbTime.instant(rs, "shift_starts_at"));
                m.put("shiftEndsAt", DbTime.instant(rs, "shift_ends_at"));
                m.put("askedAt", DbTime.instant(rs, "asked_at"));
                int effort = rs.getInt("effort");
                m.put("effort", rs.wasNull() ? null : effort);
                m.put("answeredAt", DbTime.instant(rs, "answered_at"));
                return m;
            }).list();
    }

    void erase(UUID personId) {
        jdbc.sql("DELETE FROM oncall_effort WHERE person_id = ?").param(personId).update();
    }

    private static Question row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int effort = rs.getInt("effort");
        Integer value = rs.wasNull() ? null : effort;
        return new Question(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
            rs.getObject("team_id", UUID.class), rs.getObject("rotation_id", UUID.class),
            DbTime.instant(rs, "shift_starts_at"), DbTime.instant(rs, "shift_ends_at"), DbTime.instant(rs, "asked_at"),
            value, DbTime.instant(rs, "answered_at"));
    }

    /** A link's question, person and choice. */
    record LinkTarget(UUID questionId, UUID personId, int effort) {
    }

    /** The person of a question that still waits for an answer (none when answered or gone). */
    java.util.Optional<UUID> unansweredPerson(UUID questionId) {
        return jdbc.sql("SELECT person_id FROM oncall_effort WHERE id = ? AND effort IS NULL").param(questionId)
            .query(UUID.class).optional();
    }

    void insertLink(String tokenHash, UUID questionId, int effort, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO oncall_effort_link (token_hash, question_id, effort, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(tokenHash, questionId, effort, DbTime.toDb(createdAt), DbTime.toDb(expiresAt)).update();
    }

    /** The link's question, person and choice, if it is unused, unexpired and its question still waits. */
    java.util.Optional<LinkTarget> usableLink(String tokenHash, Instant now) {
        return jdbc.sql("""
                SELECT l.question_id, q.person_id, l.effort FROM oncall_effort_link l
                JOIN oncall_effort q ON q.id = l.question_id
                WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ? AND q.effort IS NULL""")
            .params(tokenHash, DbTime.toDb(now))
            .query((rs, n) -> new LinkTarget(rs.getObject("question_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getInt("effort")))
            .optional();
    }

    /** Uses up the link; @return whether it was still unused. */
    boolean useLink(String tokenHash, Instant at) {
        return jdbc.sql("UPDATE oncall_effort_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
            .params(DbTime.toDb(at), tokenHash).update() > 0;
    }

    /** Uses up every other link of the question: one answer per question, whichever choice was tapped. */
    void useLinksOf(UUID questionId, Instant at) {
        jdbc.sql("UPDATE oncall_effort_link SET used_at = ? WHERE question_id = ? AND used_at IS NULL")
            .params(DbTime.toDb(at), questionId).update();
    }

    /** Records the answer only while the question waits for one; @return whether it did. */
    boolean answerIfWaiting(UUID questionId, int effort, Instant now) {
        return jdbc.sql("UPDATE oncall_effort SET effort = ?, answered_at = ? WHERE id = ? AND effort IS NULL")
            .params(effort, DbTime.toDb(now), questionId).update() == 1;
    }
}
