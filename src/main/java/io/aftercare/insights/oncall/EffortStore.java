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
}
