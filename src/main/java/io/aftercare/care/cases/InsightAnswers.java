package io.aftercare.care.cases;

import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.CareAnswersForInsight;
import io.aftercare.directory.Directory;
import io.aftercare.shared.DbTime;

/**
 * Care's answers for the insights module's rule set: a month's cases read in one statement (two for a report: the
 * cases opened in it without their follow-ups, and the follow-ups answered in it, decision 0075), and their people's
 * time zones from the directory.
 * Nothing here is shown to anyone: the rule set decides what a group may see.
 */
@Component
class InsightAnswers implements CareAnswersForInsight {

    /** Every case, to be narrowed by the statement's condition. */
    private static final String ALL = "care_case c";
    /**
     * The cases with a follow-up answered from {@code from} to {@code to}, as the table the statement starts from:
     * a few thousand of a million, found by when the answers came, so that the other tables are looked up by case
     * for them alone. As a condition ({@code c.id IN (…)}) PostgreSQL joined every case there is to everything
     * first and narrowed them down last, three times slower at an organisation's size (docs/benchmarks.md).
     */
    private static final String FOLLOWED_UP = """
            (SELECT DISTINCT ms.case_id FROM care_follow_up_answer fa JOIN care_step ms ON ms.id = fa.step_id
             WHERE fa.answered_at >= :from AND fa.answered_at < :to) m
            JOIN care_case c ON c.id = m.case_id""";
    /**
     * A team's cases with a follow-up answered from {@code from} to {@code to}, as a condition on each of the team's
     * cases: a team has a few thousand cases over the years, each looked up by its steps. Started from the month's
     * answers instead, as the organisation's are, PostgreSQL hashed every step there is to find the whole
     * organisation's followed-up cases (some 30,000 of them) before keeping the team's hundred: 55–335 ms a read,
     * where the team's own cases take a few (docs/benchmarks.md).
     */
    private static final String TEAM_FOLLOWED_UP = """
            EXISTS (SELECT 1 FROM care_step ms JOIN care_follow_up_answer fa ON fa.step_id = ms.id
                    WHERE ms.case_id = c.id AND ms.kind = :followUp
                      AND fa.answered_at >= :from AND fa.answered_at < :to)""";
    /** Cases opened from {@code from} to {@code to}. */
    private static final String OPENED = "c.opened_at >= :from AND c.opened_at < :to";

    private final JdbcClient jdbc;
    private final Directory directory;

    InsightAnswers(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** What is read of one case before it is complete: every answer, each with when it was given. */
    private static final class Row {
        UUID caseId;
        UUID personId;
        Instant openedAt;
        String severity;
        Instant startedAt;
        Integer stress;
        Set<String> effects = Set.of();
        Instant checkedInAt;
        final Map<Integer, FollowUp> followUps = new java.util.TreeMap<>();
        boolean optedOut;
        Instant optedOutAt;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseAnswers> casesOpened(Instant from, Instant to, Instant answeredBefore) {
        return casesOpened(from, to, answeredBefore, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseAnswers> casesOpened(Instant from, Instant to, Instant answeredBefore, UUID team) {
        Map<UUID, Row> rows = read(ALL, OPENED, from, to, answeredBefore, team, true);
        return complete(rows.values(), answeredBefore, zones(rows.values()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseAnswers> casesFollowedUp(Instant from, Instant to) {
        return casesFollowedUp(from, to, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseAnswers> casesFollowedUp(Instant from, Instant to, UUID team) {
        Map<UUID, Row> rows = readFollowedUp(from, to, team);
        return complete(rows.values(), to, zones(rows.values()));
    }

    @Override
    @Transactional(readOnly = true)
    public Month month(Instant from, Instant to, Instant answeredBefore, UUID team) {
        Map<UUID, Row> opened = read(ALL, OPENED, from, to, answeredBefore, team, false);
        return new Month(complete(opened.values(), answeredBefore, zones(opened.values())),
            followedUpIn(from, to, team));
    }

    /**
     * The cases with a follow-up answered from {@code from} to {@code to}, each with those follow-ups alone: the
     * organisation's read from the month's answers, as the plain count of them would be; a team's from the team's
     * own cases, each looked up by its steps. A case with no incident is left out, as everywhere here.
     */
    private List<FollowedUp> followedUpIn(Instant from, Instant to, UUID team) {
        String cases = team == null ? """
                FROM care_follow_up_answer f
                JOIN care_step fs ON fs.id = f.step_id
                JOIN care_case c ON c.id = fs.case_id
                """ : """
                FROM care_case c
                JOIN care_case_team ct ON ct.case_id = c.id AND ct.team_id = :team
                JOIN care_step fs ON fs.case_id = c.id AND fs.kind = :followUp
                LEFT JOIN care_follow_up_answer f ON f.step_id = fs.id AND f.answered_at >= :from
                  AND f.answered_at < :to
                """;
        Map<UUID, FollowedUpRow> rows = new HashMap<>();
        jdbc.sql("SELECT c.id, c.person_id, c.opened_at, fs.step_day, f.answered_at, " + ITEMS + ", p.opted_out\n"
                + cases + """
                LEFT JOIN care_person p ON p.person_id = c.person_id AND p.opted_out
                WHERE c.origin = :origin AND EXISTS (SELECT 1 FROM care_case_incident i WHERE i.case_id = c.id)
                  AND\s""" + (team == null ? "f.answered_at >= :from AND f.answered_at < :to" : TEAM_FOLLOWED_UP))
            .param("origin", CaseOrigin.INCIDENT.name()).param("from", DbTime.toDb(from)).param("to", DbTime.toDb(to))
            .param("followUp", StepKind.FOLLOW_UP.name()).param("team", team)
            .query((ResultSet rs) -> {
                Instant answeredAt = DbTime.instant(rs, "answered_at");
                if (answeredAt == null) {
                    return; // a team's case's other follow-ups, each on a row of its own
                }
                FollowedUpRow row = rows.computeIfAbsent(rs.getObject("id", UUID.class), FollowedUpRow::new);
                if (row.personId == null) {
                    row.personId = rs.getObject("person_id", UUID.class);
                    row.openedAt = DbTime.instant(rs, "opened_at");
                    row.optedOut = rs.getBoolean("opted_out");
                }
                int day = rs.getInt("step_day");
                row.followUps.putIfAbsent(day, new FollowUp(day, answeredAt, measures(rs)));
            });
        return rows.values().stream().sorted(byOpening(r -> r.openedAt, r -> r.caseId))
            .map(r -> new FollowedUp(r.caseId, r.personId, r.openedAt, List.copyOf(r.followUps.values()), r.optedOut))
            .toList();
    }

    /** A case with follow-ups in the month, as it is read. */
    private static final class FollowedUpRow {
        final UUID caseId;
        UUID personId;
        Instant openedAt;
        boolean optedOut;
        final Map<Integer, FollowUp> followUps = new java.util.TreeMap<>();

        FollowedUpRow(UUID caseId) {
            this.caseId = caseId;
        }
    }

    /**
     * The cases with a follow-up answered from {@code from} to {@code to}, whole: the organisation's found from the
     * month's answers, a team's from the team's own cases.
     */
    private Map<UUID, Row> readFollowedUp(Instant from, Instant to, UUID team) {
        return team == null ? read(FOLLOWED_UP, "TRUE", from, to, to, null, true)
            : read(ALL, TEAM_FOLLOWED_UP, from, to, to, team, true);
    }

    /** A follow-up's items, as {@link Answers.Item} names its columns. */
    private static final String ITEMS = "f.rumination_1, f.rumination_2, f.rumination_3, f.self_critic_1, "
        + "f.self_critic_2, f.mistakes_1, f.mistakes_2";

    /**
     * The cases {@code inRange}, in one statement: each case's incidents, check-in, follow-ups answered before
     * {@code answeredBefore} (when asked for) and opting out are joined to it (a case comes back once per incident
     * and follow-up, and is put together here), and a team's cases are joined to the team. Which teams a case was
     * opened in is not read: only the team asked for narrows the cases, and no figure is worked out by team from the
     * organisation's month.
     * By when they opened, then by id, sorted here: sorted by the database, the organisation's month (some 120,000
     * rows) was sorted on disk before its first row came back (docs/benchmarks.md).
     */
    private Map<UUID, Row> read(String cases, String inRange, Instant from, Instant to, Instant answeredBefore,
                                UUID team, boolean withFollowUps) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT c.id, c.person_id, c.opened_at, i.severity, i.started_at, a.stress, a.effects, "
                + "a.answered_at AS checked_in_at, p.opted_out, p.opted_out_at"
                + (withFollowUps ? ", fs.step_day, f.answered_at AS followed_up_at, " + ITEMS : "")
                + "\nFROM " + cases + "\n"
                + (team == null ? "" : "JOIN care_case_team ct ON ct.case_id = c.id AND ct.team_id = :team\n") + """
                JOIN care_case_incident i ON i.case_id = c.id
                LEFT JOIN care_step s ON s.case_id = c.id AND s.kind = :checkIn
                LEFT JOIN care_check_in_answer a ON a.step_id = s.id AND a.answered_at < :before
                """ + (withFollowUps ? """
                LEFT JOIN care_step fs ON fs.case_id = c.id AND fs.kind = :followUp
                LEFT JOIN care_follow_up_answer f ON f.step_id = fs.id AND f.answered_at < :before
                """ : "") + """
                LEFT JOIN care_person p ON p.person_id = c.person_id AND p.opted_out
                WHERE c.origin = :origin AND """ + " " + inRange)
            .param("origin", CaseOrigin.INCIDENT.name()).param("from", DbTime.toDb(from)).param("to", DbTime.toDb(to))
            .param("before", DbTime.toDb(answeredBefore)).param("checkIn", StepKind.CHECK_IN.name())
            .param("followUp", StepKind.FOLLOW_UP.name()).param("team", team)
            .query((ResultSet rs) -> {
                UUID caseId = rs.getObject("id", UUID.class);
                Row row = rows.get(caseId);
                if (row == null) {
                    row = new Row();
                    row.caseId = caseId;
                    row.personId = rs.getObject("person_id", UUID.class);
                    row.openedAt = DbTime.instant(rs, "opened_at");
                    Object stress = rs.getObject("stress");
                    if (stress != null) {
                        row.stress = ((Number) stress).intValue();
                        String effects = rs.getString("effects");
                        row.effects = effects == null || effects.isBlank() ? Set.of() : Set.of(effects.split(","));
                        row.checkedInAt = DbTime.instant(rs, "checked_in_at");
                    }
                    row.optedOut = rs.getBoolean("opted_out");
                    row.optedOutAt = DbTime.instant(rs, "opted_out_at");
                    rows.put(caseId, row);
                }
                // the case's first incident: its severity and when it started
                Instant started = DbTime.instant(rs, "started_at");
                if (row.startedAt == null || started.isBefore(row.startedAt)) {
                    row.startedAt = started;
                    row.severity = rs.getString("severity");
                }
                Instant followedUpAt = withFollowUps ? DbTime.instant(rs, "followed_up_at") : null;
                if (followedUpAt != null) {
                    int day = rs.getInt("step_day");
                    if (!row.followUps.containsKey(day)) {
                        row.followUps.put(day, new FollowUp(day, followedUpAt, measures(rs)));
                    }
                }
            });
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(byOpening(r -> r.openedAt, r -> r.caseId));
        Map<UUID, Row> byOpening = new LinkedHashMap<>();
        sorted.forEach(r -> byOpening.put(r.caseId, r));
        return byOpening;
    }

    /** By when a case opened, then by id as the databases order a uuid: its bytes, unsigned. */
    private static <T> Comparator<T> byOpening(Function<T, Instant> openedAt, Function<T, UUID> caseId) {
        return Comparator.comparing(openedAt).thenComparing(caseId, InsightAnswers::compareAsBytes);
    }

    static int compareAsBytes(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** Each measure's mean of its items answered, on 1–5 to one decimal; a measure with none answered is absent. */
    private static Map<Measure, Double> measures(ResultSet rs) throws java.sql.SQLException {
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
        return measures;
    }

    /** Each person's own time zone, from the directory (UTC for anyone it does not know). */
    private Map<UUID, ZoneId> zones(Collection<Row> rows) {
        Set<UUID> personIds = new HashSet<>();
        rows.forEach(r -> personIds.add(r.personId));
        return directory.timeZones(personIds);
    }

    /**
     * The cases, each with only what was answered before {@code answeredBefore}, whether the person had opted out by
     * then, and the hours of its first incident in the person's own time zone. A case with no incident is left out.
     */
    private static List<CaseAnswers> complete(Collection<Row> rows, Instant answeredBefore, Map<UUID, ZoneId> zones) {
        List<CaseAnswers> cases = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.startedAt == null) {
                continue;
            }
            boolean checkedIn = r.stress != null && r.checkedInAt.isBefore(answeredBefore);
            List<FollowUp> followUps = r.followUps.values().stream()
                .filter(f -> f.answeredAt().isBefore(answeredBefore)).toList();
            Instant outAt = r.optedOut ? (r.optedOutAt == null ? Instant.EPOCH : r.optedOutAt) : null;
            cases.add(new CaseAnswers(r.caseId, r.personId, r.severity,
                hours(r.startedAt, zones.getOrDefault(r.personId, ZoneOffset.UTC)), r.openedAt,
                checkedIn ? r.stress : null, checkedIn ? r.effects : Set.of(), followUps, r.optedOut,
                outAt != null && outAt.isBefore(answeredBefore)));
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
