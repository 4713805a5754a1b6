package io.aftercare.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.shared.Months;
import io.aftercare.support.TestDatabase;

/**
 * A generated organisation for the insight benchmark, written straight into the tables with {@code INSERT ... SELECT}
 * over a generated series (no services, no events): people in teams of about 25, incidents spread over 13 months with
 * a handful of responders each, one care case per responder with its first incident and team at the time, an
 * answered check-in for each case, follow-ups on days 1, 7 and 30 for every {@code followUpEvery}-th case, outreach
 * for two cases in three, and a few people opted out.
 *
 * <p>Every id is made from its row's number ({@code 40000000-0000-4000-8000-000000000123} is case 123), so each table
 * is filled by one statement that joins nothing. Sizes come from system properties ({@code bench.insight.people},
 * {@code .teams}, {@code .incidents}, {@code .checkins}, {@code .followup-every}), by default 10,000 people, 400 teams,
 * 200,000 incidents and 1,000,000 check-ins.
 */
final class InsightOrganisation {

    static final int PEOPLE = Integer.getInteger("bench.insight.people", 10_000);
    static final int TEAMS = Integer.getInteger("bench.insight.teams", 400);
    static final int INCIDENTS = Integer.getInteger("bench.insight.incidents", 200_000);
    static final int CHECK_INS = Integer.getInteger("bench.insight.checkins", 1_000_000);
    static final int FOLLOW_UP_EVERY = Integer.getInteger("bench.insight.followup-every", 5);
    static final int MONTHS = 13;

    /** Responders per incident (each with a case and a check-in). */
    static final int RESPONDERS = Math.max(1, CHECK_INS / INCIDENTS);
    /** Members per team. */
    static final int MEMBERS = Math.max(RESPONDERS, PEOPLE / TEAMS);

    private final JdbcClient jdbc;
    private final Instant start;
    private final long spanSeconds;
    private final List<String> timings = new ArrayList<>();

    /** The 13 months end now: the newest released month and the open ones after it are all in them. */
    InsightOrganisation(JdbcClient jdbc, Instant now) {
        this.jdbc = jdbc;
        this.start = Months.start(YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(MONTHS - 1));
        this.spanSeconds = Duration.between(start, now).minus(Duration.ofDays(2)).toSeconds();
    }

    static UUID person(int n) {
        return id("10000000", n);
    }

    static UUID team(int n) {
        return id("20000000", n);
    }

    static UUID id(String prefix, long n) {
        return UUID.fromString(prefix + "-0000-4000-8000-" + String.format("%012d", n));
    }

    List<String> timings() {
        return timings;
    }

    /** Fills every table; returns the milliseconds it took. */
    long generate() {
        long begin = System.nanoTime();
        int perIncident = Math.max(1, spanSeconds > 0 ? (int) (spanSeconds / INCIDENTS) : 1);
        String i = "s.x"; // the row's number, from 1
        // people: a few time zones, so that "hours" differ
        people("person", 1, PEOPLE);
        run("team", """
                INSERT INTO team (id, name, name_normalized, created_at)
                SELECT %s, CONCAT('Bench team ', %s), CONCAT('bench team ', %s), %s FROM %s"""
            .formatted(uuid("20000000", i), i, i, at("0"), series(TEAMS)));
        // person n is in team ((n - 1) mod TEAMS) + 1; the first of each team leads it
        run("team_member", """
                INSERT INTO team_member (team_id, person_id, is_lead, joined_at)
                SELECT %s, %s, %s <= %d, %s FROM %s"""
            .formatted(uuid("20000000", "(MOD(" + i + " - 1, " + TEAMS + ") + 1)"), uuid("10000000", i), i, TEAMS,
                at("0"), series(PEOPLE)));
        // incident j belongs to team ((j - 1) mod TEAMS) + 1, starts (j - 1) × span / INCIDENTS after the start and
        // lasts an hour; severities SEV1..SEV5 in turn
        String started = at("(" + i + " - 1) * " + perIncident);
        String resolved = at("(" + i + " - 1) * " + perIncident + " + 3600");
        run("incident", """
                INSERT INTO incident (id, title, severity, status, team_id, source, external_id, started_at,
                                      acknowledged_at, resolved_at, created_at, updated_at)
                SELECT %s, CONCAT('Bench incident ', %s), CONCAT('SEV', MOD(%s * 7, 5) + 1), 'RESOLVED', %s,
                       'bench', CONCAT('bench-', %s), %s, %s, %s, %s, %s FROM %s"""
            .formatted(uuid("30000000", i), i, i, uuid("20000000", "(MOD(" + i + " - 1, " + TEAMS + ") + 1)"), i,
                started, started, resolved, started, resolved, series(INCIDENTS)));
        // case c: incident j = (c - 1) / RESPONDERS + 1, its k-th responder, a member of the incident's team
        String j = "((" + i + " - 1) / " + RESPONDERS + " + 1)";
        String k = "MOD(" + i + " - 1, " + RESPONDERS + ")";
        String teamOf = "(MOD(" + j + " - 1, " + TEAMS + ") + 1)";
        String personOf = "(" + teamOf + " + " + TEAMS + " * MOD(" + j + " * 3 + " + k + ", " + MEMBERS + "))";
        String incidentStart = "(" + j + " - 1) * " + perIncident;
        String opened = at(incidentStart + " + 3600 + " + k + " * 60");
        run("incident_responder", """
                INSERT INTO incident_responder (incident_id, person_id, role, joined_at)
                SELECT %s, %s, 'RESPONDER', %s FROM %s"""
            .formatted(uuid("30000000", j), uuid("10000000", personOf), at(incidentStart), series(CHECK_INS)));
        run("care_case", """
                INSERT INTO care_case (id, person_id, origin, stage, muted, opened_at, last_resolved_at, closed_at,
                                       closed_reason)
                SELECT %s, %s, 'INCIDENT', 'CLOSED', FALSE, %s, %s, %s, 'COMPLETED' FROM %s"""
            .formatted(uuid("40000000", i), uuid("10000000", personOf), opened, opened,
                at(incidentStart + " + 3600 + 31 * 86400"), series(CHECK_INS)));
        run("care_case_incident", """
                INSERT INTO care_case_incident (case_id, person_id, incident_id, title, severity, role, started_at,
                                                resolved_at, reasons)
                SELECT %s, %s, %s, CONCAT('Bench incident ', %s), CONCAT('SEV', MOD(%s * 7, 5) + 1), 'RESPONDER', %s,
                       %s, 'SEVERITY' FROM %s"""
            .formatted(uuid("40000000", i), uuid("10000000", personOf), uuid("30000000", j), j, j,
                at(incidentStart), at(incidentStart + " + 3600"), series(CHECK_INS)));
        run("care_case_team", """
                INSERT INTO care_case_team (case_id, team_id) SELECT %s, %s FROM %s"""
            .formatted(uuid("40000000", i), uuid("20000000", teamOf), series(CHECK_INS)));
        // the check-in: stress 1..5, one effect (or none) in turn
        String checkInAt = at(incidentStart + " + 3600 + " + k + " * 60 + 3 * 3600");
        run("care_step (check-ins)", """
                INSERT INTO care_step (id, case_id, person_id, kind, step_day, intended_at, due_at, status, answered_at)
                SELECT %s, %s, %s, 'CHECK_IN', 0, %s, %s, 'ANSWERED', %s FROM %s"""
            .formatted(uuid("50000000", i), uuid("40000000", i), uuid("10000000", personOf), checkInAt, checkInAt,
                checkInAt, series(CHECK_INS)));
        run("care_check_in_answer", """
                INSERT INTO care_check_in_answer (step_id, person_id, stress, effects, outreach, answered_at)
                SELECT %s, %s, MOD(%s * 13, 5) + 1,
                       CASE MOD(%s, 7) WHEN 0 THEN 'ANXIETY_ABOUT_NEXT_INCIDENT' WHEN 1 THEN 'LOSS_OF_CONFIDENCE'
                            WHEN 2 THEN 'SLEEPING_DIFFICULTIES,WORRY_ABOUT_REPUTATION'
                            WHEN 3 THEN 'REDUCED_JOB_SATISFACTION' ELSE 'NONE' END,
                       'NOBODY', %s FROM %s"""
            .formatted(uuid("50000000", i), uuid("10000000", personOf), i, i, checkInAt, series(CHECK_INS)));
        // follow-ups on days 1, 7 and 30 for every FOLLOW_UP_EVERY-th case: row f is case (f - 1) / 3 × EVERY + 1
        int followUps = CHECK_INS / FOLLOW_UP_EVERY * 3;
        String c = "(((" + i + " - 1) / 3) * " + FOLLOW_UP_EVERY + " + 1)";
        String day = "CASE MOD(" + i + " - 1, 3) WHEN 0 THEN 1 WHEN 1 THEN 7 ELSE 30 END";
        String cj = "((" + c + " - 1) / " + RESPONDERS + " + 1)";
        String ck = "MOD(" + c + " - 1, " + RESPONDERS + ")";
        String cPerson = "((MOD(" + cj + " - 1, " + TEAMS + ") + 1) + " + TEAMS + " * MOD(" + cj + " * 3 + " + ck
            + ", " + MEMBERS + "))";
        String followUpAt = at("(" + cj + " - 1) * " + perIncident + " + 3600 + " + ck + " * 60 + (" + day
            + ") * 86400 - 3600");
        run("care_step (follow-ups)", """
                INSERT INTO care_step (id, case_id, person_id, kind, step_day, intended_at, due_at, status, answered_at)
                SELECT %s, %s, %s, 'FOLLOW_UP', %s, %s, %s, 'ANSWERED', %s FROM %s"""
            .formatted(uuid("60000000", i), uuid("40000000", c), uuid("10000000", cPerson), day, followUpAt,
                followUpAt, followUpAt, series(followUps)));
        String v = "(MOD(" + i + " * 11, 5) + 1)";
        run("care_follow_up_answer", """
                INSERT INTO care_follow_up_answer (step_id, person_id, rumination_1, rumination_2, rumination_3,
                    self_critic_1, self_critic_2, mistakes_1, mistakes_2, answered_at)
                SELECT %s, %s, %s, %s, %s, %s, %s, %s, %s, %s FROM %s"""
            .formatted(uuid("60000000", i), uuid("10000000", cPerson), v, v, v, v, v, v, v, followUpAt,
                series(followUps)));
        // peer support's side of every case; two in three heard from someone, after 2 to 100 hours
        run("support_case (outreach)", """
                INSERT INTO support_case (case_id, person_id, opened_at, incident_ids, first_outreach_at)
                SELECT %s, %s, %s, '', CASE WHEN MOD(%s, 3) = 0 THEN NULL ELSE %s END FROM %s"""
            .formatted(uuid("40000000", i), uuid("10000000", personOf), opened, i,
                at(incidentStart + " + 3600 + " + k + " * 60 + (MOD(" + i + " * 17, 99) + 2) * 3600"),
                series(CHECK_INS)));
        // one person in 50 has opted out of care, a year after the start
        run("care_person (opted out)", """
                INSERT INTO care_person (person_id, opted_out, opted_out_at)
                SELECT %s, TRUE, %s FROM %s WHERE MOD(%s, 50) = 0"""
            .formatted(uuid("10000000", i), at("365 * 86400"), series(PEOPLE), i));
        analyze();
        return (System.nanoTime() - begin) / 1_000_000;
    }

    /** People numbered {@code from} to {@code to}, in a few time zones (so that "hours" differ), in no team. */
    private void people(String what, int from, int to) {
        String i = "s.x";
        run(what, """
                INSERT INTO person (id, name, email, email_normalized, time_zone, quiet_start, quiet_end, weekend_days,
                                    created_at, updated_at)
                SELECT %s, CONCAT('Bench person ', %s), CONCAT('bench-', %s, '@bench.test'),
                       CONCAT('bench-', %s, '@bench.test'),
                       CASE MOD(%s, 3) WHEN 0 THEN 'UTC' WHEN 1 THEN 'Europe/Berlin' ELSE 'America/New_York' END,
                       TIME '22:00:00', TIME '07:00:00', 'SATURDAY,SUNDAY', %s, %s FROM %s"""
            .formatted(uuid("10000000", i), i, i, i, i, at("0"), at("0"), series(from, to)));
    }

    /**
     * A poll round's answers: people 1 to {@code answers} were asked and took part, the answers spread evenly over each
     * question's choices. With fewer people in the organisation than answers, the rest are added first (in no team),
     * so that every respondent is someone in the directory.
     */
    long answerPoll(UUID roundId, int answers) {
        long begin = System.nanoTime();
        if (answers > PEOPLE) {
            people("person (more respondents)", PEOPLE + 1, answers);
        }
        run("polls_invitee", "INSERT INTO polls_invitee (round_id, person_id) SELECT '" + roundId + "', "
            + uuid("10000000", "s.x") + " FROM " + series(1, answers) + " WHERE NOT EXISTS (SELECT 1 FROM "
            + "polls_invitee i WHERE i.round_id = '" + roundId + "' AND i.person_id = " + uuid("10000000", "s.x")
            + ")");
        run("polls_participation", "INSERT INTO polls_participation (round_id, person_id) SELECT '" + roundId + "', "
            + uuid("10000000", "s.x") + " FROM " + series(answers));
        jdbc.sql("""
                UPDATE polls_tally SET answers = ? / (SELECT COUNT(*) FROM polls_tally x
                                                      WHERE x.round_id = polls_tally.round_id
                                                        AND x.question = polls_tally.question)
                WHERE round_id = ?""").params(answers, roundId).update();
        return (System.nanoTime() - begin) / 1_000_000;
    }

    private void run(String table, String sql) {
        long begin = System.nanoTime();
        int rows = jdbc.sql(sql).update();
        timings.add("%s %,d rows in %,d ms".formatted(table, rows, (System.nanoTime() - begin) / 1_000_000));
    }

    private void analyze() {
        long begin = System.nanoTime();
        jdbc.sql("ANALYZE").update();
        timings.add("analyze in %,d ms".formatted((System.nanoTime() - begin) / 1_000_000));
    }

    /** Rows numbered 1..n, as {@code s.x}. */
    private static String series(int n) {
        return series(1, n);
    }

    /** Rows numbered from..to, as {@code s.x}. */
    private static String series(int from, int to) {
        return TestDatabase.isPostgres() ? "generate_series(" + from + ", " + to + ") AS s(x)"
            : "SYSTEM_RANGE(" + from + ", " + to + ") AS s(x)";
    }

    /** A UUID made from a number: {@code prefix-0000-4000-8000-<number, 12 digits>}. */
    private static String uuid(String prefix, String number) {
        return "CAST(CONCAT('" + prefix + "-0000-4000-8000-', LPAD(CAST(" + number + " AS VARCHAR(12)), 12, '0')) "
            + "AS UUID)";
    }

    /** So many seconds after the start. */
    private String at(String seconds) {
        String base = "TIMESTAMP WITH TIME ZONE '"
            + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(OffsetDateTime.ofInstant(start, ZoneOffset.UTC)
                .toLocalDateTime()).replace('T', ' ') + "+00:00'";
        return TestDatabase.isPostgres() ? "(" + base + " + (" + seconds + ") * INTERVAL '1 second')"
            : "DATEADD(SECOND, " + seconds + ", " + base + ")";
    }
}
