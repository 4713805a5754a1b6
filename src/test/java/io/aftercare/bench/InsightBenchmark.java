package io.aftercare.bench;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.care.CareAnswersForInsight;
import io.aftercare.directory.People;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.insights.teams.CareInsight;
import io.aftercare.insights.teams.InsightReport;
import io.aftercare.peersupport.OutreachForInsight;
import io.aftercare.peersupport.SupportFixtures;
import io.aftercare.polls.answers.Tallies;
import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollCatalogue;
import io.aftercare.polls.definition.PollInput;
import io.aftercare.polls.results.PollResults;
import io.aftercare.polls.rounds.PollRounds;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.Months;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestDatabase;
import io.aftercare.support.WebSession;

/**
 * Team insight at an organisation's size, measured (not asserted): 10,000 people in 400 teams, 200,000 incidents and
 * 1,000,000 check-ins over 13 months ({@link InsightOrganisation}). For one released month, the team dashboard's and
 * the organisation view's report through the service their pages use, timed warm over {@code bench.insight.runs}
 * runs (median and p95), each beside its baseline in the same run: the page's figures as plain SQL aggregates (the
 * cases' grouping and the follow-ups'). Then
 * one real GET of each page, and a poll of 10,000 answers closed and its results page read.
 * Run with {@code ./mvnw -Pbench verify -Dit.test=InsightBenchmark} (see bench/README.md).
 */
@AftercareIT
@TestPropertySource(properties = {"logging.level.io.aftercare=WARN"})
class InsightBenchmark {

    static final int RUNS = Integer.getInteger("bench.insight.runs", 20);
    static final int POLL_ANSWERS = Integer.getInteger("bench.insight.poll-answers", 10_000);

    /** The dashboard's grouping as one plain query: by severity, people, stressed, two effects, outreach. */
    static final String RAW = """
            SELECT i.severity, COUNT(DISTINCT c.person_id) AS people,
                   SUM(CASE WHEN a.stress >= 4 THEN 1 ELSE 0 END) AS stressed,
                   SUM(CASE WHEN a.effects LIKE '%%SLEEPING_DIFFICULTIES%%' THEN 1 ELSE 0 END) AS sleeping,
                   SUM(CASE WHEN a.effects = 'NONE' THEN 1 ELSE 0 END) AS no_effect,
                   SUM(CASE WHEN o.first_outreach_at IS NOT NULL THEN 1 ELSE 0 END) AS reached
            FROM care_case c
            %s
            JOIN care_case_incident i ON i.case_id = c.id
            LEFT JOIN care_step s ON s.case_id = c.id AND s.kind = 'CHECK_IN'
            LEFT JOIN care_check_in_answer a ON a.step_id = s.id AND a.answered_at < :released
            LEFT JOIN support_case o ON o.case_id = c.id AND o.first_outreach_at < :released
            WHERE c.origin = 'INCIDENT' AND c.opened_at >= :from AND c.opened_at < :to
            GROUP BY i.severity""";

    /**
     * The dashboard's follow-up figures as one plain query: for each follow-up day, how many answers in the month put
     * each of the three measures low (under 2.5), in the middle or high (3.5 and over), each measure the mean of its
     * items answered. With {@link #RAW} it is the plain SQL of what the page shows (but the hours, the median time to
     * outreach and opting out, which the report works out and this does not): the baseline the target is read
     * against.
     */
    static final String RAW_FOLLOW_UPS = """
            SELECT m.step_day,
                   SUM(CASE WHEN m.rumination < 2.5 THEN 1 ELSE 0 END) AS rumination_low,
                   SUM(CASE WHEN m.rumination >= 2.5 AND m.rumination < 3.5 THEN 1 ELSE 0 END) AS rumination_middle,
                   SUM(CASE WHEN m.rumination >= 3.5 THEN 1 ELSE 0 END) AS rumination_high,
                   SUM(CASE WHEN m.self_critic < 2.5 THEN 1 ELSE 0 END) AS self_critic_low,
                   SUM(CASE WHEN m.self_critic >= 2.5 AND m.self_critic < 3.5 THEN 1 ELSE 0 END) AS self_critic_middle,
                   SUM(CASE WHEN m.self_critic >= 3.5 THEN 1 ELSE 0 END) AS self_critic_high,
                   SUM(CASE WHEN m.mistakes < 2.5 THEN 1 ELSE 0 END) AS mistakes_low,
                   SUM(CASE WHEN m.mistakes >= 2.5 AND m.mistakes < 3.5 THEN 1 ELSE 0 END) AS mistakes_middle,
                   SUM(CASE WHEN m.mistakes >= 3.5 THEN 1 ELSE 0 END) AS mistakes_high
            FROM (SELECT fs.step_day,
                         (COALESCE(f.rumination_1, 0) + COALESCE(f.rumination_2, 0) + COALESCE(f.rumination_3, 0))
                             * 1.0 / NULLIF(CASE WHEN f.rumination_1 IS NULL THEN 0 ELSE 1 END
                                 + CASE WHEN f.rumination_2 IS NULL THEN 0 ELSE 1 END
                                 + CASE WHEN f.rumination_3 IS NULL THEN 0 ELSE 1 END, 0) AS rumination,
                         (COALESCE(f.self_critic_1, 0) + COALESCE(f.self_critic_2, 0))
                             * 1.0 / NULLIF(CASE WHEN f.self_critic_1 IS NULL THEN 0 ELSE 1 END
                                 + CASE WHEN f.self_critic_2 IS NULL THEN 0 ELSE 1 END, 0) AS self_critic,
                         (COALESCE(f.mistakes_1, 0) + COALESCE(f.mistakes_2, 0))
                             * 1.0 / NULLIF(CASE WHEN f.mistakes_1 IS NULL THEN 0 ELSE 1 END
                                 + CASE WHEN f.mistakes_2 IS NULL THEN 0 ELSE 1 END, 0) AS mistakes
                  FROM care_follow_up_answer f
                  JOIN care_step fs ON fs.id = f.step_id
                  JOIN care_case c ON c.id = fs.case_id
                  %s
                  WHERE c.origin = 'INCIDENT' AND f.answered_at >= :from AND f.answered_at < :to) m
            GROUP BY m.step_day""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    People people;

    @Autowired
    CareInsight insight;

    @Autowired
    PollRounds polls;

    @Autowired
    PollResults pollResults;

    @Autowired
    PollCatalogue catalogue;

    @Autowired
    Tallies tallies;

    @Autowired
    CareAnswersForInsight careAnswers;

    @Autowired
    OutreachForInsight outreach;

    @Test
    void insightAtOrganisationSize() {
        Instant now = Instant.now();
        InsightOrganisation organisation = new InsightOrganisation(jdbc, now);
        long seeding = organisation.generate();
        report("seeded %,d people, %,d teams, %,d incidents, %,d check-ins in %,d ms (%s)".formatted(
            InsightOrganisation.PEOPLE, InsightOrganisation.TEAMS, InsightOrganisation.INCIDENTS,
            InsightOrganisation.CHECK_INS, seeding, String.join("; ", organisation.timings())));
        report("load average at the start: " + loadAverage());

        SupportFixtures.Person lead = SupportFixtures.person(people, "Bench Lead", null, Role.LEAD);
        SupportFixtures.Person coordinator = SupportFixtures.person(people, "Bench Coordinator", null,
            Role.COORDINATOR);
        UUID team = InsightOrganisation.team(1);
        jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, TRUE, CURRENT_TIMESTAMP)")
            .params(team, lead.id()).update();
        YearMonth month = Months.latestReleased(now);
        long monthCases = jdbc.sql("SELECT COUNT(*) FROM care_case WHERE opened_at >= ? AND opened_at < ?")
            .params(DbTime.toDb(Months.start(month)), DbTime.toDb(Months.end(month))).query(Long.class).single();
        report("month " + month + ": %,d cases".formatted(monthCases));

        // the team dashboard
        long first = time(() -> insight.report(lead.id(), team, month, Locale.ENGLISH));
        report("team dashboard, first view (the release log written): %d ms".formatted(first));
        InsightReport teamReport = insight.report(lead.id(), team, month, Locale.ENGLISH);
        assertThat(shown(teamReport)).as("figures the lead is shown").isPositive();
        compare("team dashboard", () -> insight.report(lead.id(), team, month, Locale.ENGLISH),
            () -> raw(month, team), () -> rawFollowUps(month, team));
        parts("team dashboard", month, team);

        // the organisation view
        first = time(() -> insight.report(coordinator.id(), null, month, Locale.ENGLISH));
        report("organisation view, first view (the release log written): %d ms".formatted(first));
        assertThat(shown(insight.report(coordinator.id(), null, month, Locale.ENGLISH))).isPositive();
        compare("organisation view", () -> insight.report(coordinator.id(), null, month, Locale.ENGLISH),
            () -> raw(month, null), () -> rawFollowUps(month, null));
        parts("organisation view", month, null);

        // one real GET of each page
        WebSession leadBrowser = WebSession.signedIn(port, lead.email(), PASSWORD);
        WebSession coordinatorBrowser = WebSession.signedIn(port, coordinator.email(), PASSWORD);
        page(leadBrowser, "/teams/" + team + "/insight?month=" + month, "team dashboard page");
        page(coordinatorBrowser, "/programme/insight?month=" + month, "organisation view page");

        // a poll of 10,000 answers: closed, then its results page read
        String today = polls.today().toString();
        UUID pollId = polls.create(coordinator.id(), new PollInput("Bench poll", "talk", false,
            List.of(InsightOrganisation.team(2).toString()), "ONCE", today, today, null)).id();
        UUID round = jdbc.sql("SELECT id FROM polls_round WHERE poll_id = ?").param(pollId).query(UUID.class).single();
        long answering = organisation.answerPoll(round, POLL_ANSWERS);
        report("poll: %,d answers written in %d ms".formatted(POLL_ANSWERS, answering));
        long start = System.nanoTime();
        polls.closeNow(pollId);
        long closed = (System.nanoTime() - start) / 1_000_000;
        var results = coordinatorBrowser.get("/polls/" + pollId + "/results");
        long total = (System.nanoTime() - start) / 1_000_000;
        assertThat(results.statusCode()).isEqualTo(200);
        report("poll of %,d answers: closed in %d ms, closed and results page read in %d ms (target < 1,000 ms)"
            .formatted(POLL_ANSWERS, closed, total));
        long again = time(() -> assertThat(coordinatorBrowser.get("/polls/" + pollId + "/results").statusCode())
            .isEqualTo(200));
        report("poll results page read again: %d ms".formatted(again));
        // the page's parts: the respondents and tallies read, the results worked out through the rule set (the
        // release log warm: every figure released before), and the page around them (security, template, HTTP)
        AftercareUser coordinatorUser = new AftercareUser(coordinator.id(), coordinator.email(),
            Set.of(Role.COORDINATOR, Role.RESPONDER), false, null, true);
        Poll poll = catalogue.find(pollId).orElseThrow();
        List<Long> reads = new ArrayList<>();
        List<Long> services = new ArrayList<>();
        List<Long> pages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reads.add(micros(() -> {
                tallies.respondents(round);
                tallies.counts(round, poll);
            }));
            services.add(micros(() -> pollResults.of(coordinatorUser, pollId, Locale.ENGLISH)));
            pages.add(micros(() -> coordinatorBrowser.get("/polls/" + pollId + "/results")));
        }
        report(("poll results read again, median of 5: the page %.1f ms, of which the results through the rule set "
            + "%.1f ms, of which reading the respondents and tallies %.1f ms").formatted(percentile(pages, 50) / 1000.0,
            percentile(services, 50) / 1000.0, percentile(reads, 50) / 1000.0));
        // a first reading through the rule set alone (no page), by three coordinators who have not read it yet: the
        // round's figures worked out and written to an empty release log; wall time and this thread's CPU time
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> firstWall = new ArrayList<>();
        List<Long> firstCpu = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            SupportFixtures.Person reader = SupportFixtures.person(people, "Bench Coordinator " + (i + 1), null,
                Role.COORDINATOR);
            AftercareUser readerUser = new AftercareUser(reader.id(), reader.email(),
                Set.of(Role.COORDINATOR, Role.RESPONDER), false, null, true);
            long cpu = threads.getCurrentThreadCpuTime();
            firstWall.add(micros(() -> pollResults.of(readerUser, pollId, Locale.ENGLISH)));
            firstCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000);
        }
        report(("poll results through the rule set, a first reading (the release log written), median of 3: "
            + "%.1f ms, of which this thread's CPU %.1f ms (each: %s ms wall, %s ms CPU)").formatted(
            percentile(firstWall, 50) / 1000.0, percentile(firstCpu, 50) / 1000.0,
            firstWall.stream().map(t -> String.valueOf(t / 1000)).toList(),
            firstCpu.stream().map(t -> String.valueOf(t / 1000)).toList()));
        report("load average at the end: " + loadAverage());
    }

    /**
     * The report beside its plain SQL, taken in turn so that all see the same load: the cases' grouping alone (the
     * baseline of the first measurements, without the follow-ups), and that with the follow-ups' grouping after it
     * (the whole page's figures: the baseline the target is read against).
     */
    private void compare(String what, Runnable service, Supplier<List<Object[]>> raw,
                         Supplier<List<Object[]>> rawFollowUps) {
        for (int i = 0; i < 3; i++) { // warm all
            service.run();
            raw.get();
            rawFollowUps.get();
        }
        List<Long> serviceTimes = new ArrayList<>();
        List<Long> rawTimes = new ArrayList<>();
        List<Long> followUpTimes = new ArrayList<>();
        List<Long> bothTimes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            serviceTimes.add(micros(service));
            long cases = micros(raw::get);
            long followUps = micros(rawFollowUps::get);
            rawTimes.add(cases);
            followUpTimes.add(followUps);
            bothTimes.add(cases + followUps);
        }
        long median = percentile(serviceTimes, 50);
        long rawMedian = percentile(rawTimes, 50);
        long bothMedian = percentile(bothTimes, 50);
        report(("%s, warm, %d runs: median %.1f ms, p95 %.1f ms; plain SQL of the page's figures (cases, then "
            + "follow-ups): median %.1f ms (%.1f + %.1f), p95 %.1f ms; ratio of medians %.2f (target ≤ 1.5 and "
            + "< 300 ms on PostgreSQL); against the cases' grouping alone (the first baseline) %.2f")
            .formatted(what, RUNS, median / 1000.0, percentile(serviceTimes, 95) / 1000.0, bothMedian / 1000.0,
                rawMedian / 1000.0, percentile(followUpTimes, 50) / 1000.0, percentile(bothTimes, 95) / 1000.0,
                (double) median / bothMedian, (double) median / rawMedian));
    }

    /** Where a report's time goes: care's month read (cases and follow-ups), and the outreach read of its cases. */
    private void parts(String what, YearMonth month, UUID team) {
        List<Long> careTimes = new ArrayList<>();
        List<Long> outreachTimes = new ArrayList<>();
        int cases = 0;
        for (int i = 0; i < Math.max(5, RUNS / 2); i++) {
            long start = System.nanoTime();
            CareAnswersForInsight.Month read = careAnswers.month(Months.start(month), Months.end(month),
                Months.releasedAt(month), team);
            careTimes.add((System.nanoTime() - start) / 1_000);
            List<UUID> ids = read.opened().stream().map(CareAnswersForInsight.CaseAnswers::caseId).toList();
            cases = ids.size();
            outreachTimes.add(micros(() -> outreach.firstOutreach(ids, Months.releasedAt(month))));
        }
        report("%s, its parts, median: care's month read %.1f ms (%,d cases opened), outreach read %.1f ms"
            .formatted(what, percentile(careTimes, 50) / 1000.0, cases, percentile(outreachTimes, 50) / 1000.0));
    }

    private List<Object[]> raw(YearMonth month, UUID team) {
        return plain(RAW, month, team);
    }

    private List<Object[]> rawFollowUps(YearMonth month, UUID team) {
        return plain(RAW_FOLLOW_UPS, month, team);
    }

    /** One of the plain SQL aggregates, of the team's cases or everyone's, every row read whole. */
    private List<Object[]> plain(String template, YearMonth month, UUID team) {
        String byTeam = team == null ? "" : "JOIN care_case_team t ON t.case_id = c.id AND t.team_id = :team";
        var sql = jdbc.sql(template.formatted(byTeam))
            .param("released", DbTime.toDb(Months.releasedAt(month)))
            .param("from", DbTime.toDb(Months.start(month))).param("to", DbTime.toDb(Months.end(month)));
        if (team != null) {
            sql = sql.param("team", team);
        }
        List<Object[]> rows = sql.query((rs, n) -> {
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int c = 0; c < row.length; c++) {
                row[c] = rs.getObject(c + 1);
            }
            return row;
        }).list();
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static void page(WebSession browser, String path, String what) {
        browser.get(path); // the first, with the session's own setup
        long start = System.nanoTime();
        var response = browser.get(path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).contains("<section class=\"insight\">");
        report("%s, one GET over HTTP (signed in, warm): %d ms".formatted(what, millis));
    }

    private static long shown(InsightReport report) {
        return report.sections().stream().flatMap(s -> s.lines().stream()).filter(l -> !l.hidden()).count();
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long micros(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000;
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void report(String what) {
        System.out.printf("BENCH insight [%s] %s%n", TestDatabase.engine(), what);
    }
}
