package io.aftercare.insights.teams;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The team dashboard as a lead reads it, on H2 and PostgreSQL: a generated organisation of two teams, one month of
 * cases, the sentences the team's lead reads, and nothing at all for a member or another team's lead.
 */
@AftercareIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamInsightIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    YearMonth month;
    String monthLabel;
    SupportFixtures.Person lena;
    SupportFixtures.Person max;
    SupportFixtures.Person sam;
    SupportFixtures.Person cora;
    UUID payments;
    UUID search;

    @BeforeAll
    void generateAnOrganisation() {
        month = ReleasedMonths.latest(Instant.now());
        monthLabel = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).format(month);
        lena = person(people, "Lena Lead", null, Role.LEAD);
        max = person(people, "Max Member", null);
        sam = person(people, "Sam Search", null, Role.LEAD);
        cora = person(people, "Cora Coordinator", null, Role.COORDINATOR);
        List<UUID> paymentsPeople = InsightFixtures.ids(20);
        List<UUID> searchPeople = InsightFixtures.ids(8);
        List<UUID> members = new ArrayList<>(List.of(max.id()));
        payments = team(jdbc, "Payments", lena.id(), members.toArray(UUID[]::new));
        search = team(jdbc, "Search", sam.id());

        InsightFixtures care = new InsightFixtures(jdbc);
        Instant working = InsightFixtures.workingHours(month);
        Instant night = working.plus(Duration.ofHours(13)); // 23:00 UTC
        // Payments: ten after SEV1 incidents in the night (6 stressed), ten after SEV2 in working hours (5 stressed)
        int[] sev1 = {4, 5, 4, 4, 5, 4, 2, 1, 3, 2};
        int[] sev2 = {4, 4, 5, 4, 4, 3, 3, 2, 1, 2};
        for (int i = 0; i < 20; i++) {
            boolean first = i < 10;
            int stress = first ? sev1[i] : sev2[i - 10];
            Duration outreach = i % 4 == 0 || i % 4 == 1 ? Duration.ofHours(5)
                : i % 4 == 2 ? Duration.ofHours(48) : null;
            var answers = new InsightFixtures.Answers(stress,
                i < 8 ? List.of("SLEEPING_DIFFICULTIES") : List.of("NONE"), 3, 3, 2, outreach);
            Instant started = (first ? night : working).plus(Duration.ofMinutes(i));
            care.caseOf(paymentsPeople.get(i), payments, first ? "SEV1" : "SEV2", started,
                started.plus(Duration.ofHours(2)), answers);
        }
        for (int i = 0; i < 8; i++) {
            care.caseOf(searchPeople.get(i), search, "SEV2", working.plus(Duration.ofMinutes(i)),
                working.plus(Duration.ofHours(2)), InsightFixtures.Answers.of(4, "LOSS_OF_CONFIDENCE"));
        }
    }

    String page(WebSession session, String path) {
        var response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        String body = response.body();
        return body.substring(body.indexOf("<section class=\"insight\">"), body.indexOf("</section>"));
    }

    @Test
    void theLeadReadsTheirTeamsMonthInPlainSentences() {
        WebSession lead = WebSession.signedIn(port, lena.email(), PASSWORD);
        String shown = page(lead, "/teams/" + payments + "/insight?month=" + month);

        assertThat(shown)
            .contains("After SEV1 incidents, 6 of 10 (60.0%) felt stressed or very stressed.")
            .contains("After SEV2 incidents, 5 of 10 (50.0%) felt stressed or very stressed.")
            // never the whole beside its parts, and one breakdown of the same people only (decision 0038)
            .contains("Shown by severity below.")
            .doesNotContain("11 of 20")
            .contains("Not shown beside the breakdown by severity, so that one cannot be subtracted from the other.")
            .doesNotContain("sleep hours, 6 of 10")
            .contains("8 of 20 (40.0%) noticed sleeping difficulties afterwards.")
            .contains("10 of 20 (50.0%) heard from someone within 24 hours of their case opening.")
            .contains("15 of 20 (75.0%) heard from someone within 72 hours of their case opening.")
            .contains("Half of the people someone reached out to heard from them within 5.0 hours (the median, of 15 people).")
            // at the edges no count is given
            .contains("2 or fewer of 20 noticed loss of confidence afterwards.")
            // nobody was in a SEV3 incident, so there is no such row
            .doesNotContain("SEV3")
            // the other team's people are not in it
            .doesNotContain("of 28")
            .doesNotContain("Search");

        // the CSV holds the same figures and sentences
        var csv = lead.get("/teams/" + payments + "/insight.csv?month=" + month);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body())
            .startsWith("figure,group,label,count,of,percent,median,text\r\n")
            .contains("care.stressed.severity,SEV1,After SEV1 incidents,6,10,60.0,,"
                + "\"After SEV1 incidents, 6 of 10 (60.0%) felt stressed or very stressed.\"\r\n")
            .contains("care.effects.LOSS_OF_CONFIDENCE,all,Loss of confidence,,20,,,"
                + "2 or fewer of 20 noticed loss of confidence afterwards.\r\n");

        // and the API the same again
        var api = TestApi.at(port).basic(lena.email(), PASSWORD).get("/api/v1/teams/" + payments + "/insight?month="
            + month);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.<String>json("$.sections[0].figures[1].text"))
            .isEqualTo("After SEV1 incidents, 6 of 10 (60.0%) felt stressed or very stressed.");
        assertThat(api.<Integer>json("$.sections[0].figures[1].count")).isEqualTo(6);
    }

    @Test
    void aMemberAndAnotherTeamsLeadAreToldThereIsNoSuchPage() {
        for (SupportFixtures.Person someone : List.of(max, sam)) {
            WebSession session = WebSession.signedIn(port, someone.email(), PASSWORD);
            assertThat(session.get("/teams/" + payments + "/insight").statusCode()).isEqualTo(404);
            assertThat(session.get("/teams/" + payments + "/insight.csv").statusCode()).isEqualTo(404);
            assertThat(session.get("/programme/insight").statusCode()).isEqualTo(403);
            assertThat(TestApi.at(port).basic(someone.email(), PASSWORD).get("/api/v1/teams/" + payments + "/insight")
                .status()).isEqualTo(404);
            // and the team's own page offers no link to it
            assertThat(session.get("/teams/" + payments).body()).doesNotContain("/insight");
        }
        // its lead sees the link on the team's page, a coordinator sees every team's month and the organisation's
        assertThat(WebSession.signedIn(port, lena.email(), PASSWORD).get("/teams/" + payments).body())
            .contains("/teams/" + payments + "/insight");
        WebSession coordinator = WebSession.signedIn(port, cora.email(), PASSWORD);
        assertThat(page(coordinator, "/teams/" + payments + "/insight?month=" + month))
            .contains("After SEV1 incidents, 6 of 10 (60.0%) felt stressed or very stressed.");
        assertThat(page(coordinator, "/programme/insight?month=" + month))
            .contains("How everyone is doing after incidents")
            .contains("/teams/" + search + "/insight");
    }

    @Test
    void onlyReleasedMonthsCanBeAskedFor() {
        WebSession lead = WebSession.signedIn(port, lena.email(), PASSWORD);
        YearMonth open = YearMonth.now(java.time.ZoneOffset.UTC);
        assertThat(lead.get("/teams/" + payments + "/insight?month=" + open).statusCode()).isEqualTo(404);
        assertThat(lead.get("/teams/" + payments + "/insight?month=last-90-days").statusCode()).isEqualTo(404);
        assertThat(page(lead, "/teams/" + payments + "/insight")).isEqualTo(page(lead, "/teams/" + payments
            + "/insight?month=" + month));
    }
}
