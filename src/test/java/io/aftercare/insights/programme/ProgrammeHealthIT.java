package io.aftercare.insights.programme;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.insights.teams.InsightFixtures;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.Months;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.WebSession;

/**
 * Programme health on H2 and PostgreSQL, as a coordinator sees it: every figure about people's care is the rule
 * set's (k people besides the viewer, coarse counts, released months, the viewer's release log), and nothing in the
 * open month changes the page. Each test writes into a released month no other test writes into.
 */
@AftercareIT
class ProgrammeHealthIT {

    static final String HIDDEN = "Not enough answers to show without identifying anyone";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    WebSession coordinator(String name) {
        var cora = person(people, name, null, Role.COORDINATOR);
        return WebSession.signedIn(port, cora.email(), PASSWORD);
    }

    /** What the page says, without what differs on every response (tokens in the layout). */
    static String figures(WebSession session, String path) {
        var response = session.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        return body.substring(body.indexOf("<section class=\"support\">"), body.indexOf("</section>"));
    }

    /** What the page says of one figure, by its label. */
    static String figure(String page, String label) {
        int at = page.indexOf(label);
        assertThat(at).as(label).isPositive();
        int dd = page.indexOf("<dd", at);
        return page.substring(page.indexOf('>', dd) + 1, page.indexOf("</dd>", dd));
    }

    /** {@code n} people with a care case in the month, the first {@code reached} of them reached within five hours. */
    void cases(YearMonth month, int n, int reached) {
        InsightFixtures care = new InsightFixtures(jdbc);
        UUID checkout = team(jdbc, "Checkout", null);
        Instant working = InsightFixtures.workingHours(month);
        for (int i = 0; i < n; i++) {
            care.caseOf(UUID.randomUUID(), checkout, "SEV2", working.plus(Duration.ofMinutes(i)),
                working.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(i)),
                new InsightFixtures.Answers(3, java.util.List.of("NONE"), 3, 3, 2,
                    i < reached ? Duration.ofHours(5) : null));
        }
    }

    /** A request offered in the month to a supporter, who acknowledged it by its deadline or did not. */
    void offered(YearMonth month, UUID person, boolean inTime) {
        Instant asked = Months.start(month).plus(Duration.ofDays(12));
        UUID request = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO support_request (id, person_id, origin, status, share_incident, requested_at)
                VALUES (?, ?, 'SELF', 'CLOSED', FALSE, ?)""").params(request, person, DbTime.toDb(asked)).update();
        jdbc.sql("""
                INSERT INTO support_assignment (id, request_id, supporter_id, assigned_at, ack_due_at, outcome, ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(UUID.randomUUID(), request, UUID.randomUUID(), DbTime.toDb(asked),
                DbTime.toDb(asked.plus(Duration.ofHours(4))), inTime ? "ACKNOWLEDGED" : "TIMED_OUT",
                DbTime.toDb(asked.plus(Duration.ofHours(inTime ? 1 : 4)))).update();
    }

    @Test
    void everyFigureIsTheRuleSetsACountOfPeopleOrThatItCannotBeShown() {
        WebSession page = coordinator("Cora Coordinator");
        YearMonth month = Months.latestReleased(Instant.now()).minusMonths(20);
        String path = "/programme/support/health?month=" + month;
        cases(month, 10, 5);
        // four people asked for a supporter and were acknowledged in time: too few to say so
        for (int i = 0; i < 4; i++) {
            offered(month, UUID.randomUUID(), true);
        }
        String shown = figures(page, path);
        assertThat(figure(shown, "People someone reached out to within 24 hours")).isEqualTo("5 of 10 (50.0%)");
        assertThat(figure(shown, "People someone reached out to within 72 hours")).isEqualTo("5 of 10 (50.0%)");
        assertThat(figure(shown, "Typical time to a first outreach")).contains("5.0 hours").contains("of 5 people");
        assertThat(figure(shown, "People whose supporter acknowledged their request in time")).isEqualTo(HIDDEN);
        assertThat(figure(shown, "How requests were spread over supporters")).isEqualTo(HIDDEN);

        // a fifth and a sixth, one of them late: the rule set counts people, and says it near the ends in words
        offered(month, UUID.randomUUID(), true);
        offered(month, UUID.randomUUID(), false);
        WebSession fresh = coordinator("Cody Coordinator");
        assertThat(figure(figures(fresh, path), "People whose supporter acknowledged their request in time"))
            .isEqualTo("All but 2 or fewer of 6");
    }

    @Test
    void aMonthOnceShownIsNotChangedByACaseAddedToItLater() {
        WebSession page = coordinator("Cora Later");
        YearMonth month = Months.latestReleased(Instant.now()).minusMonths(21);
        String path = "/programme/support/health?month=" + month;
        cases(month, 10, 6);
        assertThat(figure(figures(page, path), "People someone reached out to within 24 hours"))
            .isEqualTo("6 of 10 (60.0%)");

        // an imported case lands in the released month: the set this coordinator saw has changed under them, and the
        // difference would be one person's answer
        cases(month, 1, 1);
        String after = figures(page, path);
        assertThat(figure(after, "People someone reached out to within 24 hours")).isEqualTo(HIDDEN);
        assertThat(after).doesNotContain("7 of 11");
        assertThat(figures(page, path)).isEqualTo(after);
        // someone who saw nothing of the month before is shown it whole
        assertThat(figure(figures(coordinator("Cody Later"), path), "People someone reached out to within 24 hours"))
            .isEqualTo("7 of 11 (63.6%)");
    }

    @Test
    void aCoordinatorIsGivenOneAnswerHereAndOnTheOrganisationsInsight() {
        WebSession page = coordinator("Cora Both");
        YearMonth month = Months.latestReleased(Instant.now()).minusMonths(22);
        cases(month, 12, 9);
        String insight = page.get("/programme/insight?month=" + month).body();
        assertThat(insight).contains("9 of 12 (75.0%)");
        assertThat(figure(figures(page, "/programme/support/health?month=" + month),
            "People someone reached out to within 24 hours")).isEqualTo("9 of 12 (75.0%)");
    }

    @Test
    void nothingInTheOpenMonthChangesWhatCoordinatorsSee() {
        WebSession page = coordinator("Cora Open");
        Instant now = Instant.now();
        YearMonth released = Months.latestReleased(now);
        YearMonth open = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        String before = figures(page, "/programme/support/health");
        assertThat(figures(page, "/programme/support/health?month=" + released)).isEqualTo(before);

        // this month: people are in incidents and reached, people ask and some wait
        cases(open, 6, 6);
        for (int i = 0; i < 6; i++) {
            UUID request = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO support_request (id, person_id, origin, status, share_incident, requested_at)
                    VALUES (?, ?, 'SELF', ?, FALSE, ?)""")
                .params(request, UUID.randomUUID(), i < 3 ? "UNASSIGNED" : "CLOSED", DbTime.toDb(now.minusSeconds(60)))
                .update();
            if (i < 3) {
                jdbc.sql("INSERT INTO support_notice (id, request_id, kind, created_at) VALUES (?, ?, 'NOBODY_ELIGIBLE', ?)")
                    .params(UUID.randomUUID(), request, DbTime.toDb(now.minusSeconds(30))).update();
            }
        }
        assertThat(figures(page, "/programme/support/health")).isEqualTo(before);

        // the open month itself, and anything not a month, cannot be asked for
        assertThat(page.get("/programme/support/health?month=" + open).statusCode()).isEqualTo(404);
        assertThat(page.get("/programme/support/health?month=" + open.plusMonths(1)).statusCode()).isEqualTo(404);
        assertThat(page.get("/programme/support/health?month=last-90-days").statusCode()).isEqualTo(404);
    }
}
