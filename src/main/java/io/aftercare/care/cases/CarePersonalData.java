package io.aftercare.care.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/**
 * Care's part of a person's data: their opt-out, cases with the incidents in them, every check-in and follow-up
 * with its answers and notes (decrypted for them), and care suggested to them. Erasing deletes all of it, the
 * steps' jobs and the answer links; a suggestion a lead made to someone else outlives the lead, without them.
 */
@Component
@Order(100)
class CarePersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final PersonalEncryption encryption;

    CarePersonalData(JdbcClient jdbc, PersonalEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    record Care(boolean optedOut, Instant optedOutAt, List<Case> cases, List<Suggestion> suggestions) {
    }

    record Case(UUID id, String origin, String stage, boolean muted, Instant openedAt, Instant lastResolvedAt,
                Instant closedAt, String closedReason, List<Incident> incidents, List<Step> steps) {
    }

    record Incident(UUID incidentId, String title, String severity, String role, Instant startedAt,
                    Instant resolvedAt, String reasons) {
    }

    record Step(UUID id, String kind, int day, Instant dueAt, String status, Instant remindedAt, Instant answeredAt,
                Map<String, Object> answer) {
    }

    record Suggestion(Instant createdAt, Instant respondedAt) {
    }

    @Override
    public String section() {
        return "care";
    }

    @Override
    public Object export(UUID personId) {
        var optOut = jdbc.sql("SELECT opted_out, opted_out_at FROM care_person WHERE person_id = ?").param(personId)
            .query((rs, n) -> new Object[] {rs.getBoolean(1), DbTime.instant(rs, "opted_out_at")}).optional();
        List<Case> cases = new ArrayList<>();
        for (var c : jdbc.sql("SELECT * FROM care_case WHERE person_id = ? ORDER BY opened_at").param(personId)
                .query((rs, n) -> new Case(rs.getObject("id", UUID.class), rs.getString("origin"),
                    rs.getString("stage"), rs.getBoolean("muted"), DbTime.instant(rs, "opened_at"),
                    DbTime.instant(rs, "last_resolved_at"), DbTime.instant(rs, "closed_at"),
                    rs.getString("closed_reason"), List.of(), List.of()))
                .list()) {
            List<Incident> incidents = jdbc.sql("""
                    SELECT incident_id, title, severity, role, started_at, resolved_at, reasons FROM care_case_incident
                    WHERE case_id = ? ORDER BY resolved_at""")
                .param(c.id())
                .query((rs, n) -> new Incident(rs.getObject("incident_id", UUID.class), rs.getString("title"),
                    rs.getString("severity"), rs.getString("role"), DbTime.instant(rs, "started_at"),
                    DbTime.instant(rs, "resolved_at"), rs.getString("reasons")))
                .list();
            List<Step> steps = jdbc.sql("""
                    SELECT s.id, s.kind, s.step_day, s.due_at, s.status, s.reminded_at, s.answered_at,
                           a.stress, a.effects, a.outreach, a.note_ciphertext AS check_in_note, a.step_id AS check_in_id,
                           f.rumination_1, f.rumination_2, f.rumination_3, f.self_critic_1, f.self_critic_2,
                           f.mistakes_1, f.mistakes_2, f.note_ciphertext AS follow_up_note, f.step_id AS follow_up_id
                    FROM care_step s
                    LEFT JOIN care_check_in_answer a ON a.step_id = s.id
                    LEFT JOIN care_follow_up_answer f ON f.step_id = s.id
                    WHERE s.case_id = ? ORDER BY s.due_at, s.step_day""")
                .param(c.id())
                .query((rs, n) -> step(personId, rs))
                .list();
            cases.add(new Case(c.id(), c.origin(), c.stage(), c.muted(), c.openedAt(), c.lastResolvedAt(),
                c.closedAt(), c.closedReason(), incidents, steps));
        }
        List<Suggestion> suggestions = jdbc.sql(
                "SELECT created_at, responded_at FROM care_suggestion WHERE person_id = ? ORDER BY created_at")
            .param(personId)
            .query((rs, n) -> new Suggestion(DbTime.instant(rs, "created_at"), DbTime.instant(rs, "responded_at")))
            .list();
        return new Care(optOut.map(o -> (Boolean) o[0]).orElse(false), optOut.map(o -> (Instant) o[1]).orElse(null),
            cases, suggestions);
    }

    private Step step(UUID personId, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Map<String, Object> answer = null;
        if (rs.getObject("check_in_id") != null) {
            answer = new LinkedHashMap<>();
            answer.put("stress", rs.getInt("stress"));
            String effects = rs.getString("effects");
            answer.put("effects", effects.isBlank() ? List.of() : List.of(effects.split(",")));
            answer.put("outreach", rs.getString("outreach"));
            answer.put("note", note(personId, rs.getBytes("check_in_note"), id));
        } else if (rs.getObject("follow_up_id") != null) {
            answer = new LinkedHashMap<>();
            for (Answers.Item item : Answers.Item.values()) {
                Object value = rs.getObject(item.column);
                answer.put(item.key(), value == null ? null : ((Number) value).intValue());
            }
            answer.put("note", note(personId, rs.getBytes("follow_up_note"), id));
        }
        return new Step(id, rs.getString("kind"), rs.getInt("step_day"), DbTime.instant(rs, "due_at"),
            rs.getString("status"), DbTime.instant(rs, "reminded_at"), DbTime.instant(rs, "answered_at"), answer);
    }

    private String note(UUID personId, byte[] ciphertext, UUID stepId) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return encryption.decryptText(personId, ciphertext, "care.note:" + stepId);
        } catch (KeyDestroyedException e) {
            return null;
        }
    }

    @Override
    public void erase(UUID personId) {
        List<String> steps = jdbc.sql("SELECT id FROM care_step WHERE person_id = ?").param(personId)
            .query(UUID.class).list().stream().map(UUID::toString).toList();
        if (!steps.isEmpty()) {
            jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name IN (:names) AND task_instance IN (:steps)")
                .param("names", List.of(CareScheduling.STEP_DUE.getTaskName(), CareScheduling.REMINDER_DUE.getTaskName()))
                .param("steps", steps).update();
        }
        jdbc.sql("DELETE FROM care_link WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM care_check_in_answer WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM care_follow_up_answer WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM care_step WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM care_case_incident WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM care_case WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM care_suggestion WHERE person_id = ?").param(personId).update();
        jdbc.sql("UPDATE care_suggestion SET suggested_by = NULL WHERE suggested_by = ?").param(personId).update();
        jdbc.sql("DELETE FROM care_person WHERE person_id = ?").param(personId).update();
        jdbc.sql("UPDATE care_rules SET updated_by = NULL WHERE updated_by = ?").param(personId).update();
    }
}
