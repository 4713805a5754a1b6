package io.aftercare.recovery.plans;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Back on the horse through the API and the page: a person plans a coming shift of theirs, changes and deletes the
 * plan; their lead, a colleague and an admin get 404 on it and never see it; it is in the person's export.
 */
@AftercareIT
class PlansIT {

    static final String PASSWORD = "plans-password-123";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    PlanReminders reminders;

    @org.springframework.beans.factory.annotation.Autowired
    io.aftercare.directory.Directory directory;

    record Person(String id, String email) {
    }

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Person person(String name) {
        String email = unique(name.toLowerCase()) + "@plans.test";
        var r = admin().post("/api/v1/people", new HashMap<>(Map.of("name", name, "email", email,
            "password", PASSWORD)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Person(r.json("$.id"), email);
    }

    TestApi as(Person p) {
        return TestApi.at(port).basic(p.email(), PASSWORD);
    }

    @Test
    void aPersonPlansChangesAndDeletesAndNobodyElseReachesThePlan() {
        Person ana = person("Ana");
        Person lead = person("Lee");
        Person sam = person("Sam");
        var team = admin().post("/api/v1/teams", Map.of("name", unique("Payments"), "leads", List.of(lead.id()),
            "members", List.of(ana.id(), sam.id())));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        String teamId = team.json("$.id");

        // no rotation yet: nothing to plan for
        assertThat((List<?>) as(ana).get("/api/v1/me/plans").json("$.comingShifts")).isEmpty();

        // daily turns Ana, Sam from the day after tomorrow
        LocalDate startsOn = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2);
        assertThat(admin().post("/api/v1/teams/" + teamId + "/rotations", Map.of("name", "Primary",
            "members", List.of(ana.id(), sam.id()), "shiftLength", "PT24H", "handoffTime", "09:00",
            "timeZone", "Europe/Berlin", "startsOn", startsOn.toString())).status()).isEqualTo(201);
        var listed = as(ana).get("/api/v1/me/plans");
        String shiftStart = listed.json("$.comingShifts[0].startsAt");
        assertThat(shiftStart).isEqualTo(startsOn.atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant()
            .toString());
        // Sam's first shift is the day after Ana's: not Ana's to plan
        String samsShift = as(sam).get("/api/v1/me/plans").json("$.comingShifts[0].startsAt");

        var created = as(ana).post("/api/v1/me/plans", Map.of("shiftStartsAt", shiftStart, "kind", "PAIR",
            "colleagueId", sam.id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String plan = created.json("$.id");
        assertThat((String) created.json("$.colleagueName")).isEqualTo("Sam");
        assertThat((String) created.json("$.kind")).isEqualTo("PAIR");

        // one plan per shift; a wrong kind or someone else's shift are named
        assertThat(as(ana).post("/api/v1/me/plans", Map.of("shiftStartsAt", shiftStart, "kind", "SWAP")).status())
            .isEqualTo(409);
        var badKind = as(ana).post("/api/v1/me/plans", Map.of("shiftStartsAt", shiftStart, "kind", "HIDE"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat((String) badKind.json("$.errors[0].field")).isEqualTo("kind");
        var notHers = as(ana).post("/api/v1/me/plans", Map.of("shiftStartsAt", samsShift, "kind", "SWAP"));
        assertThat(notHers.status()).isEqualTo(400);
        assertThat((String) notHers.json("$.errors[0].field")).isEqualTo("shiftStartsAt");

        // the page says it in words
        WebSession web = WebSession.signedIn(port, ana.email(), PASSWORD);
        assertThat(web.get("/me/recovery/plans").body()).contains("You plan to pair with Sam on this shift.");

        // the lead, a teammate and an admin: 404 on the plan, and it is in nobody's list but Ana's
        for (TestApi other : List.of(as(lead), as(sam), admin())) {
            var put = other.put("/api/v1/me/plans/" + plan, Map.of("kind", "SWAP"));
            assertThat(put.status()).as(put.toString()).isEqualTo(404);
            var delete = other.delete("/api/v1/me/plans/" + plan);
            assertThat(delete.status()).as(delete.toString()).isEqualTo(404);
            assertThat(other.get("/api/v1/me/plans").body()).doesNotContain(plan);
        }
        WebSession leadWeb = WebSession.signedIn(port, lead.email(), PASSWORD);
        assertThat(leadWeb.get("/me/recovery/plans").body()).doesNotContain("pair with Sam");
        assertThat(leadWeb.post("/me/recovery/plans/" + plan + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(leadWeb.post("/me/recovery/plans/" + plan, Map.of("kind", "SWAP")).statusCode()).isEqualTo(404);
        assertThat(leadWeb.get("/me/recovery/plans").body()).doesNotContain("pair with Sam");
        assertThat(TestApi.at(port).anonymous().get("/api/v1/me/plans").status()).isEqualTo(401);

        // in Ana's export
        assertThat(as(ana).get("/api/v1/me/export").body()).contains("recoveryPlans", plan);

        // changed: swapping needs nobody, so the colleague goes
        var changed = as(ana).put("/api/v1/me/plans/" + plan, Map.of("kind", "SWAP", "colleagueId", sam.id()));
        assertThat(changed.status()).isEqualTo(200);
        assertThat((String) changed.json("$.kind")).isEqualTo("SWAP");
        assertThat((Object) changed.json("$.colleagueId")).isNull();
        assertThat(web.get("/me/recovery/plans").body()).contains("You plan to swap this shift.");

        // a reminder the day before, outside quiet hours, was set when the plan was made; when it falls due it
        // reaches Ana's inbox, and nobody else's
        java.time.Instant remindAt = jdbc.sql("SELECT remind_at FROM recovery_plan WHERE id = ?")
            .param(UUID.fromString(plan)).query((rs, n) -> io.aftercare.shared.DbTime.instant(rs, "remind_at"))
            .list().get(0);
        // (what the day before allows depends on Ana's quiet hours and weekend days and on today: PlanReminderTest
        // covers the rule; here it is the rule that was applied)
        assertThat(java.util.Optional.ofNullable(remindAt)).isEqualTo(PlanReminder.at(
            java.time.Instant.parse(shiftStart), directory.person(UUID.fromString(ana.id())).orElseThrow().quietHours(),
            java.time.Instant.now()));
        jdbc.sql("UPDATE recovery_plan SET remind_at = ? WHERE id = ?")
            .params(io.aftercare.shared.DbTime.toDb(java.time.Instant.now().minusSeconds(60)), UUID.fromString(plan))
            .update();
        reminders.sendDue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(as(ana).get("/api/v1/me/inbox").body()).contains("Your shift tomorrow, and your plan for it"));
        assertThat(reminders.sendDue()).isZero();
        assertThat(as(lead).get("/api/v1/me/inbox").body()).doesNotContain("Your shift tomorrow");
        assertThat(as(sam).get("/api/v1/me/inbox").body()).doesNotContain("Your shift tomorrow");

        assertThat(as(ana).delete("/api/v1/me/plans/" + plan).status()).isEqualTo(204);
        assertThat(as(ana).delete("/api/v1/me/plans/" + plan).status()).isEqualTo(404);
        assertThat((List<?>) as(ana).get("/api/v1/me/plans").json("$.plans")).isEmpty();
    }
}
