package io.aftercare.recovery.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * A plan shared with the lead: only when the person chooses, only the plan, only the leads of the shift's team, only
 * while it is shared and the shift has not ended. A plan not shared leaves everything a lead (or the colleague it
 * names) can see byte for byte as it was.
 */
@AftercareIT
class SharedPlansIT {

    static final String PASSWORD = "shared-plans-password-123";
    static final String NOTICE = "A plan for a coming on-call shift was shared with you";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Person(String id, String email) {
    }

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Person person(String name) {
        String email = unique(name.toLowerCase()) + "@shared-plans.test";
        var r = admin().post("/api/v1/people", new HashMap<>(Map.of("name", name, "email", email,
            "password", PASSWORD)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Person(r.json("$.id"), email);
    }

    TestApi as(Person p) {
        return TestApi.at(port).basic(p.email(), PASSWORD);
    }

    /** A team led by {@code lead} whose daily rotation has Ana then Sam from the day after tomorrow. */
    String team(Person lead, Person ana, Person sam) {
        var team = admin().post("/api/v1/teams", Map.of("name", unique("Payments"), "leads", List.of(lead.id()),
            "members", List.of(ana.id(), sam.id())));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        String teamId = team.json("$.id");
        LocalDate startsOn = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2);
        assertThat(admin().post("/api/v1/teams/" + teamId + "/rotations", Map.of("name", "Primary",
            "members", List.of(ana.id(), sam.id()), "shiftLength", "PT24H", "handoffTime", "09:00",
            "timeZone", "Europe/Berlin", "startsOn", startsOn.toString())).status()).isEqualTo(201);
        return teamId;
    }

    /** Everything the lead and the named colleague can see that a plan could touch, CSRF tokens aside. */
    record Seen(String api, String page, String leadInbox, String leadInboxPage, String teamCare, String leadMe,
                String samInbox, String samPlans) {
    }

    Seen seen(Person lead, Person sam, WebSession leadWeb, String teamId) {
        return new Seen(as(lead).get("/api/v1/teams/" + teamId + "/shared-plans").body(),
            noCsrf(leadWeb.get("/teams/" + teamId + "/plans").body()),
            as(lead).get("/api/v1/me/inbox").body(),
            noCsrf(leadWeb.get("/inbox").body()),
            noCsrf(leadWeb.get("/teams/" + teamId + "/care").body()),
            noCsrf(leadWeb.get("/me").body()),
            as(sam).get("/api/v1/me/inbox").body(),
            as(sam).get("/api/v1/me/plans").body());
    }

    static String noCsrf(String html) {
        return html.replaceAll("(_csrf\"\\s+(value|content)=\")[^\"]*", "$1");
    }

    @Test
    void aPlanNotSharedLeavesEveryAnswerALeadOrTheColleagueSeesByteIdentical() {
        Person ana = person("Ana");
        Person lead = person("Lee");
        Person sam = person("Sam");
        String teamId = team(lead, ana, sam);
        WebSession leadWeb = WebSession.signedIn(port, lead.email(), PASSWORD);
        Seen before = seen(lead, sam, leadWeb, teamId);
        assertThat(before.page()).contains("No plans are shared with you for coming shifts.");

        // a plan through the API, not shared (the default) ...
        String shift = as(ana).get("/api/v1/me/plans").json("$.comingShifts[0].startsAt");
        var created = as(ana).post("/api/v1/me/plans", Map.of("shiftStartsAt", shift, "kind", "PAIR",
            "colleagueId", sam.id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat((Boolean) created.json("$.shared")).isFalse();
        // ... changed, and another through the page with the box left unticked
        assertThat(as(ana).put("/api/v1/me/plans/" + created.json("$.id"), Map.of("kind", "SHADOW",
            "colleagueId", sam.id())).status()).isEqualTo(200);
        String second = as(ana).get("/api/v1/me/plans").json("$.comingShifts[1].startsAt");
        WebSession anaWeb = WebSession.signedIn(port, ana.email(), PASSWORD);
        anaWeb.get("/me/recovery/plans");
        assertThat(anaWeb.post("/me/recovery/plans", Map.of("shiftStartsAt", second, "kind", "SWAP")).statusCode())
            .isEqualTo(302);
        assertThat(anaWeb.get("/me/recovery/plans").body()).contains("Only you can see this plan.");

        // give any notice time to arrive, then: nothing differs for the lead or for Sam
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertThat(seen(lead, sam, leadWeb, teamId)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE idempotency_key LIKE 'plan-shared:%' "
            + "AND person_id = ?").param(UUID.fromString(lead.id())).query(Long.class).single()).isZero();
    }

    @Test
    void aSharedPlanReachesTheLeadOnlyAndGoesWhenUnsharedDeletedOrItsShiftHasEnded() {
        Person ana = person("Ana");
        Person lead = person("Lee");
        Person sam = person("Sam");
        Person otherLead = person("Ola");
        String teamId = team(lead, ana, sam);
        var otherTeam = admin().post("/api/v1/teams", Map.of("name", unique("Search"),
            "leads", List.of(otherLead.id()), "members", List.of(ana.id())));
        assertThat(otherTeam.status()).isEqualTo(201);
        WebSession leadWeb = WebSession.signedIn(port, lead.email(), PASSWORD);
        Seen before = seen(lead, sam, leadWeb, teamId);

        String shift = as(ana).get("/api/v1/me/plans").json("$.comingShifts[0].startsAt");
        var created = as(ana).post("/api/v1/me/plans", Map.of("shiftStartsAt", shift, "kind", "PAIR",
            "colleagueId", sam.id(), "shared", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String plan = created.json("$.id");
        assertThat((Boolean) created.json("$.shared")).isTrue();

        // the lead sees who, what and which shift; in the API and on the page; and is told, in their inbox
        var shared = as(lead).get("/api/v1/teams/" + teamId + "/shared-plans");
        assertThat(shared.status()).isEqualTo(200);
        assertThat((String) shared.json("$.plans[0].personName")).isEqualTo("Ana");
        assertThat((String) shared.json("$.plans[0].kind")).isEqualTo("PAIR");
        assertThat((String) shared.json("$.plans[0].colleagueName")).isEqualTo("Sam");
        assertThat((String) shared.json("$.plans[0].shiftStartsAt")).isEqualTo(shift);
        assertThat(leadWeb.get("/teams/" + teamId + "/plans").body())
            .contains("Ana plans to pair with Sam on this shift.");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(as(lead).get("/api/v1/me/inbox").body()).contains(NOTICE, "/teams/" + teamId + "/plans"));
        // the notice names nobody and nothing of the plan
        assertThat(as(lead).get("/api/v1/me/inbox").body()).doesNotContain("Ana", "Sam", "pair");

        // nobody else: not the colleague named, not a lead of another team of Ana's, not an admin
        assertThat(as(sam).get("/api/v1/me/inbox").body()).doesNotContain(NOTICE);
        assertThat(as(otherLead).get("/api/v1/me/inbox").body()).doesNotContain(NOTICE);
        assertThat(as(otherLead).get("/api/v1/teams/" + teamId + "/shared-plans").status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/teams/" + teamId + "/shared-plans").status()).isEqualTo(403);
        assertThat(as(sam).get("/api/v1/teams/" + teamId + "/shared-plans").status()).isEqualTo(403);
        // Ana's export says it is shared, and since when
        assertThat(as(ana).get("/api/v1/me/export").body()).contains("recoveryPlans", "\"shared\":true", "sharedAt");

        // unshared: the page and the API are as before, and the notice is taken back
        assertThat(as(ana).put("/api/v1/me/plans/" + plan, Map.of("kind", "PAIR", "colleagueId", sam.id(),
            "shared", false)).status()).isEqualTo(200);
        assertThat(as(lead).get("/api/v1/teams/" + teamId + "/shared-plans").body()).isEqualTo(before.api());
        assertThat(noCsrf(leadWeb.get("/teams/" + teamId + "/plans").body())).isEqualTo(before.page());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(as(lead).get("/api/v1/me/inbox").body()).doesNotContain(NOTICE));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE idempotency_key LIKE ? AND status = 'PENDING'")
            .param("plan-shared:" + plan + ":%").query(Long.class).single()).isZero();

        // shared again through the page's box, then deleted: gone again
        WebSession anaWeb = WebSession.signedIn(port, ana.email(), PASSWORD);
        anaWeb.get("/me/recovery/plans");
        assertThat(anaWeb.post("/me/recovery/plans/" + plan, Map.of("kind", "AS_NORMAL", "shared", "true"))
            .statusCode()).isEqualTo(302);
        assertThat(anaWeb.get("/me/recovery/plans").body()).contains("Shared with the leads of");
        assertThat(leadWeb.get("/teams/" + teamId + "/plans").body()).contains("Ana plans to go as normal on this shift.");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(as(lead).get("/api/v1/me/inbox").body()).contains(NOTICE));
        assertThat(as(ana).delete("/api/v1/me/plans/" + plan).status()).isEqualTo(204);
        assertThat(as(lead).get("/api/v1/teams/" + teamId + "/shared-plans").body()).isEqualTo(before.api());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(as(lead).get("/api/v1/me/inbox").body()).doesNotContain(NOTICE));

        // a shared plan whose shift has ended is no longer shown
        var again = as(ana).post("/api/v1/me/plans", Map.of("shiftStartsAt", shift, "kind", "SWAP", "shared", true));
        assertThat(again.status()).isEqualTo(201);
        assertThat((List<?>) as(lead).get("/api/v1/teams/" + teamId + "/shared-plans").json("$.plans")).hasSize(1);
        jdbc.sql("UPDATE recovery_plan SET shift_starts_at = ?, shift_ends_at = ? WHERE id = ?")
            .params(DbTime.toDb(Instant.now().minus(Duration.ofDays(2))),
                DbTime.toDb(Instant.now().minus(Duration.ofDays(1))), UUID.fromString(again.json("$.id")))
            .update();
        assertThat(as(lead).get("/api/v1/teams/" + teamId + "/shared-plans").body()).isEqualTo(before.api());
    }

    @Test
    void erasureTakesASharedPlanAndItsNoticeAway() {
        Person ana = person("Ana");
        Person lead = person("Lee");
        Person sam = person("Sam");
        String teamId = team(lead, ana, sam);
        String shift = as(ana).get("/api/v1/me/plans").json("$.comingShifts[0].startsAt");
        assertThat(as(ana).post("/api/v1/me/plans", Map.of("shiftStartsAt", shift, "kind", "SHADOW",
            "shared", true)).status()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(as(lead).get("/api/v1/me/inbox").body()).contains(NOTICE));

        var erased = as(ana).send("DELETE", "/api/v1/me", TestApi.json(Map.of("confirmation", ana.email())),
            "application/json");
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat((List<?>) as(lead).get("/api/v1/teams/" + teamId + "/shared-plans").json("$.plans")).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(as(lead).get("/api/v1/me/inbox").body()).doesNotContain(NOTICE));
    }
}
