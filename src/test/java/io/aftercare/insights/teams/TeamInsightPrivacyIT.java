package io.aftercare.insights.teams;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The privacy test of the team dashboard, on H2 and PostgreSQL: in a team of fewer than five people, what one person
 * answered, or whether they answered at all, changes nothing in what their lead can read or download.
 */
@AftercareIT
class TeamInsightPrivacyIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    /** Everything the lead can get: the page's content, the CSV byte for byte, the API's answer. */
    record WhatTheLeadSees(String page, byte[] csv, String api) {
    }

    WhatTheLeadSees read(WebSession lead, TestApi api, String path) {
        var page = lead.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        String section = body.substring(body.indexOf("<section class=\"insight\">"), body.indexOf("</section>"));
        var csv = lead.get(path.replace("/insight?", "/insight.csv?"));
        assertThat(csv.statusCode()).isEqualTo(200);
        var json = api.get("/api/v1" + path);
        assertThat(json.status()).isEqualTo(200);
        return new WhatTheLeadSees(section, csv.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), json.body());
    }

    @Test
    void belowFivePeopleOnePersonsAnswerOrSilenceChangesNothingTheLeadSees() {
        YearMonth month = ReleasedMonths.latest(Instant.now());
        var lead = person(people, "Quinn Lead", null, Role.LEAD);
        UUID quiet = team(jdbc, "Quiet", lead.id());
        InsightFixtures care = new InsightFixtures(jdbc);
        Instant started = InsightFixtures.workingHours(month);
        List<UUID> cases = new ArrayList<>();
        int[] stress = {5, 4, 2, 1};
        for (int i = 0; i < 4; i++) {
            cases.add(care.caseOf(UUID.randomUUID(), quiet, "SEV2", started.plus(Duration.ofMinutes(i)),
                started.plus(Duration.ofHours(2)), InsightFixtures.Answers.of(stress[i], "LOSS_OF_CONFIDENCE")));
        }
        WebSession session = WebSession.signedIn(port, lead.email(), PASSWORD);
        TestApi api = TestApi.at(port).basic(lead.email(), PASSWORD);
        String path = "/teams/" + quiet + "/insight?month=" + month;
        WhatTheLeadSees before = read(session, api, path);
        assertThat(before.page()).contains("Not enough answers to show without identifying anyone")
            .doesNotContain("%").doesNotContain(" of 4");
        assertThat(new String(before.csv(), java.nio.charset.StandardCharsets.UTF_8))
            .contains("care.stressed.severity,all,Everyone who answered,,,,,"
                + "Not enough answers to show without identifying anyone\r\n")
            .doesNotContain("%");

        // one person answered "not at all" instead of "very stressed"
        care.changeStress(cases.get(0), 1);
        WhatTheLeadSees changed = read(session, api, path);
        assertThat(changed.page()).isEqualTo(before.page());
        assertThat(changed.csv()).isEqualTo(before.csv());
        assertThat(changed.api()).isEqualTo(before.api());

        // one person did not answer at all
        care.removeAnswers(cases.get(1));
        WhatTheLeadSees silent = read(session, api, path);
        assertThat(silent.page()).isEqualTo(before.page());
        assertThat(silent.csv()).isEqualTo(before.csv());
        assertThat(silent.api()).isEqualTo(before.api());
    }
}
