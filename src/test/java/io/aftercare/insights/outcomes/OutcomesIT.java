package io.aftercare.insights.outcomes;

import static io.aftercare.peersupport.SupportFixtures.PASSWORD;
import static io.aftercare.peersupport.SupportFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.insights.teams.ReleasedMonths;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * "Does it help?" as a coordinator reads it, on H2 and PostgreSQL: the median change from day 1 to day 30 for people
 * who used a recovery tool and those who did not, with the size of each group and the caution that it is no trial.
 */
@AftercareIT
class OutcomesIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    /** A case whose day-1 and day-30 follow-ups were answered in {@code month}, all measures at the same value. */
    void followedUp(UUID person, Instant opened, int day1, int day30, boolean journal) {
        UUID caseId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO care_case (id, person_id, origin, stage, muted, opened_at, last_resolved_at)
                VALUES (?, ?, 'INCIDENT', 'CLOSED', FALSE, ?, ?)""")
            .params(caseId, person, DbTime.toDb(opened), DbTime.toDb(opened)).update();
        jdbc.sql("""
                INSERT INTO care_case_incident (case_id, person_id, incident_id, title, severity, role, started_at,
                                                resolved_at, reasons) VALUES (?, ?, ?, 'Slow search', 'SEV2', 'RESPONDER', ?, ?, 'SEVERITY')""")
            .params(caseId, person, UUID.randomUUID(), DbTime.toDb(opened), DbTime.toDb(opened)).update();
        answer(caseId, person, 1, day1, opened.plus(Duration.ofDays(1)));
        answer(caseId, person, 30, day30, opened.plus(Duration.ofDays(30)));
        if (journal) {
            jdbc.sql("""
                    INSERT INTO recovery_journal_entry (id, person_id, prompt_day, written_on, text_ciphertext,
                                                        created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), person, java.sql.Date.valueOf(opened.atZone(java.time.ZoneOffset.UTC)
                    .toLocalDate().plusDays(2)), new byte[] {1, 2, 3}, DbTime.toDb(opened.plus(Duration.ofDays(2))),
                    DbTime.toDb(opened.plus(Duration.ofDays(2)))).update();
        }
    }

    void answer(UUID caseId, UUID person, int day, int value, Instant at) {
        UUID step = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO care_step (id, case_id, person_id, kind, step_day, intended_at, due_at, status, answered_at)
                VALUES (?, ?, ?, 'FOLLOW_UP', ?, ?, ?, 'ANSWERED', ?)""")
            .params(step, caseId, person, day, DbTime.toDb(at), DbTime.toDb(at), DbTime.toDb(at)).update();
        jdbc.sql("""
                INSERT INTO care_follow_up_answer (step_id, person_id, rumination_1, rumination_2, rumination_3,
                    self_critic_1, self_critic_2, mistakes_1, mistakes_2, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(step, person, value, value, value, value, value, value, value, DbTime.toDb(at)).update();
    }

    @Test
    void aCoordinatorReadsTheMedianChangeWithAndWithoutARecoveryToolAndThatItIsNoTrial() {
        // a month no other test writes follow-ups in: these figures are the whole organisation's
        YearMonth month = ReleasedMonths.latest(Instant.now()).minusMonths(2);
        // day 30 falls on the 10th to the 19th of the month: opened 30 days before
        Instant day30 = ReleasedMonths.start(month).plus(Duration.ofDays(9)).plus(Duration.ofHours(12));
        for (int i = 0; i < 10; i++) {
            Instant opened = day30.plus(Duration.ofHours(i)).minus(Duration.ofDays(30));
            // with a journal: from 4 down to 2; without: from 4 down to 3 (two of them not at all)
            followedUp(person(people, "Tool User " + i, null).id(), opened, 4, 2, true);
            followedUp(person(people, "No Tool " + i, null).id(), opened, 4, i < 2 ? 4 : 3, false);
        }
        var cora = person(people, "Cora Outcomes", null, Role.COORDINATOR);
        WebSession coordinator = WebSession.signedIn(port, cora.email(), PASSWORD);
        var response = coordinator.get("/programme/insight/outcomes?month=" + month);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
            .contains("This is not a trial.")
            .contains("Going over it went down by 2.0 from day 1 to day 30 (the median, of 10 people).")
            .contains("Going over it went down by 1.0 from day 1 to day 30 (the median, of 10 people).");

        var api = TestApi.at(port).basic(cora.email(), PASSWORD).get("/api/v1/programme/insight/outcomes?month="
            + month);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.<Double>json("$.measures[0].groups[0].medianChange")).isEqualTo(-2.0);
        assertThat(api.<Integer>json("$.measures[0].groups[0].people")).isEqualTo(10);

        // not for a lead or anyone else
        var lead = person(people, "Lee Outcomes", null, Role.LEAD);
        assertThat(WebSession.signedIn(port, lead.email(), PASSWORD).get("/programme/insight/outcomes").statusCode())
            .isEqualTo(403);
    }
}
