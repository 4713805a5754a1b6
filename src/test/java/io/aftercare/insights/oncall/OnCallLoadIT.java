package io.aftercare.insights.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * On-call load through the API and the pages, on a real database, against figures worked out by hand: October 2026
 * for Ana in Berlin (the clocks go back on the 25th) and Bo in Auckland, sharing a daily rotation handed over at
 * 09:00 UTC from 1 October (Ana on the odd days, Bo on the even), with incidents from the events API and one from
 * an imported history file. A person sees their own; the team's lead, coordinators and admins the team's; anyone
 * else the same 404 as for a team that does not exist.
 */
@AftercareIT
class OnCallLoadIT {

    static final String PASSWORD = "oncall-password-123";

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

    Person person(String name, String zone, List<String> roles) {
        String email = unique(name.toLowerCase()) + "@oncall.test";
        var r = admin().post("/api/v1/people", new HashMap<>(Map.of("name", name + " " + email.substring(0, 12),
            "email", email, "password", PASSWORD, "timeZone", zone, "roles", roles)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Person(r.json("$.id"), email);
    }

    TestApi as(Person p) {
        return TestApi.at(port).basic(p.email(), PASSWORD);
    }

    void incident(String at, Person... responders) {
        var r = admin().send("POST", "/api/v1/events", TestApi.json(Map.of("externalId", unique("oc"),
            "status", "resolved", "title", "Checkout slow", "occurredAt", at,
            "responders", java.util.Arrays.stream(responders)
                .map(p -> Map.of("email", p.email(), "role", "RESPONDER")).toList())), "application/json");
        assertThat(r.status()).as(r.body()).isLessThan(300);
    }

    @Test
    void eachPersonSeesTheirOwnMonthAndTheLeadSeesTheTeamsAndNobodyElseDoes() {
        Person ana = person("Ana", "Europe/Berlin", List.of("LEAD"));
        Person bo = person("Bo", "Pacific/Auckland", List.of());
        Person cy = person("Cy", "UTC", List.of());
        Person lee = person("Lee", "UTC", List.of("LEAD"));
        Person coordinator = person("Cora", "UTC", List.of("COORDINATOR"));
        var team = admin().post("/api/v1/teams", Map.of("name", unique("Payments"), "leads", List.of(ana.id()),
            "members", List.of(ana.id(), bo.id())));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        String teamId = team.json("$.id");
        var other = admin().post("/api/v1/teams", Map.of("name", unique("Search"), "leads", List.of(lee.id()),
            "members", List.of(lee.id())));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        var primary = admin().post("/api/v1/teams/" + teamId + "/rotations", Map.of("name", "Primary",
            "members", List.of(ana.id(), bo.id()), "shiftLength", "PT24H", "handoffTime", "09:00",
            "timeZone", "UTC", "startsOn", "2026-10-01"));
        assertThat(primary.status()).as(primary.toString()).isEqualTo(201);
        // a second rotation of Ana's alone that has not begun: one person on one site, far too few
        var secondary = admin().post("/api/v1/teams/" + teamId + "/rotations", Map.of("name", "Secondary",
            "members", List.of(ana.id()), "shiftLength", "PT168H", "handoffTime", "09:00",
            "timeZone", "Europe/Berlin", "startsOn", "2030-01-07"));
        assertThat(secondary.status()).as(secondary.toString()).isEqualTo(201);

        incident("2026-10-06T08:30:00Z", ana);      // Tue 10:30 Berlin: business hours, Ana's shift
        incident("2026-10-06T21:00:00Z", ana, bo);  // 23:00 Berlin (sleep, Bo's shift); Wed 10:00 Auckland (business, his)
        incident("2026-10-10T10:00:00Z", ana, bo);  // Sat 12:00 Berlin (off); Sat 23:00 Auckland (sleep, his shift)
        incident("2026-10-31T22:30:00Z", ana);      // Sat 23:30 Berlin after the clocks went back: sleep, Ana's shift
        incident("2026-10-31T23:30:00Z", ana);      // 00:30 on 1 November in Berlin: not October
        String csv = "externalId,title,severity,startedAt,resolvedAt,acknowledgedAt,service,team,url,source,"
            + "commander,responders\n" + unique("OC") + ",Disk full,SEV3,2026-10-07T17:00:00Z,2026-10-07T18:00:00Z,"
            + ",,,,," + ana.email() + ",\n";
        var imported = admin().send("POST", "/api/v1/incidents/import", csv, "text/csv");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200); // Wed 19:00 Berlin: off, Ana's shift

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            (Integer) as(ana).get("/api/v1/me/oncall?month=2026-10").json("$.load.interruptions")).isEqualTo(5));

        var mine = as(ana).get("/api/v1/me/oncall?month=2026-10");
        assertThat(mine.status()).isEqualTo(200);
        assertThat((String) mine.json("$.load.timeZone")).isEqualTo("Europe/Berlin");
        assertThat(List.of(mine.<Integer>json("$.load.businessHours"), mine.<Integer>json("$.load.offHours"),
            mine.<Integer>json("$.load.sleepHours"))).containsExactly(1, 2, 2);
        assertThat((String) mine.json("$.load.level")).isEqualTo("ABOVE_HEALTHY");
        // shifts starting 1, 3, … 29 October (24 hours each) and 31 October 09:00 UTC to midnight in Berlin (23:00
        // UTC): 374 hours of a month 31 days and an hour long
        assertThat(((Number) mine.json("$.load.onCallHours")).doubleValue()).isEqualTo(374.0);
        assertThat(((Number) mine.json("$.load.onCallPercent")).doubleValue()).isEqualTo(50.2);
        assertThat((Boolean) mine.json("$.load.onCallTooMuch")).isTrue();
        assertThat((Integer) mine.json("$.load.incidentsOnCall")).isEqualTo(3);
        assertThat(((Number) mine.json("$.load.perTwelveHours")).doubleValue()).isEqualTo(0.1);
        assertThat((Integer) mine.json("$.load.longestRunDays")).isEqualTo(2);
        assertThat((Integer) mine.json("$.load.shortestRestDays")).isEqualTo(2);
        assertThat((List<?>) mine.json("$.trend")).hasSize(6);
        assertThat((String) mine.json("$.trend[0].month")).isEqualTo("2026-05");
        assertThat((List<String>) mine.json("$.sentences")).contains(
            "You were woken 2 times in October 2026. About 2 a month is healthy.",
            "You were on call for 50.2% of October 2026. That is more than the 25% the SRE book suggests, which "
                + "leaves little time for anything else.");

        // Bo, the same month by his own clock in Auckland: his shifts, his two incidents, nothing of Ana's
        var his = as(bo).get("/api/v1/me/oncall?month=2026-10");
        assertThat(List.of(his.<Integer>json("$.load.businessHours"), his.<Integer>json("$.load.offHours"),
            his.<Integer>json("$.load.sleepHours"))).containsExactly(1, 0, 1);
        assertThat((String) his.json("$.load.level")).isEqualTo("HEALTHY");
        assertThat(((Number) his.json("$.load.onCallHours")).doubleValue()).isEqualTo(360.0);
        assertThat(((Number) his.json("$.load.onCallPercent")).doubleValue()).isEqualTo(48.4);
        assertThat((Integer) his.json("$.load.incidentsOnCall")).isEqualTo(2);

        // the team's lead sees each person and each rotation
        var teamView = as(ana).get("/api/v1/teams/" + teamId + "/oncall-load?month=2026-10");
        assertThat(teamView.status()).as(teamView.toString()).isEqualTo(200);
        assertThat(List.of(teamView.<Integer>json("$.businessHours"), teamView.<Integer>json("$.offHours"),
            teamView.<Integer>json("$.sleepHours"), teamView.<Integer>json("$.interruptions")))
            .containsExactly(2, 2, 3, 7);
        assertThat((List<Integer>) teamView.json("$.people[?(@.personId == '" + bo.id() + "')].load.interruptions"))
            .containsExactly(2);
        assertThat((List<Integer>) teamView.json("$.people[?(@.personId == '" + ana.id() + "')].load.sleepHours"))
            .containsExactly(2);
        // Primary spans Berlin and Auckland: no single-site warning; 5 against a median of 3.5
        assertThat((List<Boolean>) teamView.json("$.rotations[?(@.name == 'Primary')].tooSmall")).containsExactly(false);
        assertThat((List<Double>) teamView.json("$.rotations[?(@.name == 'Primary')].fairnessRatio"))
            .containsExactly(1.4);
        assertThat((List<Boolean>) teamView.json("$.rotations[?(@.name == 'Secondary')].tooSmall"))
            .containsExactly(true);
        assertThat(teamView.body()).contains("A rotation covering day and night from one site needs at least 8 "
            + "people, the SRE book says; this one has 1.");

        // coordinators and admins see it too; a responder, a lead of another team and Bo get what an unknown team gets
        assertThat(as(coordinator).get("/api/v1/teams/" + teamId + "/oncall-load?month=2026-10").status())
            .isEqualTo(200);
        assertThat(admin().get("/api/v1/teams/" + teamId + "/oncall-load?month=2026-10").status()).isEqualTo(200);
        String noSuchTeam = UUID.randomUUID().toString();
        var unknown = as(coordinator).get("/api/v1/teams/" + noSuchTeam + "/oncall-load?month=2026-10");
        assertThat(unknown.status()).isEqualTo(404);
        for (Person outsider : List.of(cy, lee, bo)) {
            var refused = as(outsider).get("/api/v1/teams/" + teamId + "/oncall-load?month=2026-10");
            assertThat(refused.status()).as(outsider.email()).isEqualTo(404);
            // word for word what a team that does not exist gets, but for the address asked
            assertThat(refused.body().replace(teamId, "…")).doesNotContain("Ana")
                .isEqualTo(unknown.body().replace(noSuchTeam, "…"));
        }
        // Cy's own month says nothing of anyone else's
        var cys = as(cy).get("/api/v1/me/oncall?month=2026-10");
        assertThat((Integer) cys.json("$.load.interruptions")).isZero();
        assertThat((Double) cys.json("$.load.perTwelveHours")).isNull();

        // a month that is not one is a problem detail naming the field
        var bad = as(ana).get("/api/v1/me/oncall?month=October");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type").orElse("")).contains("application/problem+json");
        assertThat((String) bad.json("$.errors[0].field")).isEqualTo("month");
        assertThat(TestApi.at(port).anonymous().get("/api/v1/me/oncall").status()).isEqualTo(401);

        // the pages say the same
        WebSession anaWeb = WebSession.signedIn(port, ana.email(), PASSWORD);
        var page = anaWeb.get("/me/oncall?month=2026-10");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You were woken 2 times in October 2026. About 2 a month is healthy.");
        var teamPage = anaWeb.get("/teams/" + teamId + "/oncall?month=2026-10");
        assertThat(teamPage.statusCode()).isEqualTo(200);
        assertThat(teamPage.body()).contains("The team was interrupted 7 times in October 2026: 2 in business "
            + "hours, 2 in off hours and 3 in sleep hours.");
        assertThat(anaWeb.get("/teams/" + teamId).body()).contains("/teams/" + teamId + "/oncall");
        assertThat(WebSession.signedIn(port, cy.email(), PASSWORD).get("/teams/" + teamId + "/oncall").statusCode())
            .isEqualTo(404);
    }
}
