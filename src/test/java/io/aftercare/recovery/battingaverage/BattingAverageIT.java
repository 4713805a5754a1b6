package io.aftercare.recovery.battingaverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The batting average through the API, on a real database: incidents from the events API, shifts from a rotation,
 * deploys from CI; each person sees their own record only.
 */
@AftercareIT
class BattingAverageIT {

    static final String PASSWORD = "batting-password-123";

    @LocalServerPort
    int port;

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    record Person(String id, String email) {
    }

    Person person(String name) {
        String email = unique(name.toLowerCase()) + "@batting.test";
        var r = admin().post("/api/v1/people", new HashMap<>(Map.of("name", name, "email", email,
            "password", PASSWORD)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Person(r.json("$.id"), email);
    }

    TestApi as(Person p) {
        return TestApi.at(port).basic(p.email(), PASSWORD);
    }

    TestApi.Response event(Map<String, Object> body) {
        return admin().send("POST", "/api/v1/events", TestApi.json(body), "application/json");
    }

    void resolvedIncident(Person responder, String service, Instant at) {
        var r = event(Map.of("externalId", unique("bat"), "status", "resolved", "title", "Checkout slow",
            "service", service, "occurredAt", at.toString(),
            "responders", List.of(Map.of("email", responder.email(), "role", "RESPONDER"))));
        assertThat(r.status()).as(r.body()).isLessThan(300);
    }

    @Test
    void aPersonSeesTheirIncidentsShiftsAndChangesAndNobodyElseDoes() {
        Person ana = person("Ana");
        Person bo = person("Bo");
        String teamName = unique("Payments");
        var team = admin().post("/api/v1/teams", Map.of("name", teamName, "leads", List.of(),
            "members", List.of(ana.id(), bo.id())));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        String teamId = team.json("$.id");

        // nothing yet: nothing to be kind about
        var empty = as(ana).get("/api/v1/me/batting-average");
        assertThat(empty.status()).isEqualTo(200);
        assertThat((Boolean) empty.json("$.enoughData")).isFalse();
        assertThat((List<?>) empty.json("$.sentences")).isEmpty();

        // weekly turns Ana, Bo, handed over at 09:00 Berlin time, starting so that the 10th turn (Ana's) has begun
        // whatever the hour: Ana's 0th, 2nd, 4th, 6th and 8th shifts are over, and Bo's 1st to 9th, so five each
        java.time.ZonedDateTime berlin = java.time.ZonedDateTime.now(ZoneId.of("Europe/Berlin"));
        LocalDate startsOn = berlin.toLocalDate().minusDays(berlin.getHour() < 10 ? 71 : 70);
        var rotation = admin().post("/api/v1/teams/" + teamId + "/rotations", Map.of("name", "Primary",
            "members", List.of(ana.id(), bo.id()), "shiftLength", "PT168H", "handoffTime", "09:00",
            "timeZone", "Europe/Berlin", "startsOn", startsOn.toString()));
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(201);

        String service = unique("checkout");
        Instant now = Instant.now();
        resolvedIncident(ana, service, now.minus(Duration.ofDays(500)));
        resolvedIncident(ana, service, now.minus(Duration.ofDays(100)));
        resolvedIncident(ana, service, now.minus(Duration.ofDays(2)));
        // 45 deploys for the team (the first of them of the service too, counted once) and 15 for the service this
        // year, 5 before it: 60 changes, 30 per incident
        for (int i = 0; i < 45; i++) {
            assertThat(event(Map.of("type", "deploy", "id", unique("ci"), "service", i == 0 ? service : unique("web"),
                "team", teamName, "at", now.minus(Duration.ofDays(i + 1)).toString())).status()).isEqualTo(202);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(event(Map.of("type", "deploy", "id", unique("ci"), "service", service.toUpperCase(),
                "at", now.minus(Duration.ofDays(i < 15 ? 3 : 400)).toString())).status()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat((Integer) as(ana).get("/api/v1/me/batting-average").json("$.incidentsInAll")).isEqualTo(3));
        var mine = as(ana).get("/api/v1/me/batting-average");
        assertThat(mine.status()).isEqualTo(200);
        assertThat((Integer) mine.json("$.incidentsLastYear")).isEqualTo(2);
        assertThat((Integer) mine.json("$.shiftsLastYear")).isEqualTo(5);
        assertThat((Integer) mine.json("$.daysBetweenLastTwo")).isEqualTo(98);
        assertThat(((Number) mine.json("$.changesLastYear")).longValue()).isEqualTo(60);
        assertThat(((Number) mine.json("$.changesPerIncident")).longValue()).isEqualTo(30);
        assertThat((List<String>) mine.json("$.sentences")).contains(
            "2 incidents in 60 changes shipped where you work this year.",
            "You were on call for 5 shifts in the last 12 months.",
            "Since Aftercare has known you, you were in 3 incidents, 2 of them in the last 12 months.");

        // Bo, in the same team and rotation, sees his own: his shifts, no incident of Ana's
        var his = as(bo).get("/api/v1/me/batting-average");
        assertThat((Integer) his.json("$.incidentsInAll")).isZero();
        assertThat((Integer) his.json("$.shiftsLastYear")).isEqualTo(5);
        assertThat(his.body()).doesNotContain("98");

        // the page says the same to Ana, and is there for nobody signed out
        WebSession web = WebSession.signedIn(port, ana.email(), PASSWORD);
        var page = web.get("/me/recovery/batting-average");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("2 incidents in 60 changes shipped where you work this year.",
            "You were on call for 5 shifts in the last 12 months.");
        // and My aftercare has a card with one sentence of it
        assertThat(web.get("/me").body()).contains("2 incidents in 60 changes this year.", "Your batting average");
        // Bo's card: his team's 45 changes are too few to say anything, so it counts his shifts
        assertThat(WebSession.signedIn(port, bo.email(), PASSWORD).get("/me").body())
            .contains("5 shifts on call this year.", "Your batting average");
        assertThat(TestApi.at(port).anonymous().get("/api/v1/me/batting-average").status()).isEqualTo(401);
    }

    @Test
    void aDeployIsStoredOnceAndAnInvalidOneIsRefusedNamingTheField() {
        String id = unique("ci");
        assertThat(event(Map.of("type", "deploy", "id", id, "service", "web")).status()).isEqualTo(202);
        var again = event(Map.of("type", "deploy", "id", id, "service", "web"));
        assertThat(again.status()).isEqualTo(200);
        assertThat((String) again.json("$.outcome")).isEqualTo("DUPLICATE");

        var noService = event(Map.of("type", "deploy", "id", unique("ci")));
        assertThat(noService.status()).isEqualTo(400);
        assertThat(noService.header("Content-Type").orElse("")).contains("application/problem+json");
        assertThat((String) noService.json("$.errors[0].field")).isEqualTo("service");

        var unknownTeam = event(Map.of("type", "deploy", "id", unique("ci"), "service", "web", "team", unique("nope")));
        assertThat(unknownTeam.status()).isEqualTo(400);
        assertThat((String) unknownTeam.json("$.errors[0].field")).isEqualTo("team");

        var badLink = event(Map.of("type", "deploy", "id", unique("ci"), "service", "web", "url", "javascript:x"));
        assertThat((String) badLink.json("$.errors[0].field")).isEqualTo("url");

        var badTime = event(Map.of("type", "deploy", "id", unique("ci"), "service", "web", "at", "yesterday"));
        assertThat((String) badTime.json("$.errors[0].field")).isEqualTo("at");

        var otherType = event(Map.of("type", "release", "id", unique("ci"), "service", "web"));
        assertThat(otherType.status()).isEqualTo(400);
        assertThat((String) otherType.json("$.errors[0].field")).isEqualTo("type");

        // only admins report events
        Person ana = person("Ana");
        assertThat(as(ana).send("POST", "/api/v1/events", TestApi.json(Map.of("type", "deploy", "id", unique("ci"),
            "service", "web")), "application/json").status()).isEqualTo(403);
    }
}
