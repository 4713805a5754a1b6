package io.aftercare.insights.programme;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.shared.Months;
import io.aftercare.insights.teams.InsightFixtures;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * Programme health under /api/v1 on H2 and PostgreSQL: for coordinators and admins, the figures the page shows, as
 * the rule set released them, and no more.
 */
@AftercareIT
class ProgrammeHealthApiIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void coordinatorsGetThePagesFiguresAsTheRuleSetReleasedThem() {
        var cora = person(people, "Cora Api", null, Role.COORDINATOR);
        TestApi api = TestApi.at(port).basic(cora.email(), PASSWORD);
        // a released month no other test writes into
        YearMonth month = Months.latestReleased(Instant.now()).minusMonths(23);
        String path = "/api/v1/programme/support/health?month=" + month;
        InsightFixtures care = new InsightFixtures(jdbc);
        UUID checkout = team(jdbc, "Checkout", null);
        Instant working = InsightFixtures.workingHours(month);
        for (int i = 0; i < 8; i++) {
            care.caseOf(UUID.randomUUID(), checkout, "SEV1", working.plus(Duration.ofMinutes(i)),
                working.plus(Duration.ofHours(1)), new InsightFixtures.Answers(4, List.of("NONE"), 3, 3, 2,
                    i < 4 ? Duration.ofHours(2) : null));
        }
        var shown = api.get(path);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.<String>json("$.month")).isEqualTo(month.toString());
        assertThat(shown.<Integer>json("$.minPeople")).isEqualTo(5);
        assertThat(shown.<List<String>>json("$.figures[*].figure")).containsExactly("within24", "within72", "median",
            "ackInTime", "spread", "contactInTime", "unassigned");
        assertThat(shown.<List<String>>json("$.figures[?(@.figure == 'within24')].text"))
            .containsExactly("4 of 8 (50.0%)");
        assertThat(shown.<List<Boolean>>json("$.figures[?(@.figure == 'within24')].shown")).containsExactly(true);
        assertThat(shown.<List<String>>json("$.figures[?(@.figure == 'contactInTime')].text"))
            .containsExactly("Not enough answers to show without identifying anyone");
        assertThat(shown.<List<Boolean>>json("$.figures[?(@.figure == 'contactInTime')].shown"))
            .containsExactly(false);

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
        assertThat(api.get(path).body()).as("the same set, the same answer").isEqualTo(shown.body());
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
