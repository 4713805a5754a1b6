package io.aftercare.peersupport.health;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.shared.Months;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.WebSession;

/**
 * Programme health on H2 and PostgreSQL, as a coordinator sees it: below five people nothing anyone did or did not
 * do changes the page, and nothing in the open month changes it at all.
 */
@AftercareIT
class ProgrammeHealthIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    WebSession coordinator() {
        var cora = person(people, "Cora Coordinator", null, Role.COORDINATOR);
        return WebSession.signedIn(port, cora.email(), PASSWORD);
    }

    /** What the page says, without what differs on every response (tokens in the layout). */
    static String figures(WebSession session, String path) {
        var response = session.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        return body.substring(body.indexOf("<section class=\"support\">"), body.indexOf("</section>"));
    }

    /** A case about an incident, opened at {@code opened}; someone reached out after {@code outreach} (or not). */
    UUID caseOf(UUID person, Instant opened, Duration outreach) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO support_case (case_id, person_id, opened_at, incident_ids, first_outreach_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(id, person, DbTime.toDb(opened), UUID.randomUUID().toString(),
                outreach == null ? null : DbTime.toDb(opened.plus(outreach)))
            .update();
        return id;
    }

    void reached(UUID caseId, Duration after) {
        Instant opened = jdbc.sql("SELECT opened_at FROM support_case WHERE case_id = ?").param(caseId)
            .query((rs, n) -> DbTime.instant(rs, "opened_at")).single();
        jdbc.sql("UPDATE support_case SET first_outreach_at = ? WHERE case_id = ?")
            .params(DbTime.toDb(opened.plus(after)), caseId).update();
    }

    @Test
    void belowFivePeopleThePageIsTheSameWhetherOnePersonWasReachedOrWasThereAtAll() {
        WebSession page = coordinator();
        YearMonth month = Months.latestReleased(Instant.now());
        String path = "/programme/support/health?month=" + month;
        Instant mid = Months.start(month).plus(Duration.ofDays(14));
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(caseOf(UUID.randomUUID(), mid.plus(Duration.ofHours(i)), i < 2 ? Duration.ofHours(3) : null));
        }
        String before = figures(page, path);
        assertThat(before).contains("Not enough answers to show without identifying anyone")
            .doesNotContain("%");

        // a third person is reached within a day: still fewer than five counted
        reached(cases.get(2), Duration.ofHours(5));
        assertThat(figures(page, path)).isEqualTo(before);
        // a seventh person was in an incident that month too, and nobody reached out
        UUID seventh = caseOf(UUID.randomUUID(), mid.plus(Duration.ofDays(2)), null);
        assertThat(figures(page, path)).isEqualTo(before);

        // five of seven reached within a day: now it can be said, in words
        reached(cases.get(3), Duration.ofHours(6));
        reached(cases.get(4), Duration.ofHours(20));
        String shown = figures(page, path);
        assertThat(shown).contains("More than half, up to three quarters").contains("Within a day")
            .doesNotContain("%").doesNotContain("5 of 7");
        assertThat(seventh).isNotNull();
    }

    @Test
    void nothingInTheOpenMonthChangesWhatCoordinatorsSee() {
        WebSession page = coordinator();
        Instant now = Instant.now();
        YearMonth released = Months.latestReleased(now);
        YearMonth open = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        String before = figures(page, "/programme/support/health");
        assertThat(figures(page, "/programme/support/health?month=" + released)).isEqualTo(before);

        // this month: a case moves from one day to the next, people are reached, people ask and some wait
        Instant day1 = Months.start(open).plus(Duration.ofHours(12));
        UUID moving = caseOf(UUID.randomUUID(), day1, null);
        for (int i = 0; i < 6; i++) {
            caseOf(UUID.randomUUID(), day1.plus(Duration.ofMinutes(i)), Duration.ofHours(2));
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
        jdbc.sql("UPDATE support_case SET opened_at = ?, first_outreach_at = ? WHERE case_id = ?")
            .params(DbTime.toDb(day1.plus(Duration.ofDays(1))), DbTime.toDb(day1.plus(Duration.ofDays(1).plusHours(1))),
                moving).update();
        assertThat(figures(page, "/programme/support/health")).isEqualTo(before);

        // the open month itself, and anything not a month, cannot be asked for
        assertThat(page.get("/programme/support/health?month=" + open).statusCode()).isEqualTo(404);
        assertThat(page.get("/programme/support/health?month=" + open.plusMonths(1)).statusCode()).isEqualTo(404);
        assertThat(page.get("/programme/support/health?month=last-90-days").statusCode()).isEqualTo(404);
    }

    @Test
    void tooLittleDataIsSaidOnceAndTheFiguresItHidesAreLeftOut() {
        WebSession page = coordinator();
        // a released month no other test writes into
        YearMonth month = Months.latestReleased(Instant.now()).minusMonths(10);
        String path = "/programme/support/health?month=" + month;
        String empty = figures(page, path);
        assertThat(empty.split("Not enough answers to show without identifying anyone", -1)).hasSize(2);
        assertThat(empty).contains("so no figure is shown")
            .doesNotContain("People someone reached out to within 24 hours")
            .doesNotContain("Typical time to a first outreach");

        // six people in incidents, five reached within a day: the outreach figures can be said, the rest cannot
        Instant mid = Months.start(month).plus(Duration.ofDays(10));
        for (int i = 0; i < 6; i++) {
            caseOf(UUID.randomUUID(), mid.plus(Duration.ofHours(i)), i < 5 ? Duration.ofHours(2) : null);
        }
        String some = figures(page, path);
        assertThat(some).contains("People someone reached out to within 24 hours")
            .contains("More than three quarters")
            .doesNotContain("so no figure is shown")
            .doesNotContain("People whose supporter acknowledged their request in time");
        assertThat(some.split("Not enough answers to show without identifying anyone", -1)).hasSize(2);
        assertThat(some).contains("for the other figures, so they are left out");
    }
}
