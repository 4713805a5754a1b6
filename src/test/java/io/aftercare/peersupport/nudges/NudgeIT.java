package io.aftercare.peersupport.nudges;

import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.sev2;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.care.CareCases;
import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.support.AftercareIT;

/**
 * Tier 1 on H2 and PostgreSQL: nobody is nudged before the person says whom they want, then exactly that group;
 * what they see, "I reached out", "nobody", a delivered nudge that stays, quiet hours.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.support.nudge-delay=2s"})
class NudgeIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    List<Map<String, Object>> nudgesOf(UUID personId) {
        return jdbc.sql("SELECT nudged_id, relation, status FROM support_nudge WHERE about_person_id = ?")
            .param(personId).query().listOfRows();
    }

    long delivered(UUID about) {
        return nudgesOf(about).stream().filter(n -> "DELIVERED".equals(n.get("status"))).count();
    }

    /** The person's check-in, once it is waiting for them. */
    String pendingCheckIn(Person person) {
        await().atMost(Duration.ofSeconds(30)).until(() -> person.api(port).get("/api/v1/me/check-ins").body()
            .contains("PENDING"));
        return person.api(port).get("/api/v1/me/check-ins").json("$[?(@.status == 'PENDING')].id")
            .toString().replaceAll("[\\[\\]\"]", "").split(",")[0];
    }

    /** Answers the person's waiting check-in with the given outreach wish, and waits until peer support heard it. */
    void answer(Person person, String outreach) {
        var answered = person.api(port).post("/api/v1/me/check-ins/" + pendingCheckIn(person),
            Map.of("stress", 3, "effects", List.of(), "outreach", outreach));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> outreach.equals(jdbc.sql(
            "SELECT outreach FROM support_case WHERE person_id = ?").param(person.id()).query(String.class)
            .optional().orElse(null)));
    }

    /** Longer than the nudge delay (2s) and a few scheduler polls: time enough for any nudge to be chosen. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    @Test
    void aTeammateWishNudgesTwoTeammatesNotInTheIncidentNotTheLeadOnceWithOneSentenceAndTheyCanSayTheyReachedOut() {
        Person lead = person(people, "Lee Lead", null, Role.LEAD);
        Person sam = person(people, "Sam Rivera", lead.id());
        Person t1 = person(people, "Tia One", lead.id());
        Person t2 = person(people, "Theo Two", lead.id());
        Person alsoIn = person(people, "Ira Incident", lead.id());
        team(jdbc, "Checkout", lead.id(), sam.id(), t1.id(), t2.id(), alsoIn.id());

        care.incidentResolved(sev2("Checkout latency", sam.id(), alsoIn.id()));
        answer(sam, "TEAMMATE");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(sam.id()) == 2);
        assertThat(nudgesOf(sam.id())).extracting(n -> n.get("nudged_id"))
            .containsExactlyInAnyOrder(t1.id(), t2.id());
        assertThat(nudgesOf(sam.id())).extracting(n -> n.get("relation")).containsOnly("TEAMMATE");
        assertThat(lead.api(port).get("/api/v1/me/nudges").body()).as("Sam asked for a teammate, not their lead")
            .doesNotContain("Sam Rivera");

        var list = t1.api(port).get("/api/v1/me/nudges");
        assertThat(list.status()).isEqualTo(200);
        List<String> texts = list.<List<String>>json("$[*].text").stream().filter(t -> t.startsWith("Sam Rivera"))
            .toList();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).matches(
            "Sam Rivera was on (today's|last night's|yesterday's|a recent) incident(, \u201cCheckout latency\u201d)?\\. "
                + "A quick 'how are you doing\\?' goes a long way\\.");
        assertThat(alsoIn.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Sam Rivera");
        String nudgeId = list.<List<String>>json("$[?(@.text =~ /Sam Rivera.*/)].id").get(0);

        // only the nudged person can mark their own nudge
        assertThat(t2.api(port).post("/api/v1/me/nudges/" + nudgeId + "/reached-out", "{}").status()).isEqualTo(404);
        var done = t1.api(port).post("/api/v1/me/nudges/" + nudgeId + "/reached-out", "{}");
        assertThat(done.status()).isEqualTo(200);
        assertThat((Boolean) done.json("$.reachedOut")).isTrue();
        assertThat(t1.api(port).post("/api/v1/me/nudges/" + nudgeId + "/reached-out", "{}").status()).isEqualTo(200);
        var outreach = jdbc.sql("SELECT first_outreach_by, first_outreach_at FROM support_case WHERE person_id = ?")
            .param(sam.id()).query().singleRow();
        assertThat(outreach.get("first_outreach_by")).isEqualTo(t1.id());
        assertThat(outreach.get("first_outreach_at")).isNotNull();
    }

    @Test
    void aLeadWishNudgesTheLeadAloneWithTheSameSentence() {
        Person lead = person(people, "Lia Lead", null, Role.LEAD);
        Person lou = person(people, "Lou Asked", lead.id());
        Person mate = person(people, "Max Mate", lead.id());
        team(jdbc, "Billing", lead.id(), lou.id(), mate.id());

        care.incidentResolved(sev2("Billing backlog", lou.id()));
        answer(lou, "LEAD");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(lou.id()) == 1);
        assertThat(nudgesOf(lou.id())).extracting(n -> n.get("nudged_id"), n -> n.get("relation"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple(lead.id(), "LEAD"));
        List<String> texts = lead.api(port).get("/api/v1/me/nudges").<List<String>>json("$[*].text").stream()
            .filter(t -> t.startsWith("Lou Asked")).toList();
        assertThat(texts).singleElement().asString().matches(
            "Lou Asked was on (today's|last night's|yesterday's|a recent) incident(, \u201cBilling backlog\u201d)?\\. "
                + "A quick 'how are you doing\\?' goes a long way\\.");
        await().during(Duration.ofSeconds(2)).atMost(SETTLE).until(() -> nudgesOf(lou.id()).size() == 1);
        assertThat(mate.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Lou Asked");
    }

    @Test
    void nobodyIsNudgedBeforeThePersonHasSaidWhomTheyWantSoAnswerOrNoAnswerLooksTheSameToColleagues() {
        Person lead = person(people, "Nia Lead", null, Role.LEAD);
        Person silent = person(people, "Sid Silent", lead.id());
        Person declined = person(people, "Dee Declined", lead.id());
        Person mate = person(people, "Mae Mate", lead.id());
        team(jdbc, "Identity", lead.id(), silent.id(), declined.id(), mate.id());

        care.incidentResolved(sev2("Identity outage", silent.id()));
        care.incidentResolved(sev2("Identity slowness", declined.id()));
        pendingCheckIn(silent);
        answer(declined, "NOBODY");

        // the nudge delay passes for both, one who has not answered and one who said "nobody": no nudge about either
        await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> nudgesOf(silent.id()).isEmpty()
            && nudgesOf(declined.id()).isEmpty());
        List<String> cases = jdbc.sql("SELECT case_id FROM support_case WHERE person_id IN (?, ?)")
            .params(silent.id(), declined.id()).query(UUID.class).list().stream().map(UUID::toString).toList();
        assertThat(cases).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'support-case-nudges' "
                + "AND task_instance IN (:cases)").param("cases", cases).query(Long.class).single())
            .as("no choice of whom to nudge is waiting either").isZero();
        for (Person colleague : List.of(lead, mate)) {
            String nudges = colleague.api(port).get("/api/v1/me/nudges").body();
            assertThat(nudges).doesNotContain("Sid Silent").doesNotContain("Dee Declined");
        }
    }

    @Test
    void aPersonWhoAskedForAPeerSupporterOrResourcesGetsNoTeammateOrLeadNudged() {
        Person lead = person(people, "Pat Lead", null, Role.LEAD);
        Person asked = person(people, "Ari Supporter-wish", lead.id());
        Person reading = person(people, "Rae Resources-wish", lead.id());
        Person mate = person(people, "Mel Mate", lead.id());
        team(jdbc, "Data", lead.id(), asked.id(), reading.id(), mate.id());

        care.incidentResolved(sev2("Data pipeline stall", asked.id(), reading.id()));
        answer(asked, "PEER_SUPPORTER");
        answer(reading, "RESOURCES");

        await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> nudgesOf(asked.id()).isEmpty()
            && nudgesOf(reading.id()).isEmpty());
        assertThat(lead.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Ari").doesNotContain("Rae");
        assertThat(mate.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Ari").doesNotContain("Rae");
    }

    @Test
    void aDeliveredNudgeStaysWithItsRecipientWhateverThePersonDoesNext() {
        Person lead = person(people, "Ola Lead", null, Role.LEAD);
        Person kit = person(people, "Kit Changes", lead.id());
        Person mate = person(people, "Mia Mate", lead.id());
        team(jdbc, "Mobile", lead.id(), kit.id(), mate.id());

        care.incidentResolved(sev2("Mobile crash loop", kit.id()));
        String checkIn = pendingCheckIn(kit);
        answer(kit, "TEAMMATE");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(kit.id()) == 1);
        String before = mate.api(port).get("/api/v1/me/nudges").body();
        assertThat(before).contains("Kit Changes");
        UUID caseId = jdbc.sql("SELECT case_id FROM support_case WHERE person_id = ?").param(kit.id())
            .query(UUID.class).single();

        // a later "nobody" for the same case (a repeated answer event), then the person closes their case
        transactions.executeWithoutResult(tx -> events.publishEvent(new CheckInAnswered(caseId,
            UUID.fromString(checkIn), kit.id(), Outreach.NOBODY, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> "NOBODY".equals(jdbc.sql(
            "SELECT outreach FROM support_case WHERE person_id = ?").param(kit.id()).query(String.class).single()));
        assertThat(kit.api(port).post("/api/v1/me/cases/" + caseId + "/close", "{}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%CareCaseClosed'
                  AND listener_id LIKE '%NudgeListener%' AND completion_date IS NOT NULL
                  AND serialized_event LIKE ?""").param("%" + caseId + "%").query(Long.class).single() == 1);

        assertThat(mate.api(port).get("/api/v1/me/nudges").body()).as("the teammate's nudges, unchanged")
            .isEqualTo(before);
        assertThat(nudgesOf(kit.id())).extracting(n -> n.get("status")).containsExactly("DELIVERED");
    }

    @Test
    void nobodyMeansNoNudge() {
        Person lead = person(people, "Noor Lead", null, Role.LEAD);
        Person robin = person(people, "Robin Quiet", lead.id());
        Person mate = person(people, "Mo Mate", lead.id());
        team(jdbc, "Payments", lead.id(), robin.id(), mate.id());

        care.incidentResolved(sev2("Payments outage", robin.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var steps = robin.api(port).get("/api/v1/me/check-ins");
            return steps.body().contains("PENDING");
        });
        String checkIn = robin.api(port).get("/api/v1/me/check-ins").json("$[?(@.status == 'PENDING')].id")
            .toString().replaceAll("[\\[\\]\"]", "").split(",")[0];
        var answered = robin.api(port).post("/api/v1/me/check-ins/" + checkIn,
            Map.of("stress", 3, "effects", List.of(), "outreach", "NOBODY"));
        assertThat(answered.status()).isEqualTo(200);

        // whether the nudges were still to be chosen or already out, nobody is left nudged about Robin
        await().atMost(Duration.ofSeconds(30)).until(() -> "NOBODY".equals(jdbc.sql(
            "SELECT outreach FROM support_case WHERE person_id = ?").param(robin.id()).query(String.class)
            .optional().orElse(null)));
        String caseId = jdbc.sql("SELECT case_id FROM support_case WHERE person_id = ?").param(robin.id())
            .query(UUID.class).single().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks "
                + "WHERE task_name = 'support-case-nudges' AND task_instance = ?").param(caseId)
            .query(Long.class).single() == 0
            && nudgesOf(robin.id()).stream().allMatch(n -> "WITHDRAWN".equals(n.get("status"))));
        assertThat(lead.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Robin");
        assertThat(mate.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Robin");
    }

    @Test
    void aNudgeWaitsUntilTheNudgedPersonsQuietHoursAreOver() {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        Person sleeper = person(people, "Sol Sleeper", null, now.minusHours(1), now.plusHours(3), Role.LEAD);
        Person kai = person(people, "Kai Night", sleeper.id());
        team(jdbc, "Search", sleeper.id(), kai.id());

        care.incidentResolved(sev2("Search reindex", kai.id()));
        answer(kai, "LEAD");

        await().atMost(Duration.ofSeconds(30)).until(() -> !nudgesOf(kai.id()).isEmpty());
        var nudge = jdbc.sql("SELECT status, deliver_at FROM support_nudge WHERE about_person_id = ?")
            .param(kai.id()).query().singleRow();
        assertThat(nudge.get("status")).isEqualTo("SCHEDULED");
        Instant deliverAt = ((java.time.OffsetDateTime) jdbc.sql(
                "SELECT deliver_at FROM support_nudge WHERE about_person_id = ?").param(kai.id())
            .query(java.time.OffsetDateTime.class).single()).toInstant();
        assertThat(deliverAt).isAfter(Instant.now().plus(Duration.ofHours(2)));
        assertThat(sleeper.api(port).get("/api/v1/me/nudges").body()).isEqualTo("[]");
    }

    @Test
    void aColleagueWithARecentCaseOfTheirOwnIsNotNudgedAndNobodyIsNudgedInTheirPlace() {
        Person lead = person(people, "Uma Lead", null, Role.LEAD);
        Person ask = person(people, "Ash Asks", lead.id());
        Person struggling = person(people, "Sky Struggling", lead.id());
        Person fine = person(people, "Fin Fine", lead.id());
        team(jdbc, "Edge", lead.id(), ask.id(), struggling.id(), fine.id());
        // Sky had a rough one of their own a moment ago ("I had a rough one": no colleague is told of it)
        care.openForSelf(struggling.id());

        care.incidentResolved(sev2("Edge cache purge", ask.id()));
        answer(ask, "TEAMMATE");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(ask.id()) == 1);
        await().during(Duration.ofSeconds(2)).atMost(SETTLE).until(() -> nudgesOf(ask.id()).size() == 2);
        assertThat(fine.api(port).get("/api/v1/me/nudges").body()).contains("Ash Asks");
        assertThat(struggling.api(port).get("/api/v1/me/nudges").body()).as("looked after, not asked to look after")
            .doesNotContain("Ash Asks");
        assertThat(struggling.api(port).get("/api/v1/me/inbox").body()).doesNotContain("NUDGE");
        assertThat(nudgesOf(ask.id())).extracting(n -> n.get("nudged_id"), n -> n.get("status"))
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(fine.id(), "DELIVERED"),
                org.assertj.core.groups.Tuple.tuple(struggling.id(), "SKIPPED"));
        assertThat(lead.api(port).get("/api/v1/me/nudges").body()).as("nobody nudged in Sky's place")
            .doesNotContain("Ash Asks");
        // what Ash can see of the nudges about them (their own export) shows the one that went, nothing of Sky
        assertThat(ask.api(port).get("/api/v1/me/export").<List<String>>json("$.support.nudgesAboutMe[*].status"))
            .containsExactly("DELIVERED");

        // a lead with a case of their own is not nudged either, and nobody above them is nudged instead
        Person boss = person(people, "Bea Boss", null);
        Person lead2 = person(people, "Leo Lead", boss.id(), Role.LEAD);
        Person lou = person(people, "Lou Lead-wish", lead2.id());
        team(jdbc, "Edge two", lead2.id(), lou.id());
        care.openForSelf(lead2.id());
        care.incidentResolved(sev2("Edge DNS", lou.id()));
        answer(lou, "LEAD");
        await().atMost(Duration.ofSeconds(30)).until(() -> !nudgesOf(lou.id()).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(SETTLE).until(() -> nudgesOf(lou.id()).size() == 1);
        assertThat(nudgesOf(lou.id())).extracting(n -> n.get("nudged_id"), n -> n.get("status"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple(lead2.id(), "SKIPPED"));
        assertThat(lead2.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Lou");
        assertThat(boss.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Lou");
    }

    @Test
    void aNudgeTakenBackLeavesTheInboxAndItsLinkSaysCalmlyThatItIsNoLongerNeeded() {
        Person lead = person(people, "Val Lead", null, Role.LEAD);
        Person gone = person(people, "Gil Leaving", lead.id());
        Person mate = person(people, "Moe Mate", lead.id());
        team(jdbc, "Ledger", lead.id(), gone.id(), mate.id());

        care.incidentResolved(sev2("Ledger drift", gone.id()));
        answer(gone, "TEAMMATE");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(gone.id()) == 1);
        UUID nudge = jdbc.sql("SELECT id FROM support_nudge WHERE about_person_id = ?").param(gone.id())
            .query(UUID.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> mate.api(port).get("/api/v1/me/inbox")
            .<List<String>>json("$[*].link").contains("/nudges/" + nudge));
        var page = io.aftercare.support.WebSession.signedIn(port, mate.email(), io.aftercare.peersupport.SupportFixtures.PASSWORD);
        var open = page.get("/nudges/" + nudge);
        assertThat(open.statusCode()).as("a nudge that stands opens the nudges page").isEqualTo(302);
        assertThat(page.follow(open).body()).contains("Gil Leaving");

        // Gil erases their data: the nudge about them goes from the page, and from the inbox with it
        var erased = gone.api(port).send("DELETE", "/api/v1/me",
            io.aftercare.support.TestApi.json(Map.of("confirmation", gone.email())), "application/json");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(mate.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Gil Leaving");
        await().atMost(Duration.ofSeconds(30)).until(() -> !mate.api(port).get("/api/v1/me/inbox")
            .<List<String>>json("$[*].link").contains("/nudges/" + nudge));
        assertThat(mate.api(port).get("/api/v1/me/inbox").<List<String>>json("$[*].kind")).doesNotContain("NUDGE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND kind = 'NUDGE' "
                + "AND status = 'PENDING'").param(mate.id()).query(Long.class).single())
            .as("a message about it not sent yet is not sent").isZero();

        // a link to it from a message sent earlier: calm words, the same as for any nudge that is not theirs
        var stale = page.get("/nudges/" + nudge);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("That nudge is no longer needed. Thank you for looking.")
            .doesNotContain("Gil Leaving");
        var never = page.get("/nudges/" + UUID.randomUUID());
        assertThat(never.statusCode()).isEqualTo(200);
        assertThat(never.body()).contains("That nudge is no longer needed. Thank you for looking.");
    }
}
