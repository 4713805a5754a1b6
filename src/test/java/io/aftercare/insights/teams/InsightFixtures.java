package io.aftercare.insights.teams;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.shared.DbTime;

/**
 * A generated organisation's care in one month, written as care and peer support would have left it: cases after
 * incidents with their team at the incident, check-ins, follow-ups and outreach.
 */
public final class InsightFixtures {

    private final JdbcClient jdbc;

    public InsightFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One person's case and answers. {@code followUps} holds the day-1, day-7 and day-30 answers (1–5) or null. */
    public record Answers(int stress, List<String> effects, Integer day1, Integer day7, Integer day30, Duration outreach) {

        public static Answers of(int stress, String... effects) {
            return new Answers(stress, List.of(effects), 3, 3, 2, Duration.ofHours(5));
        }

        Answers withStress(int s) {
            return new Answers(s, effects, day1, day7, day30, outreach);
        }
    }

    /** A case opened at {@code opened} after a {@code severity} incident that started at {@code started}. */
    public UUID caseOf(UUID person, UUID team, String severity, Instant started, Instant opened, Answers a) {
        UUID caseId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO care_case (id, person_id, origin, stage, muted, opened_at, last_resolved_at)
                VALUES (?, ?, 'INCIDENT', 'OPENED', FALSE, ?, ?)""")
            .params(caseId, person, DbTime.toDb(opened), DbTime.toDb(opened)).update();
        jdbc.sql("""
                INSERT INTO care_case_incident (case_id, person_id, incident_id, title, severity, role, started_at,
                                                resolved_at, reasons) VALUES (?, ?, ?, 'Checkout errors', ?, 'RESPONDER', ?, ?, 'SEVERITY')""")
            .params(caseId, person, UUID.randomUUID(), severity, DbTime.toDb(started), DbTime.toDb(opened)).update();
        jdbc.sql("INSERT INTO care_case_team (case_id, team_id) VALUES (?, ?)").params(caseId, team).update();
        if (a != null) {
            UUID checkIn = step(caseId, person, "CHECK_IN", 0, opened.plus(Duration.ofHours(2)));
            jdbc.sql("""
                    INSERT INTO care_check_in_answer (step_id, person_id, stress, effects, outreach, answered_at)
                    VALUES (?, ?, ?, ?, 'NOBODY', ?)""")
                .params(checkIn, person, a.stress(), String.join(",", a.effects()),
                    DbTime.toDb(opened.plus(Duration.ofHours(3)))).update();
            followUp(caseId, person, 1, a.day1(), opened);
            followUp(caseId, person, 7, a.day7(), opened);
            followUp(caseId, person, 30, a.day30(), opened);
            jdbc.sql("""
                    INSERT INTO support_case (case_id, person_id, opened_at, incident_ids, first_outreach_at)
                    VALUES (?, ?, ?, '', ?)""")
                .params(caseId, person, DbTime.toDb(opened),
                    a.outreach() == null ? null : DbTime.toDb(opened.plus(a.outreach()))).update();
        }
        return caseId;
    }

    private void followUp(UUID caseId, UUID person, int day, Integer value, Instant opened) {
        if (value == null) {
            return;
        }
        // answered before the month is released, whichever day of the month the case opened
        Instant at = opened.plus(Duration.ofDays(Math.min(day, 7))).minus(Duration.ofHours(1));
        UUID step = step(caseId, person, "FOLLOW_UP", day, at);
        jdbc.sql("""
                INSERT INTO care_follow_up_answer (step_id, person_id, rumination_1, rumination_2, rumination_3,
                    self_critic_1, self_critic_2, mistakes_1, mistakes_2, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(step, person, value, value, value, value, value, value, value, DbTime.toDb(at)).update();
    }

    private UUID step(UUID caseId, UUID person, String kind, int day, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO care_step (id, case_id, person_id, kind, step_day, intended_at, due_at, status, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'ANSWERED', ?)""")
            .params(id, caseId, person, kind, day, DbTime.toDb(at), DbTime.toDb(at), DbTime.toDb(at)).update();
        return id;
    }

    public void changeStress(UUID caseId, int stress) {
        jdbc.sql("""
                UPDATE care_check_in_answer SET stress = ? WHERE step_id IN
                  (SELECT id FROM care_step WHERE case_id = ? AND kind = 'CHECK_IN')""").params(stress, caseId).update();
    }

    public void removeAnswers(UUID caseId) {
        jdbc.sql("DELETE FROM care_step WHERE case_id = ?").param(caseId).update();
    }

    /** A Tuesday at 10:00 UTC in the middle of the month: working hours for someone in UTC. */
    public static Instant workingHours(YearMonth month) {
        Instant t = ReleasedMonths.start(month).plus(Duration.ofDays(9)).plus(Duration.ofHours(10));
        while (t.atZone(java.time.ZoneOffset.UTC).getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
            t = t.plus(Duration.ofDays(1));
        }
        return t;
    }

    public static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
