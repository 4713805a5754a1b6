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
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * Programme health under /api/v1 on H2 and PostgreSQL: for coordinators and admins, the figures the page shows and
 * no more; below five people nothing one person did changes the answer.
 */
@AftercareIT
class ProgrammeHealthApiIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    UUID caseOf(Instant opened, Duration outreach) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO support_case (case_id, person_id, opened_at, incident_ids, first_outreach_at)
                VALUES (?, ?, ?, ?, ?)""")
            .params(id, UUID.randomUUID(), DbTime.toDb(opened), UUID.randomUUID().toString(),
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
    void coordinatorsGetThePagesFiguresInWordsAndNothingOnePersonDidBelowFivePeople() {
        var cora = person(people, "Cora Api", null, Role.COORDINATOR);
        TestApi api = TestApi.at(port).basic(cora.email(), PASSWORD);
        // a released month no other test writes into
        YearMonth month = Months.latestReleased(Instant.now()).minusMonths(6);
        String path = "/api/v1/programme/support/health?month=" + month;
        Instant mid = Months.start(month).plus(Duration.ofDays(14));
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(caseOf(mid.plus(Duration.ofHours(i)), i < 2 ? Duration.ofHours(3) : null));
        }
        var before = api.get(path);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.<String>json("$.month")).isEqualTo(month.toString());
        assertThat(before.<Integer>json("$.minPeople")).isEqualTo(5);
        assertThat(before.<List<Object>>json("$.figures")).as("too few people counted").isEmpty();

        reached(cases.get(2), Duration.ofHours(5));
        assertThat(api.get(path).body()).as("a third person reached").isEqualTo(before.body());
        caseOf(mid.plus(Duration.ofDays(2)), null);
        assertThat(api.get(path).body()).as("a seventh person, not reached").isEqualTo(before.body());

        reached(cases.get(3), Duration.ofHours(6));
        reached(cases.get(4), Duration.ofHours(20));
        var shown = api.get(path);
        assertThat(shown.<List<String>>json("$.figures[?(@.figure == 'within24')].band"))
            .containsExactly("MORE_THAN_HALF");
        assertThat(shown.<List<String>>json("$.figures[?(@.figure == 'within24')].text"))
            .containsExactly("More than half, up to three quarters");
        assertThat(shown.<Boolean>json("$.someHidden")).as("no supporter figures this month").isTrue();
        assertThat(shown.body()).doesNotContain("%").doesNotContain("5 of 7");

        // the page says the same, figure for figure
        WebSession page = WebSession.signedIn(port, cora.email(), PASSWORD);
        String html = page.get("/programme/support/health?month=" + month).body();
        for (String text : shown.<List<String>>json("$.figures[*].text")) {
            assertThat(html).contains(text);
        }
        for (String label : shown.<List<String>>json("$.figures[*].label")) {
            assertThat(html).contains(label);
        }
        assertThat(shown.<List<Object>>json("$.figures")).hasSize(html.split("<dt>", -1).length - 1);
    }

    @Test
    void onlyReleasedMonthsAndOnlyForCoordinatorsAndAdmins() {
        var cora = person(people, "Cora Months", null, Role.COORDINATOR);
        var ada = person(people, "Ada Admin", null, Role.ADMIN);
        var rex = person(people, "Rex Responder", null);
        var lee = person(people, "Lee Lead", null, Role.LEAD);
        TestApi api = TestApi.at(port).basic(cora.email(), PASSWORD);
        Instant now = Instant.now();
        YearMonth open = YearMonth.from(now.atOffset(ZoneOffset.UTC));

        var latest = api.get("/api/v1/programme/support/health");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.<String>json("$.month")).isEqualTo(Months.latestReleased(now).toString());
        assertThat(latest.<List<String>>json("$.months")).hasSize(12).startsWith(latest.<String>json("$.month"));
        assertThat(TestApi.at(port).basic(ada.email(), PASSWORD).get("/api/v1/programme/support/health").status())
            .isEqualTo(200);

        for (String month : List.of(open.toString(), open.plusMonths(1).toString(), "last-90-days", "1999-12")) {
            var refused = api.get("/api/v1/programme/support/health?month=" + month);
            assertThat(refused.status()).as(month).isEqualTo(404);
            assertThat(refused.header("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(TestApi.at(port).basic(rex.email(), PASSWORD).get("/api/v1/programme/support/health").status())
            .isEqualTo(403);
        assertThat(TestApi.at(port).basic(lee.email(), PASSWORD).get("/api/v1/programme/support/health").status())
            .isEqualTo(403);
        assertThat(TestApi.at(port).anonymous().get("/api/v1/programme/support/health").status()).isEqualTo(401);
    }
}
