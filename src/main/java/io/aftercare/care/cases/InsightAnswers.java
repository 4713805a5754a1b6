package io.aftercare.care.cases;

import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.CareAnswersForInsight;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.shared.DbTime;

/**
 * Care's answers for the insights module's rule set, read in a handful of statements for a whole month of cases.
 * Nothing here is shown to anyone: the rule set decides what a group may see.
 */
@Component
class InsightAnswers implements CareAnswersForInsight {

    private static final String OPENED_IN_RANGE = "c.opened_at >= :from AND c.opened_at < :to";
    private static final String FOLLOWED_UP_IN_RANGE = """
            c.id IN (SELECT fs.case_id FROM care_step fs JOIN care_follow_up_answer fa ON fa.step_id = fs.id
                     WHERE fa.answered_at >= :from AND fa.answered_at < :to)""";

    private final JdbcClient jdbc;
    private final Directory directory;

    InsightAnswers(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** What is read of one case before it is complete. */
    private static final class Row {
        UUID caseId;
        UUID personId;
        Instant openedAt;
        String severity;
        Instant startedAt;
        final Set<UUID> teams = new HashSet<>();
        Integer stress;
        Set<String> effects = Set.of();
        final Map<Integer, FollowUp> followUps = new java.util.TreeMap<>();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseAnswers> casesOpened(Instant from, Instant to, Instant answeredBefore) {
        return read(OPENED_IN_RANGE, from, to, answeredBefore, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseAnswers> casesOpened(Instant from, Instant to, Instant answeredBefore, UUID team) {
        return read(OPENED_IN_RANGE, from, to, answeredBefore, team);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseAnswers> casesFollowedUp(Instant from, Instant to) {
        return read(FOLLOWED_UP_IN_RANGE, from, to, to, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseAnswers> casesFollowedUp(Instant from, Instant to, UUID team) {
        return read(FOLLOWED_UP_IN_RANGE, from, to, to, team);
    }

    private List<CaseAnswers> read(String filter, Instant from, Instant to, Instant answeredBefore, UUID team) {
        // a team's cases only (the teams the person was in at the case's opening), when one is asked for
        String inRange = "c.origin = :origin AND " + filter + (team == null ? ""
            : " AND c.id IN (SELECT tt.case_id FROM care_case_team tt WHERE tt.team_id = :team)");
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT c.id, c.person_id, c.opened_at FROM care_case c WHERE " + inRange
                + " ORDER BY c.opened_at, c.id")
            .param("origin", CaseOrigin.INCIDENT.name()).param("from", DbTime.toDb(from)).param("to", DbTime.toDb(to)).param("team", team)
            .query((ResultSet rs) -> {
                Row row = new Row();
                row.caseId = rs.getObject("id", UUID.class);
                row.personId = rs.getObject("person_id", UUID.class);
                row.openedAt = DbTime.instant(rs, "opened_at");
                rows.put(row.caseId, row);
            });
        if (rows.isEmpty()) {
            return List.of();
        }
        // the case's first incident: its severity and when it started
        jdbc.sql("""
                SELECT i.case_id, i.severity, i.started_at FROM care_case_incident i
                JOIN care_case c ON c.id = i.case_id WHERE """ + " " + inRange)
            .param("origin", CaseOrigin.INCIDENT.name()).param("from", DbTime.toDb(from)).param("to", DbTime.toDb(to)).param("team", team)
            .query((ResultSet rs) -> {
                Row row = rows.get(rs.getObject("case_id", UUID.class));
                Instant started = DbTime.instant(rs, "started_at");
                if (row != null && (row.startedAt == null || started.isBefore(row.startedAt))) {
                    row.startedAt = started;
                    row.severity = rs.getString("severity");
                }
            });
        jdbc.sql("SELECT t.case_id, t.team_id FROM care_case_team t JOIN care_case c ON c.id = t.case_id WHERE "
                + inRange)
            .param("origin", CaseOrigin.INCIDENT.name()).param("from", DbTime.toDb(from)).param("to", DbTime.toDb(to)).param("team", team)
            .query((ResultSet rs) -> {
                Row row = rows.get(rs.getObject("case_id", UUID.class));
                if (row != null) {
                    row.teams.add(rs.getObject("team_id", UUID.class));
                }
            });
        jdbc.sql("""
                SELECT s.case_id, a.stress, a.effects FROM care_step s
                JOIN care_check_in_answer a ON a.step_id = s.id
                JOIN care_case c ON c.id = s.case_id
                WHERE s.kind = :kind AND a.answered_at < :before AND """ + " " + inRange)
            .param("kind", StepKind.CHECK_IN.name()).param("before", DbTime.toDb(answeredBefore))
            .param("origin", CaseOrigin.INCIDENT.name()).param("from", DbTime.toDb(from)).param("to", DbTime.toDb(to)).param("team", team)
            .query((ResultSet rs) -> {
                Row row = rows.get(rs.getObject("case_id", UUID.class));
                if (row != null) {
                    row.stress = rs.getInt("stress");
                    String effects = rs.getString("effects");
                    row.effects = effects == null || effects.isBlank() ? Set.of() : Set.of(effects.split(","));
                }
            });
        jdbc.sql("""
                SELECT s.case_id, s.step_day, f.answered_at, f.rumination_1, f.rumination_2, f.rumination_3, f.self_critic_1,
                       f.self_critic_2, f.mistakes_1, f.mistakes_2
                FROM care_step s
                JOIN care_follow_up_answer f ON f.step_id = s.id
                JOIN care_case c ON c.id = s.case_id
                WHERE s.kind = :kind AND f.answered_at < :before AND """ + " " + inRange)
            .param("kind", StepKind.FOLLOW_UP.name()).param("before", DbTime.toDb(answeredBefore))
            .param("origin", CaseOrigin.INCIDENT.name()).param("from", DbTime.toDb(from)).param("to", DbTime.toDb(to)).param("team", team)
            .query((ResultSet rs) -> {
                Row row = rows.get(rs.getObject("case_id", UUID.class));
                if (row == null) {
                    return;
                }
                Map<Answers.Measure, double[]> sums = new EnumMap<>(Answers.Measure.class);
                for (Answers.Item item : Answers.Item.values()) {
                    Object value = rs.getObject(item.column);
                    if (value != null) {
                        double[] sum = sums.computeIfAbsent(item.measure, m -> new double[2]);
                        sum[0] += ((Number) value).intValue();
                        sum[1]++;
                    }
                }
                Map<Measure, Double> measures = new EnumMap<>(Measure.class);
                sums.forEach((m, s) -> measures.put(Measure.valueOf(m.name()), Math.round(s[0] / s[1] * 10) / 10.0));
                int day = rs.getInt("step_day");
                row.followUps.put(day, new FollowUp(day, DbTime.instant(rs, "answered_at"), measures));
            });
        Set<UUID> personIds = new HashSet<>();
        rows.values().forEach(r -> personIds.add(r.personId));
        Map<UUID, Instant> optedOutAt = new HashMap<>();
        Set<UUID> optedOut = new HashSet<>();
        jdbc.sql("SELECT person_id, opted_out_at FROM care_person WHERE opted_out AND person_id IN (:ids)")
            .param("ids", personIds)
            .query((ResultSet rs) -> {
                UUID id = rs.getObject("person_id", UUID.class);
                optedOut.add(id);
                Instant at = DbTime.instant(rs, "opted_out_at");
                optedOutAt.put(id, at == null ? Instant.EPOCH : at);
            });
        Map<UUID, ZoneId> zones = new HashMap<>();
        for (PersonRef p : directory.people(personIds)) {
            zones.put(p.id(), p.timeZone());
        }
        List<CaseAnswers> cases = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            if (r.startedAt == null) {
                continue;
            }
            List<FollowUp> followUps = new ArrayList<>(r.followUps.values());
            Instant outAt = optedOutAt.get(r.personId);
            cases.add(new CaseAnswers(r.caseId, r.personId, r.teams, r.severity,
                hours(r.startedAt, zones.getOrDefault(r.personId, ZoneOffset.UTC)), r.openedAt, r.stress, r.effects,
                followUps, optedOut.contains(r.personId), outAt != null && outAt.isBefore(answeredBefore)));
        }
        return cases;
    }

    /** Working hours 08–18 Monday to Friday, sleep hours 22–08 every day, off hours the rest. */
    static Hours hours(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (time.isBefore(LocalTime.of(8, 0)) || !time.isBefore(LocalTime.of(22, 0))) {
            return Hours.SLEEP;
        }
        DayOfWeek day = local.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return !weekend && time.isBefore(LocalTime.of(18, 0)) ? Hours.WORKING : Hours.OFF_HOURS;
    }
}
