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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.care.CareCases;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.support.AftercareIT;

/** Tier 1 on H2 and PostgreSQL: who is nudged, what they see, "I reached out", "nobody", quiet hours. */
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

    List<Map<String, Object>> nudgesOf(UUID personId) {
        return jdbc.sql("SELECT nudged_id, relation, status FROM support_nudge WHERE about_person_id = ?")
            .param(personId).query().listOfRows();
    }

    long delivered(UUID about) {
        return nudgesOf(about).stream().filter(n -> "DELIVERED".equals(n.get("status"))).count();
    }

    @Test
    void theLeadAndTwoTeammatesNotInTheIncidentAreNudgedOnceWithOneSentenceAndCanSayTheyReachedOut() {
        Person lead = person(people, "Lee Lead", null, Role.LEAD);
        Person sam = person(people, "Sam Rivera", lead.id());
        Person t1 = person(people, "Tia One", lead.id());
        Person t2 = person(people, "Theo Two", lead.id());
        Person alsoIn = person(people, "Ira Incident", lead.id());
        team(jdbc, "Checkout", lead.id(), sam.id(), t1.id(), t2.id(), alsoIn.id());

        care.incidentResolved(sev2("Checkout latency", sam.id(), alsoIn.id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(sam.id()) == 3);
        assertThat(nudgesOf(sam.id())).extracting(n -> n.get("nudged_id"))
            .containsExactlyInAnyOrder(lead.id(), t1.id(), t2.id());
        assertThat(nudgesOf(sam.id())).filteredOn(n -> n.get("nudged_id").equals(lead.id()))
            .extracting(n -> n.get("relation")).containsExactly("LEAD");

        var list = lead.api(port).get("/api/v1/me/nudges");
        assertThat(list.status()).isEqualTo(200);
        // the lead is nudged about each of their people in the incident, once each
        List<String> texts = list.<List<String>>json("$[*].text").stream().filter(t -> t.startsWith("Sam Rivera"))
            .toList();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).startsWith("Sam Rivera was on ").endsWith("A quick 'how are you doing?' goes a long way.")
            .doesNotContainIgnoringCase("stress").doesNotContainIgnoringCase("score");
        assertThat(alsoIn.api(port).get("/api/v1/me/nudges").body()).doesNotContain("Sam Rivera");
        String nudgeId = list.<List<String>>json("$[?(@.text =~ /Sam Rivera.*/)].id").get(0);

        // only the nudged person can mark their own nudge
        assertThat(t1.api(port).post("/api/v1/me/nudges/" + nudgeId + "/reached-out", "{}").status()).isEqualTo(404);
        var done = lead.api(port).post("/api/v1/me/nudges/" + nudgeId + "/reached-out", "{}");
        assertThat(done.status()).isEqualTo(200);
        assertThat((Boolean) done.json("$.reachedOut")).isTrue();
        assertThat(lead.api(port).post("/api/v1/me/nudges/" + nudgeId + "/reached-out", "{}").status()).isEqualTo(200);
        var outreach = jdbc.sql("SELECT first_outreach_by, first_outreach_at FROM support_case WHERE person_id = ?")
            .param(sam.id()).query().singleRow();
        assertThat(outreach.get("first_outreach_by")).isEqualTo(lead.id());
        assertThat(outreach.get("first_outreach_at")).isNotNull();
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
}
