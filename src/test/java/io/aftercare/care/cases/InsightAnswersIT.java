package io.aftercare.care.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.care.CareAnswersForInsight;
import io.aftercare.care.CareAnswersForInsight.CaseAnswers;
import io.aftercare.care.CareAnswersForInsight.FollowUp;
import io.aftercare.care.CareAnswersForInsight.Hours;
import io.aftercare.care.CareAnswersForInsight.Measure;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.Months;
import io.aftercare.support.AftercareIT;

/**
 * What care hands the insights module for a month, case by case, on H2 and PostgreSQL: each case's first incident
 * (its severity, and the hours in the person's own time zone), a team's cases being those opened in it, only what was
 * answered in time, follow-ups as the mean of the items answered, and opting out then and now. Every team figure and
 * the organisation's are worked out from exactly this, so any change in how it is read must leave it the same.
 */
@AftercareIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightAnswersIT {

    @Autowired
    CareAnswersForInsight care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    People people;

    /** Three years back: no other test's cases are in it. */
    final YearMonth month = Months.latestReleased(Instant.now()).minusMonths(36);
    final Instant from = Months.start(month);
    final Instant to = Months.end(month);
    final Instant released = Months.releasedAt(month);
    final UUID payments = UUID.randomUUID();
    final UUID search = UUID.randomUUID();

    UUID ada;
    UUID ben = UUID.randomUUID();
    UUID cal = UUID.randomUUID();
    UUID dee = UUID.randomUUID();
    UUID eve = UUID.randomUUID();
    UUID fay = UUID.randomUUID();
    UUID gus = UUID.randomUUID();
    UUID hal = UUID.randomUUID();

    UUID adaCase;
    UUID benCase;
    UUID calCase;
    UUID eveCase;
    UUID fayCase;
    UUID halCase;
    /** 10:00 UTC on the month's second Tuesday or later: working hours in UTC, 05:00 or 06:00 in New York. */
    Instant tuesday;

    @BeforeAll
    void aMonthOfCases() {
        ada = people.create(NewPerson.of("Ada Answers", "ada-" + UUID.randomUUID() + "@care.test", "America/New_York",
            Set.of(Role.RESPONDER), "care-password-123"), null).id();
        tuesday = from.plus(Duration.ofDays(9)).plus(Duration.ofHours(10));
        while (tuesday.atZone(java.time.ZoneOffset.UTC).getDayOfWeek() != java.time.DayOfWeek.TUESDAY) {
            tuesday = tuesday.plus(Duration.ofDays(1));
        }
        Instant opened = tuesday.plus(Duration.ofHours(3));

        // Ada, in Payments and Search: a SEV3 at 10:00 UTC (sleep hours in New York), then a SEV1 in the same case
        adaCase = caseOf(ada, "INCIDENT", opened, payments, search);
        incident(adaCase, ada, "SEV3", tuesday);
        incident(adaCase, ada, "SEV1", tuesday.plus(Duration.ofHours(1)));
        checkIn(adaCase, ada, 4, "SLEEPING_DIFFICULTIES,LOSS_OF_CONFIDENCE", opened.plus(Duration.ofHours(2)));
        // day 1 with items left out, day 7 after the month's release, day 30 the month after
        followUp(adaCase, ada, 1, opened.plus(Duration.ofDays(1)), 4, null, 5, 2, 3, null, null);
        followUp(adaCase, ada, 7, released.plus(Duration.ofHours(1)), 3, 3, 3, 3, 3, 3, 3);
        followUp(adaCase, ada, 30, to.plus(Duration.ofDays(3)), 2, 2, 3, 1, 1, 5, 4);

        // Ben, in Payments: never answered, and had opted out (with no time kept) by the release
        benCase = caseOf(ben, "INCIDENT", opened.plus(Duration.ofMinutes(1)), payments);
        incident(benCase, ben, "SEV2", tuesday.plus(Duration.ofHours(9)));
        optOut(ben, null);

        // Cal, in Payments: answered after the release, opted out after it too
        calCase = caseOf(cal, "INCIDENT", opened.plus(Duration.ofMinutes(2)), payments);
        incident(calCase, cal, "SEV2", tuesday.minus(Duration.ofDays(2)).plus(Duration.ofHours(5)));
        checkIn(calCase, cal, 5, "NONE", released.plus(Duration.ofMinutes(5)));
        optOut(cal, released.plus(Duration.ofDays(1)));

        // Dee: a case with no incident in it; Gus: a case he opened himself. Neither counts.
        caseOf(dee, "INCIDENT", opened.plus(Duration.ofMinutes(3)), payments);
        UUID own = caseOf(gus, "SELF", opened.plus(Duration.ofMinutes(4)), payments);
        checkIn(own, gus, 5, "NONE", opened.plus(Duration.ofHours(1)));

        // Eve, in Search only, opted out within the month
        eveCase = caseOf(eve, "INCIDENT", opened.plus(Duration.ofMinutes(5)), search);
        incident(eveCase, eve, "SEV4", tuesday.plus(Duration.ofDays(4)).plus(Duration.ofHours(13)));
        checkIn(eveCase, eve, 2, "NONE", opened.plus(Duration.ofHours(1)));
        optOut(eve, opened.plus(Duration.ofDays(2)));

        // Fay, in Payments: opened the month before, her day-30 follow-up answered in this month
        fayCase = caseOf(fay, "INCIDENT", from.minus(Duration.ofDays(20)), payments);
        incident(fayCase, fay, "SEV2", from.minus(Duration.ofDays(20)).minus(Duration.ofHours(2)));
        checkIn(fayCase, fay, 3, "ANXIETY_ABOUT_NEXT_INCIDENT", from.minus(Duration.ofDays(19)));
        followUp(fayCase, fay, 1, from.minus(Duration.ofDays(19)), 5, 5, 5, 5, 5, 5, 5);
        followUp(fayCase, fay, 30, from.plus(Duration.ofDays(10)), 1, 2, 2, 1, 2, 2, 2);

        // Hal, in Payments: opened the month after, followed up nothing yet
        halCase = caseOf(hal, "INCIDENT", to.plus(Duration.ofDays(1)), payments);
        incident(halCase, hal, "SEV1", to.plus(Duration.ofHours(20)));
    }

    @Test
    void casesOpenedInTheMonthWithWhatWasAnsweredByItsRelease() {
        CaseAnswers adaSeen = new CaseAnswers(adaCase, ada, "SEV3", Hours.SLEEP,
            tuesday.plus(Duration.ofHours(3)), 4, Set.of("SLEEPING_DIFFICULTIES", "LOSS_OF_CONFIDENCE"),
            List.of(new FollowUp(1, tuesday.plus(Duration.ofHours(3)).plus(Duration.ofDays(1)),
                    Map.of(Measure.RUMINATION, 4.5, Measure.SELF_CRITICISM, 2.5)),
                // answered after the month, before its release: in; day 7, after the release: out
                new FollowUp(30, to.plus(Duration.ofDays(3)),
                    Map.of(Measure.RUMINATION, 2.3, Measure.SELF_CRITICISM, 1.0, Measure.CONCERN_OVER_MISTAKES, 4.5))),
            false, false);
        CaseAnswers benSeen = new CaseAnswers(benCase, ben, "SEV2", Hours.OFF_HOURS,
            tuesday.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(1)), null, Set.of(), List.of(), true, true);
        // Ben's at 19:00 UTC on a Tuesday, Cal's at 15:00 UTC on a Sunday: off hours; Eve's at 23:00 UTC: sleep hours
        CaseAnswers calSeen = new CaseAnswers(calCase, cal, "SEV2", Hours.OFF_HOURS,
            tuesday.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(2)), null, Set.of(), List.of(), true, false);
        CaseAnswers eveSeen = new CaseAnswers(eveCase, eve, "SEV4", Hours.SLEEP,
            tuesday.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(5)), 2, Set.of("NONE"), List.of(), true, true);

        assertThat(care.casesOpened(from, to, released, payments)).containsExactly(adaSeen, benSeen, calSeen);
        assertThat(care.casesOpened(from, to, released, search)).containsExactly(adaSeen, eveSeen);
        assertThat(care.casesOpened(from, to, released)).filteredOn(c -> ours(c.personId()))
            .containsExactly(adaSeen, benSeen, calSeen, eveSeen);
        assertThat(care.casesOpened(from, to, released, UUID.randomUUID())).isEmpty();
    }

    @Test
    void casesFollowedUpInTheMonthWithWhatWasAnsweredByItsEnd() {
        Instant opened = tuesday.plus(Duration.ofHours(3));
        CaseAnswers adaSeen = new CaseAnswers(adaCase, ada, "SEV3", Hours.SLEEP, opened, 4,
            Set.of("SLEEPING_DIFFICULTIES", "LOSS_OF_CONFIDENCE"),
            List.of(new FollowUp(1, opened.plus(Duration.ofDays(1)),
                Map.of(Measure.RUMINATION, 4.5, Measure.SELF_CRITICISM, 2.5))), false, false);
        Instant fayOpened = from.minus(Duration.ofDays(20));
        CaseAnswers faySeen = new CaseAnswers(fayCase, fay, "SEV2",
            InsightAnswers.hours(fayOpened.minus(Duration.ofHours(2)), java.time.ZoneOffset.UTC), fayOpened, 3,
            Set.of("ANXIETY_ABOUT_NEXT_INCIDENT"),
            List.of(new FollowUp(1, from.minus(Duration.ofDays(19)),
                    Map.of(Measure.RUMINATION, 5.0, Measure.SELF_CRITICISM, 5.0, Measure.CONCERN_OVER_MISTAKES, 5.0)),
                new FollowUp(30, from.plus(Duration.ofDays(10)),
                    Map.of(Measure.RUMINATION, 1.7, Measure.SELF_CRITICISM, 1.5, Measure.CONCERN_OVER_MISTAKES, 2.0))),
            false, false);

        assertThat(care.casesFollowedUp(from, to, payments)).containsExactly(faySeen, adaSeen);
        assertThat(care.casesFollowedUp(from, to, search)).containsExactly(adaSeen);
        assertThat(care.casesFollowedUp(from, to)).filteredOn(c -> ours(c.personId()))
            .containsExactly(faySeen, adaSeen);
    }

    @Test
    void aReportsMonthIsBothListsAsTheyAreReadApartWithWhatItCounts() {
        for (UUID team : new UUID[] {payments, search, UUID.randomUUID()}) {
            CareAnswersForInsight.Month read = care.month(from, to, released, team);
            assertThat(read.opened()).isEqualTo(withoutFollowUps(care.casesOpened(from, to, released, team)));
            assertThat(read.followedUp()).isEqualTo(inTheMonth(care.casesFollowedUp(from, to, team)));
        }
        CareAnswersForInsight.Month everyone = care.month(from, to, released, null);
        assertThat(everyone.opened()).isEqualTo(withoutFollowUps(care.casesOpened(from, to, released)));
        assertThat(everyone.followedUp()).isEqualTo(inTheMonth(care.casesFollowedUp(from, to)));
        // Ada answered day 1 in the month, day 7 after its release and day 30 after its end: day 1 is counted;
        // Fay opened the month before and answered day 30 in it; Dee's case has no incident and does not count
        assertThat(everyone.followedUp()).filteredOn(c -> ours(c.personId()))
            .extracting(CareAnswersForInsight.FollowedUp::caseId).containsExactly(fayCase, adaCase);
        assertThat(everyone.followedUp()).filteredOn(c -> c.personId().equals(ada))
            .flatMap(CareAnswersForInsight.FollowedUp::followUps).extracting(FollowUp::day).containsExactly(1);
        assertThat(everyone.followedUp()).filteredOn(c -> c.personId().equals(fay))
            .flatMap(CareAnswersForInsight.FollowedUp::followUps).extracting(FollowUp::day).containsExactly(30);
    }

    private static List<CaseAnswers> withoutFollowUps(List<CaseAnswers> cases) {
        return cases.stream().map(c -> new CaseAnswers(c.caseId(), c.personId(), c.severity(), c.hours(),
            c.openedAt(), c.stress(), c.effects(), List.of(), c.optedOut(), c.optedOutInTime())).toList();
    }

    private List<CareAnswersForInsight.FollowedUp> inTheMonth(List<CaseAnswers> cases) {
        return cases.stream().map(c -> new CareAnswersForInsight.FollowedUp(c.caseId(), c.personId(), c.openedAt(),
            c.followUps().stream().filter(f -> !f.answeredAt().isBefore(from) && f.answeredAt().isBefore(to))
                .toList(), c.optedOut())).toList();
    }

    @Test
    void casesOpenedAtOneInstantComeInTheOrderTheDatabaseGivesTheirIds() {
        // one person's cases opened at the same instant: the first of them is the one a report counts, so the read,
        // sorted in Java, must put them as the database sorts a uuid (by its bytes, unsigned), sign bits either way
        UUID team = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        Instant at = tuesday.plus(Duration.ofDays(5));
        long high = UUID.randomUUID().getMostSignificantBits();
        long low = UUID.randomUUID().getLeastSignificantBits();
        long positive = high & Long.MAX_VALUE;
        List<UUID> ids = List.of(new UUID(high | Long.MIN_VALUE, low), new UUID(positive, low | Long.MIN_VALUE),
            new UUID(positive, low & Long.MAX_VALUE));
        for (UUID id : ids) {
            caseWithId(id, person, at, team);
            incident(id, person, "SEV3", at.minus(Duration.ofHours(1)));
        }
        List<UUID> databaseOrder = jdbc.sql("SELECT id FROM care_case WHERE person_id = ? ORDER BY opened_at, id")
            .params(person).query(UUID.class).list();
        assertThat(databaseOrder).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(care.casesOpened(from, to, released, team)).extracting(CaseAnswers::caseId)
            .containsExactlyElementsOf(databaseOrder);
        assertThat(care.month(from, to, released, null).opened()).extracting(CaseAnswers::caseId)
            .filteredOn(ids::contains).containsExactlyElementsOf(databaseOrder);
    }

    /** The organisation's month may hold other tests' cases too. */
    private boolean ours(UUID person) {
        return List.of(ada, ben, cal, dee, eve, fay, gus, hal).contains(person);
    }

    private UUID caseOf(UUID person, String origin, Instant opened, UUID... teams) {
        return caseWithId(UUID.randomUUID(), person, origin, opened, teams);
    }

    private UUID caseWithId(UUID id, UUID person, Instant opened, UUID team) {
        return caseWithId(id, person, "INCIDENT", opened, team);
    }

    private UUID caseWithId(UUID id, UUID person, String origin, Instant opened, UUID... teams) {
        jdbc.sql("""
                INSERT INTO care_case (id, person_id, origin, stage, muted, opened_at, last_resolved_at)
                VALUES (?, ?, ?, 'OPENED', FALSE, ?, ?)""")
            .params(id, person, origin, DbTime.toDb(opened), DbTime.toDb(opened)).update();
        for (UUID team : teams) {
            jdbc.sql("INSERT INTO care_case_team (case_id, team_id) VALUES (?, ?)").params(id, team).update();
        }
        return id;
    }

    private void incident(UUID caseId, UUID person, String severity, Instant started) {
        jdbc.sql("""
                INSERT INTO care_case_incident (case_id, person_id, incident_id, title, severity, role, started_at,
                                                resolved_at, reasons)
                VALUES (?, ?, ?, 'Checkout errors', ?, 'RESPONDER', ?, ?, 'SEVERITY')""")
            .params(caseId, person, UUID.randomUUID(), severity, DbTime.toDb(started),
                DbTime.toDb(started.plus(Duration.ofHours(1)))).update();
    }

    private void checkIn(UUID caseId, UUID person, int stress, String effects, Instant answered) {
        UUID step = step(caseId, person, "CHECK_IN", 0, answered);
        jdbc.sql("""
                INSERT INTO care_check_in_answer (step_id, person_id, stress, effects, outreach, answered_at)
                VALUES (?, ?, ?, ?, 'NOBODY', ?)""")
            .params(step, person, stress, effects, DbTime.toDb(answered)).update();
    }

    private void followUp(UUID caseId, UUID person, int day, Instant answered, Integer r1, Integer r2, Integer r3,
                          Integer s1, Integer s2, Integer m1, Integer m2) {
        UUID step = step(caseId, person, "FOLLOW_UP", day, answered);
        jdbc.sql("""
                INSERT INTO care_follow_up_answer (step_id, person_id, rumination_1, rumination_2, rumination_3,
                    self_critic_1, self_critic_2, mistakes_1, mistakes_2, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(step, person, r1, r2, r3, s1, s2, m1, m2, DbTime.toDb(answered)).update();
    }

    private UUID step(UUID caseId, UUID person, String kind, int day, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO care_step (id, case_id, person_id, kind, step_day, intended_at, due_at, status, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'ANSWERED', ?)""")
            .params(id, caseId, person, kind, day, DbTime.toDb(at), DbTime.toDb(at), DbTime.toDb(at)).update();
        return id;
    }

    private void optOut(UUID person, Instant at) {
        jdbc.sql("INSERT INTO care_person (person_id, opted_out, opted_out_at) VALUES (?, TRUE, ?)")
            .params(person, at == null ? null : DbTime.toDb(at)).update();
    }
}
