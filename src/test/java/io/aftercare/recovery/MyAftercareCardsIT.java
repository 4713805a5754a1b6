package io.aftercare.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The recovery cards on My aftercare follow the person's record from one visit to the next, on both databases: the
 * page reads a person's rotations, teams and shifts once while it is built, and nothing of that outlives the page.
 * A new incident, an override and a rotation taken away each show on the next visit.
 */
@AftercareIT
class MyAftercareCardsIT {

    static final String PASSWORD = "cards-password-123";

    @LocalServerPort
    int port;

    record Person(String id, String email) {
    }

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Person person(String name) {
        String email = unique(name.toLowerCase()) + "@cards.test";
        var r = admin().post("/api/v1/people", new HashMap<>(Map.of("name", name, "email", email,
            "password", PASSWORD)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Person(r.json("$.id"), email);
    }

    void resolvedIncident(Person responder, Instant at) {
        var r = admin().send("POST", "/api/v1/events", TestApi.json(Map.of("externalId", unique("cards"),
            "status", "resolved", "title", "Search slow", "service", unique("search"), "occurredAt", at.toString(),
            "responders", List.of(Map.of("email", responder.email(), "role", "RESPONDER")))), "application/json");
        assertThat(r.status()).as(r.body()).isLessThan(300);
    }

    @Test
    void aNewIncidentShowsOnTheNextVisit() {
        Person cy = person("Cy");
        WebSession web = WebSession.signedIn(port, cy.email(), PASSWORD);
        assertThat(web.get("/me").body()).doesNotContain("Your batting average");

        resolvedIncident(cy, Instant.now().minus(Duration.ofDays(3)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(web.get("/me").body())
            .contains("Your batting average", "One incident in all, as far as Aftercare knows."));

        resolvedIncident(cy, Instant.now().minus(Duration.ofDays(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(web.get("/me").body())
            .contains("2 incidents in all, as far as Aftercare knows."));
    }

    @Test
    void shiftsAndThePlanCardFollowTheRotationFromOneVisitToTheNext() {
        Person ana = person("Ana");
        Person bo = person("Bo");
        var team = admin().post("/api/v1/teams", Map.of("name", unique("Search"), "leads", List.of(),
            "members", List.of(ana.id(), bo.id())));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        String teamId = team.json("$.id");
        // weekly turns Ana, Bo from 09:00 Berlin time, so that the 10th turn (Ana's) has begun: Bo's 1st to 9th are
        // over (five shifts) and his next starts within a week
        ZonedDateTime berlin = ZonedDateTime.now(ZoneId.of("Europe/Berlin"));
        LocalDate startsOn = berlin.toLocalDate().minusDays(berlin.getHour() < 10 ? 71 : 70);
        var rotation = admin().post("/api/v1/teams/" + teamId + "/rotations", Map.of("name", "Primary",
            "members", List.of(ana.id(), bo.id()), "shiftLength", "PT168H", "handoffTime", "09:00",
            "timeZone", "Europe/Berlin", "startsOn", startsOn.toString()));
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(201);
        String rotationId = rotation.json("$.id");

        WebSession web = WebSession.signedIn(port, bo.email(), PASSWORD);
        assertThat(web.get("/me").body()).contains("5 shifts on call this year.", "Plan your next shift");

        // Bo covers a day of one of Ana's past turns: one more shift of his
        Instant cover = startsOn.plusDays(7 * 6 + 2).atTime(12, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        var override = admin().post("/api/v1/teams/" + teamId + "/rotations/" + rotationId + "/overrides",
            Map.of("personId", bo.id(), "startsAt", cover.toString(),
                "endsAt", cover.plus(Duration.ofHours(24)).toString()));
        assertThat(override.status()).as(override.toString()).isEqualTo(201);
        assertThat(web.get("/me").body()).contains("6 shifts on call this year.");

        // the rotation taken away: no shifts, so no batting average and no shift to plan for
        assertThat(admin().delete("/api/v1/teams/" + teamId + "/rotations/" + rotationId).status())
            .isLessThan(300);
        assertThat(web.get("/me").body()).doesNotContain("shifts on call this year.", "Your batting average",
            "Plan your next shift");
    }
}
