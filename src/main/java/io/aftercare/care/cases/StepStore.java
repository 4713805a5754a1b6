package io.aftercare.care.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.care.cases.CareViews.CheckInAnswerView;
import io.aftercare.care.cases.CareViews.FollowUpAnswerView;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.shared.DbTime;

/**
 * SQL for the steps of care cases (check-ins and follow-ups), their answers and their signed answer links;
 * {@link CareStore} holds the cases'. States are bound as parameters from their enums, never written into the
 * statements. It is longer than our usual 300 lines because it is every statement about three tables that change
 * together (a step, its answer, its link); split further, one table's rules would live in two places.
 */
@Repository
class StepStore {

    private static final String STEP_ROW = """
            SELECT s.id, s.case_id, s.person_id, s.kind, s.step_day, s.status, s.due_at, c.stage, c.muted""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StepStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A step with what of its case decides how it moves on. */
    record StepRow(UUID id, UUID caseId, UUID personId, StepKind kind, int day, StepStatus status, Instant dueAt,
                   CaseStage stage, boolean muted) {
    }

    /** A step as the person's own views show it, its notes still encrypted. */
    record SealedStep(StepView step, byte[] checkInNote, byte[] followUpNote) {
    }

    // ---------------------------------------------------------------- planning

    record NewStep(UUID id, UUID caseId, UUID personId, StepKind kind, int day, Instant intendedAt, Instant dueAt,
                   StepStatus status) {
    }

    void insertSteps(List<NewStep> steps) {
        batch("""
                INSERT INTO care_step (id, case_id, person_id, kind, step_day, intended_at, due_at, status, pending_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            steps.stream().map(s -> new Object[] {s.id(), s.caseId(), s.personId(), s.kind().name(), s.day(),
                DbTime.toDb(s.intendedAt()), DbTime.toDb(s.dueAt()), s.status().name(),
                s.status() == StepStatus.PENDING ? DbTime.toDb(s.dueAt()) : null}).toList());
    }

    // ---------------------------------------------------------------- steps moving on

    Optional<StepRow> step(UUID stepId) {
        return jdbc.sql(STEP_ROW + " FROM care_step s JOIN care_case c ON c.id = s.case_id WHERE s.id = ?")
            .param(stepId).query((rs, n) -> stepRow(rs)).optional();
    }

    /** The cases' steps still scheduled that were due by {@code now}, in the order they fell due. */
    List<StepRow> scheduledDueBy(List<UUID> caseIds, Instant now) {
        return jdbc.sql(STEP_ROW + """
                 FROM care_step s JOIN care_case c ON c.id = s.case_id
                WHERE s.case_id IN (:ids) AND s.status = :scheduled AND s.due_at <= :now
                ORDER BY s.due_at, s.step_day""")
            .param("ids", caseIds).param("scheduled", StepStatus.SCHEDULED.name()).param("now", DbTime.toDb(now))
            .query((rs, n) -> stepRow(rs)).list();
    }

    /** Locks the step's case if the step is still scheduled: steps of one case fall due one after another. */
    boolean lockCaseOfScheduled(UUID stepId) {
        return !jdbc.sql("""
                SELECT id FROM care_case WHERE id = (SELECT case_id FROM care_step WHERE id = ? AND status = ?)
                FOR UPDATE""").params(stepId, StepStatus.SCHEDULED.name()).query(UUID.class).list().isEmpty();
    }

    /** A step falling due, whether its person opted out, and whether a later step of its case came already. */
    record DueRow(StepRow step, boolean optedOut, boolean overtaken) {
    }

    DueRow due(UUID stepId) {
        return jdbc.sql(STEP_ROW + """
                ,
                       COALESCE((SELECT p.opted_out FROM care_person p WHERE p.person_id = s.person_id), FALSE)
                           AS opted_out,
                       (SELECT COUNT(*) FROM care_step l WHERE l.case_id = s.case_id AND l.step_day > s.step_day
                           AND l.status <> :scheduled) AS later
                FROM care_step s JOIN care_case c ON c.id = s.case_id WHERE s.id = :id""")
            .param("scheduled", StepStatus.SCHEDULED.name()).param("id", stepId)
            .query((rs, n) -> new DueRow(stepRow(rs), rs.getBoolean("opted_out"), rs.getLong("later") > 0))
            .single();
    }

    /** Moves a scheduled step on; a step that waits remembers since when. @return whether it moved */
    boolean moveScheduled(UUID stepId, StepStatus status, Instant pendingSince) {
        return jdbc.sql("UPDATE care_step SET status = ?, pending_at = ? WHERE id = ? AND status = ?")
            .params(status.name(), status == StepStatus.PENDING ? DbTime.toDb(pendingSince) : null, stepId,
                StepStatus.SCHEDULED.name())
            .update() > 0;
    }

    /** One prompt at a time: an older step of the case still waiting lapses quietly. */
    void lapseOlderThan(StepRow step) {
        jdbc.sql("""
                UPDATE care_step SET status = ? WHERE case_id = ? AND status = ? AND id <> ?
                  AND (step_day < ? OR (step_day = ? AND kind = ?))""")
            .params(StepStatus.LAPSED.name(), step.caseId(), StepStatus.PENDING.name(), step.id(), step.day(),
                step.day(), StepKind.CHECK_IN.name())
            .update();
    }

    void skipPendingOfCase(UUID caseId) {
        jdbc.sql("UPDATE care_step SET status = ? WHERE case_id = ? AND status = ?")
            .params(StepStatus.SKIPPED.name(), caseId, StepStatus.PENDING.name()).update();
    }

    /** Opting out: every step of the person's that waits passes quietly. */
    void skipPendingOfPerson(UUID personId) {
        jdbc.sql("UPDATE care_step SET status = ? WHERE person_id = ? AND status = ?")
            .params(StepStatus.SKIPPED.name(), personId, StepStatus.PENDING.name()).update();
    }

    void skip(UUID stepId) {
        jdbc.sql("UPDATE care_step SET status = ? WHERE id = ?").params(StepStatus.SKIPPED.name(), stepId).update();
    }

    /** @return whether the step was waiting and had not been reminded of yet */
    boolean markReminded(UUID stepId, Instant at) {
        return jdbc.sql("UPDATE care_step SET reminded_at = ? WHERE id = ? AND status = ? AND reminded_at IS NULL")
            .params(DbTime.toDb(at), stepId, StepStatus.PENDING.name()).update() == 1;
    }

    /** An answer came: the step's one reminder is not sent. */
    void noReminder(UUID stepId, Instant at) {
        jdbc.sql("UPDATE care_step SET reminded_at = COALESCE(reminded_at, ?) WHERE id = ?")
            .params(DbTime.toDb(at), stepId).update();
    }

    /** @return whether the step was still waiting (only a waiting step takes an answer) */
    boolean markAnswered(UUID stepId, StepStatus status, Instant at) {
        return jdbc.sql("UPDATE care_step SET status = ?, answered_at = ? WHERE id = ? AND status = ?")
            .params(status.name(), DbTime.toDb(at), stepId, StepStatus.PENDING.name()).update() > 0;
    }

    /** The day of the case's last follow-up, if it has any. */
    Optional<Integer> lastFollowUpDay(UUID caseId) {
        return Optional.ofNullable(jdbc.sql("SELECT MAX(step_day) FROM care_step WHERE case_id = ? AND kind = ?")
            .params(caseId, StepKind.FOLLOW_UP.name()).query(Integer.class).single());
    }

    // ---------------------------------------------------------------- answers

    void insertCheckInAnswer(UUID stepId, UUID personId, Answers.CheckIn answer, byte[] note, Instant at) {
        jdbc.sql("DELETE FROM care_check_in_answer WHERE step_id = ?").param(stepId).update();
        jdbc.sql("""
                INSERT INTO care_check_in_answer (step_id, person_id, stress, effects, outreach, note_ciphertext,
                                                  answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(stepId, personId, answer.stress(),
                answer.effects().stream().map(Enum::name).collect(Collectors.joining(",")),
                answer.outreach().name(), note, DbTime.toDb(at))
            .update();
    }

    void insertFollowUpAnswer(UUID stepId, UUID personId, Answers.FollowUp answer, byte[] note, Instant at) {
        Map<Answers.Item, Integer> items = answer.items();
        jdbc.sql("""
                INSERT INTO care_follow_up_answer (step_id, person_id, rumination_1, rumination_2, rumination_3,
                    self_critic_1, self_critic_2, mistakes_1, mistakes_2, note_ciphertext, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(stepId, personId, items.get(Answers.Item.RUMINATION_1), items.get(Answers.Item.RUMINATION_2),
                items.get(Answers.Item.RUMINATION_3), items.get(Answers.Item.SELF_CRITICISM_1),
                items.get(Answers.Item.SELF_CRITICISM_2), items.get(Answers.Item.MISTAKES_1),
                items.get(Answers.Item.MISTAKES_2), note, DbTime.toDb(at))
            .update();
    }

    /** The stage a closed case goes back to: as far as it had come. */
    CaseStage stageToReopen(UUID caseId) {
        long followUps = jdbc.sql("SELECT COUNT(*) FROM care_step WHERE case_id = ? AND kind = ? AND status <> ?")
            .params(caseId, StepKind.FOLLOW_UP.name(), StepStatus.SCHEDULED.name()).query(Long.class).single();
        long checkedIn = jdbc.sql("""
                SELECT COUNT(*) FROM care_step WHERE case_id = :id AND kind = :kind AND status IN (:done)""")
            .param("id", caseId).param("kind", StepKind.CHECK_IN.name())
            .param("done", Arrays.stream(StepStatus.values()).filter(StepStatus::checkedIn).map(Enum::name).toList())
            .query(Long.class).single();
        return CaseStage.reopened(followUps > 0, checkedIn > 0);
    }

    // ---------------------------------------------------------------- the person's own views

    /** The person's steps that have fallen due (or only {@code onlyStep}), newest first, with their answers. */
    List<SealedStep> steps(UUID personId, UUID onlyStep) {
        return jdbc.sql("""
                SELECT s.id, s.case_id, s.kind, s.step_day, s.due_at, s.status, s.reminded_at, s.answered_at,
                       a.stress, a.effects, a.outreach, a.note_ciphertext AS check_in_note,
                       f.rumination_1, f.rumination_2, f.rumination_3, f.self_critic_1, f.self_critic_2,
                       f.mistakes_1, f.mistakes_2, f.note_ciphertext AS follow_up_note, f.step_id AS follow_up_id
                FROM care_step s
                LEFT JOIN care_check_in_answer a ON a.step_id = s.id
                LEFT JOIN care_follow_up_answer f ON f.step_id = s.id
                WHERE s.person_id = :person AND s.status <> :scheduled
                  AND (CAST(:only AS UUID) IS NULL OR s.id = :only)
                ORDER BY COALESCE(s.pending_at, s.due_at) DESC, s.step_day DESC""")
            .param("person", personId).param("scheduled", StepStatus.SCHEDULED.name()).param("only", onlyStep)
            .query((rs, n) -> sealedStep(rs))
            .list();
    }

    private static SealedStep sealedStep(ResultSet rs) throws SQLException {
        CheckInAnswerView checkIn = null;
        if (rs.getString("outreach") != null) {
            String effects = rs.getString("effects");
            checkIn = new CheckInAnswerView(rs.getInt("stress"),
                effects.isBlank() ? List.of() : List.of(effects.split(",")), rs.getString("outreach"), null);
        }
        FollowUpAnswerView followUp = null;
        if (rs.getObject("follow_up_id") != null) {
            Map<String, Integer> items = new LinkedHashMap<>();
            for (Answers.Item item : Answers.Item.values()) {
                Object value = rs.getObject(item.column);
                if (value != null) {
                    items.put(item.key(), ((Number) value).intValue());
                }
            }
            followUp = new FollowUpAnswerView(items, null);
        }
        StepView step = new StepView(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
            rs.getString("kind"), rs.getInt("step_day"), DbTime.instant(rs, "due_at"), rs.getString("status"),
            DbTime.instant(rs, "reminded_at"), DbTime.instant(rs, "answered_at"), List.of(), checkIn, followUp);
        return new SealedStep(step, rs.getBytes("check_in_note"), rs.getBytes("follow_up_note"));
    }

    /** A follow-up still to come: its day and when it falls due. */
    record ComingFollowUp(int day, Instant dueAt) {
    }

    /**
     * Follow-ups of open cases the person has not silenced, earliest first: of one case (or of all their cases when
     * {@code caseId} is null), in the given statuses.
     */
    List<ComingFollowUp> comingFollowUps(UUID personId, UUID caseId, Collection<StepStatus> statuses) {
        return jdbc.sql("""
                SELECT s.step_day, s.due_at FROM care_step s JOIN care_case c ON c.id = s.case_id
                WHERE s.person_id = :person AND (CAST(:caseId AS UUID) IS NULL OR s.case_id = :caseId)
                  AND s.kind = :kind AND s.status IN (:statuses) AND c.muted = FALSE AND c.stage <> :closed
                ORDER BY s.due_at, s.step_day""")
            .param("person", personId).param("caseId", caseId).param("kind", StepKind.FOLLOW_UP.name())
            .param("statuses", statuses.stream().map(Enum::name).toList()).param("closed", CaseStage.CLOSED.name())
            .query((rs, n) -> new ComingFollowUp(rs.getInt("step_day"), DbTime.instant(rs, "due_at")))
            .list();
    }

    // ---------------------------------------------------------------- answer links

    void insertLink(String tokenHash, UUID stepId, UUID personId, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO care_link (token_hash, step_id, person_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(tokenHash, stepId, personId, DbTime.toDb(createdAt), DbTime.toDb(expiresAt)).update();
    }

    /** The link's person and step, if it is unused, unexpired and its step still waits. */
    Optional<CareService.LinkTarget> usableLink(String tokenHash, Instant now) {
        return jdbc.sql("""
                SELECT l.step_id, l.person_id FROM care_link l JOIN care_step s ON s.id = l.step_id
                WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ? AND s.status = ?""")
            .params(tokenHash, DbTime.toDb(now), StepStatus.PENDING.name())
            .query((rs, n) -> new CareService.LinkTarget(rs.getObject("person_id", UUID.class),
                rs.getObject("step_id", UUID.class)))
            .optional();
    }

    /** @return whether the link was still unused */
    boolean useLink(String tokenHash, Instant at) {
        return jdbc.sql("UPDATE care_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
            .params(DbTime.toDb(at), tokenHash).update() > 0;
    }

    /** The person and step of a link used at or after {@code since} to answer a step that is answered. */
    Optional<CareService.LinkTarget> spentLink(String tokenHash, Instant since) {
        return jdbc.sql("""
                SELECT l.step_id, l.person_id FROM care_link l JOIN care_step s ON s.id = l.step_id
                WHERE l.token_hash = ? AND l.used_at IS NOT NULL AND l.used_at > ? AND s.status = ?""")
            .params(tokenHash, DbTime.toDb(since), StepStatus.ANSWERED.name())
            .query((rs, n) -> new CareService.LinkTarget(rs.getObject("person_id", UUID.class),
                rs.getObject("step_id", UUID.class)))
            .optional();
    }

    // ---------------------------------------------------------------- helpers

    private static StepRow stepRow(ResultSet rs) throws SQLException {
        return new StepRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
            rs.getObject("person_id", UUID.class), StepKind.valueOf(rs.getString("kind")), rs.getInt("step_day"),
            StepStatus.valueOf(rs.getString("status")), DbTime.instant(rs, "due_at"),
            CaseStage.valueOf(rs.getString("stage")), rs.getBoolean("muted"));
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(sql, rows);
        }
    }
}
