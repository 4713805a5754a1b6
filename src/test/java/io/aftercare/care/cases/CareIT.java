package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.PASSWORD;
import static io.aftercare.care.cases.CareFixtures.makeDue;
import static io.aftercare.care.cases.CareFixtures.person;
import static io.aftercare.care.cases.CareFixtures.sev2;
import static io.aftercare.care.cases.CareFixtures.stepStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.care.cases.CareFixtures.Person;
import io.aftercare.directory.People;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * The care path on a real database (H2 and PostgreSQL): an incident resolves, cases open by the rules, the
 * check-in falls due through db-scheduler, the person answers it through the API, follow-ups follow and the last
 * one closes the case; 24-hour merging; opting out.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class CareIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    CareService service;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
    }

    TestApi as(Person p) {
        return api.basic(p.email(), PASSWORD);
    }

    List<Map<String, Object>> pending(Person p) {
        return as(p).get("/api/v1/me/check-ins").json("$[?(@.status == 'PENDING')]");
    }

    @Test
    void resolvedIncidentOpensACaseWhoseCheckInFallsDueAndIsAnsweredThenFollowedUpUntilItCloses() {
        Person robin = person(people, "Robin");
        // by day in Robin's time zone, so that only the severity rule matches whenever this runs
        ResolvedIncident incident = sev2("Checkout errors",
            CareFixtures.lastAfternoonInBerlin().plus(Duration.ofMinutes(40)), robin.id());

        List<UUID> cases = care.incidentResolved(incident);
        assertThat(cases).hasSize(1);
        var myCases = as(robin).get("/api/v1/me/cases");
        assertThat(myCases.<String>json("$[0].stage")).isEqualTo("OPENED");
        assertThat(myCases.<List<String>>json("$[0].incidents[0].reasons")).containsExactly("SEVERITY");

        await().atMost(Duration.ofSeconds(20)).until(() -> pending(robin).size() == 1);
        var checkIns = as(robin).get("/api/v1/me/check-ins");
        String checkInId = checkIns.json("$[0].id");
        assertThat(checkIns.<String>json("$[0].kind")).isEqualTo("CHECK_IN");
        assertThat(checkIns.<String>json("$[0].incidents[0].title")).isEqualTo("Checkout errors");

        var invalid = as(robin).post("/api/v1/me/check-ins/" + checkInId,
            Map.of("stress", 9, "effects", List.of("NONE", "LOSS_OF_CONFIDENCE"), "outreach", "EVERYONE"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.<List<String>>json("$.errors[*].field")).contains("stress", "effects", "outreach");
        assertThat(stepStatus(jdbc, UUID.fromString(checkInId))).as("nothing half-written").isEqualTo("PENDING");

        var answered = as(robin).post("/api/v1/me/check-ins/" + checkInId, Map.of("stress", 4,
            "effects", List.of("SLEEPING_DIFFICULTIES", "ANXIETY_ABOUT_NEXT_INCIDENT"), "outreach", "TEAMMATE",
            "note", "I keep replaying the rollback."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.<String>json("$.status")).isEqualTo("ANSWERED");
        assertThat(answered.<Integer>json("$.checkIn.stress")).isEqualTo(4);
        assertThat(answered.<String>json("$.checkIn.note")).isEqualTo("I keep replaying the rollback.");
        assertThat(as(robin).post("/api/v1/me/check-ins/" + checkInId, Map.of("response", "FINE")).status())
            .as("answered once").isEqualTo(409);
        assertThat(as(robin).get("/api/v1/me/cases").<String>json("$[0].stage")).isEqualTo("CHECKED_IN");

        UUID day1 = makeDue(jdbc, scheduler, robin.id(), "FOLLOW_UP", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> stepStatus(jdbc, day1).equals("PENDING"));
        assertThat(as(robin).get("/api/v1/me/cases").<String>json("$[0].stage")).isEqualTo("FOLLOWING_UP");
        var followUp = as(robin).post("/api/v1/me/check-ins/" + day1, Map.of("items",
            Map.of("rumination1", 4, "rumination2", 4, "rumination3", 3, "selfCriticism1", 3), "note", "Better today."));
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(200);
        assertThat(followUp.<Integer>json("$.followUp.items.rumination1")).isEqualTo(4);
        assertThat(as(robin).post("/api/v1/me/check-ins/" + day1, Map.of("items", Map.of("rumination1", 2))).status())
            .isEqualTo(409);

        UUID day7 = makeDue(jdbc, scheduler, robin.id(), "FOLLOW_UP", 7);
        await().atMost(Duration.ofSeconds(20)).until(() -> stepStatus(jdbc, day7).equals("PENDING"));
        assertThat(as(robin).post("/api/v1/me/check-ins/" + day7, Map.of("response", "NOT_NOW")).status())
            .isEqualTo(200);
        UUID day30 = makeDue(jdbc, scheduler, robin.id(), "FOLLOW_UP", 30);
        await().atMost(Duration.ofSeconds(20)).until(() -> stepStatus(jdbc, day30).equals("PENDING"));
        var bad = as(robin).post("/api/v1/me/check-ins/" + day30, Map.of("items", Map.of("rumination1", 0)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(as(robin).post("/api/v1/me/check-ins/" + day30, Map.of("items",
            Map.of("rumination1", 2, "rumination2", 1, "rumination3", 1))).status()).isEqualTo(200);

        var closed = as(robin).get("/api/v1/me/cases");
        assertThat(closed.<String>json("$[0].stage")).as("closed after the last follow-up").isEqualTo("CLOSED");
        assertThat(closed.<String>json("$[0].closedReason")).isEqualTo("COMPLETED");
        assertThat(pending(robin)).isEmpty();
    }

    @Test
    void onlyThePeopleTheRulesPickGetACase() {
        Person commander = person(people, "Casey");
        Person helper = person(people, "Hao");
        // a short SEV4 in the afternoon, over by now: only the commander rule matches
        Instant start = CareFixtures.lastAfternoonInBerlin();
        var minor = new ResolvedIncident(UUID.randomUUID(), "Slow search", "SEV4", start, null,
            start.plus(Duration.ofMinutes(20)), List.of(
                new ResolvedIncident.Responder(commander.id(), "COMMANDER", start),
                new ResolvedIncident.Responder(helper.id(), "RESPONDER", start)));
        assertThat(care.incidentResolved(minor)).hasSize(1);
        assertThat(as(commander).get("/api/v1/me/cases").<List<Object>>json("$")).hasSize(1);
        assertThat(as(helper).get("/api/v1/me/cases").<List<Object>>json("$")).isEmpty();
    }

    @Test
    void incidentsWithin24HoursJoinOneCaseWhoseCheckInListsThemAndRedeliveryChangesNothing() {
        Person sam = person(people, "Sam");
        Instant first = Instant.now().minus(Duration.ofHours(40));
        var night = sev2("Database failover", first, sam.id());
        var morning = sev2("Queue backlog", first.plus(Duration.ofHours(5)), sam.id());
        var dayAfter = sev2("DNS outage", first.plus(Duration.ofHours(30)), sam.id());

        UUID caseId = care.incidentResolved(night).get(0);
        assertThat(care.incidentResolved(morning)).containsExactly(caseId);
        assertThat(care.incidentResolved(night)).as("the same incident again").isEmpty();
        UUID later = care.incidentResolved(dayAfter).get(0);
        assertThat(later).as("24 h after the last incident of the case: a case of its own").isNotEqualTo(caseId);

        var cases = as(sam).get("/api/v1/me/cases");
        assertThat(cases.<List<Object>>json("$")).hasSize(2);
        assertThat(cases.<List<String>>json("$[?(@.id == '" + caseId + "')].incidents[*].title"))
            .containsExactly("Database failover", "Queue backlog");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_step WHERE case_id = ? AND kind = 'CHECK_IN'").param(caseId)
            .query(Long.class).single()).as("one check-in for both").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pending(sam)).hasSize(2));
        assertThat(as(sam).get("/api/v1/me/check-ins")
            .<List<String>>json("$[?(@.caseId == '" + caseId + "' && @.kind == 'CHECK_IN')].incidents[*].title"))
            .containsExactly("Database failover", "Queue backlog");
    }

    @Test
    void optingOutOpensNothingAndStopAskingSilencesOneCase() {
        Person alex = person(people, "Alex");
        service.setOptedOut(alex.id(), true);
        assertThat(care.hasOptedOut(alex.id())).isTrue();
        assertThat(care.incidentResolved(sev2("Payments down", alex.id()))).isEmpty();
        assertThat(as(alex).get("/api/v1/me/cases").<List<Object>>json("$")).isEmpty();

        service.setOptedOut(alex.id(), false);
        UUID caseId = care.incidentResolved(sev2("Payments down again", alex.id())).get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(alex).size() == 1);
        service.stopAsking(alex.id(), caseId);
        assertThat(pending(alex)).as("the waiting check-in is withdrawn").isEmpty();
        UUID day1 = makeDue(jdbc, scheduler, alex.id(), "FOLLOW_UP", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !stepStatus(jdbc, day1).equals("SCHEDULED"));
        assertThat(stepStatus(jdbc, day1)).isEqualTo("SKIPPED");
        assertThat(pending(alex)).isEmpty();
        assertThat(as(alex).get("/api/v1/me/cases").<Boolean>json("$[0].muted")).isTrue();
    }

    @Test
    void aPersonClosesAndReopensTheirCaseAndOpensOneForThemselves() {
        Person kim = person(people, "Kim");
        var opened = as(kim).post("/api/v1/me/cases", "{}");
        assertThat(opened.status()).isEqualTo(201);
        String caseId = opened.json("$.caseId");
        String checkInId = opened.json("$.checkInId");
        assertThat(pending(kim)).extracting(m -> m.get("id")).containsExactly(checkInId);
        assertThat(as(kim).get("/api/v1/me/cases").<String>json("$[0].origin")).isEqualTo("SELF");

        assertThat(as(kim).post("/api/v1/me/check-ins/" + checkInId, Map.of("response", "FINE")).status())
            .isEqualTo(200);
        var closed = as(kim).post("/api/v1/me/cases/" + caseId + "/close", "{}");
        assertThat(closed.<String>json("$.stage")).isEqualTo("CLOSED");
        assertThat(closed.<String>json("$.closedReason")).isEqualTo("PERSON");
        var reopened = as(kim).post("/api/v1/me/cases/" + caseId + "/reopen", "{}");
        assertThat(reopened.<String>json("$.stage")).isEqualTo("CHECKED_IN");
        assertThat(as(kim).post("/api/v1/me/cases/" + UUID.randomUUID() + "/close", "{}").status()).isEqualTo(404);
    }

    @Test
    void dueCheckInsGetExactlyOneReminder() {
        Person lee = person(people, "Lee");
        care.incidentResolved(sev2("Latency spike", lee.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(lee).size() == 1);
        UUID step = UUID.fromString((String) pending(lee).get(0).get("id"));
        scheduler.reschedule(CareScheduling.REMINDER_DUE.instanceId(step.toString()), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> as(lee).get("/api/v1/me/check-ins")
            .<String>json("$[0].remindedAt") != null);
        String remindedAt = as(lee).get("/api/v1/me/check-ins").json("$[0].remindedAt");
        service.reminderDue(step);
        assertThat(as(lee).get("/api/v1/me/check-ins").<String>json("$[0].remindedAt")).isEqualTo(remindedAt);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?").param(step.toString())
            .query(Long.class).single()).as("no job left for this step").isZero();
    }
}
