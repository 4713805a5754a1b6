package io.aftercare.insights.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The end-of-shift question on a real database: off by default, turned on by the team's lead, asked once per ended
 * shift (even when two runs race), answered by the person alone in one tap, in their inbox, in their export, gone
 * with their erasure.
 */
@AftercareIT
class EndOfShiftIT {

    static final String PASSWORD = "end-of-shift-password-1";

    @LocalServerPort
    int port;

    @Autowired
    EndOfShift endOfShift;

    @Autowired
    JdbcClient jdbc;

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    record Person(String id, String email) {
    }

    Person person(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@shift.test";
        var r = admin().post("/api/v1/people", new HashMap<>(Map.of("name", name, "email", email,
            "password", PASSWORD)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Person(r.json("$.id"), email);
    }

    TestApi as(Person p) {
        return TestApi.at(port).basic(p.email(), PASSWORD);
    }

    long questions(Person p) {
        return jdbc.sql("SELECT COUNT(*) FROM oncall_effort WHERE person_id = ?").param(UUID.fromString(p.id()))
            .query(Long.class).single();
    }

    @Test
    void theLeadTurnsItOnEachEndedShiftIsAskedOnceAndOnlyThePersonAnswers() throws Exception {
        Person ana = person("Ana");
        Person bo = person("Bo");
        Person lead = person("Lee");
        String teamId = admin().post("/api/v1/teams", Map.of("name", "Shift " + UUID.randomUUID(),
            "leads", List.of(lead.id()), "members", List.of(ana.id(), bo.id(), lead.id()))).json("$.id");
        // hourly turns, Ana and Bo, since yesterday: a shift ends every hour on the hour
        var rotation = admin().post("/api/v1/teams/" + teamId + "/rotations", Map.of("name", "Primary",
            "members", List.of(ana.id(), bo.id()), "shiftLength", "PT1H", "handoffTime", "00:00",
            "timeZone", "UTC", "startsOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(201);
        Instant later = Instant.now().plus(Duration.ofHours(5));

        // off by default: nothing is asked
        assertThat((Boolean) as(lead).get("/api/v1/teams/" + teamId + "/oncall-question").json("$.enabled"))
            .isFalse();
        assertThat(endOfShift.askAboutEndedShifts(later)).isZero();
        assertThat(questions(ana) + questions(bo)).isZero();

        // only the team's lead (or an admin) turns it on
        assertThat(as(ana).put("/api/v1/teams/" + teamId + "/oncall-question", Map.of("enabled", true)).status())
            .isEqualTo(403);
        var on = as(lead).put("/api/v1/teams/" + teamId + "/oncall-question", Map.of("enabled", true));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat((Boolean) on.json("$.enabled")).isTrue();

        // five hours on, two runs at once (as two instances would): the five shifts that ended are asked once each
        var first = CompletableFuture.supplyAsync(() -> endOfShift.askAboutEndedShifts(later));
        var second = CompletableFuture.supplyAsync(() -> endOfShift.askAboutEndedShifts(later));
        int asked;
        try {
            asked = first.get() + second.get();
        } catch (java.util.concurrent.ExecutionException e) {
            // a run that lost the race on the unique key may fail as a whole; the winner asked them all
            asked = (int) (questions(ana) + questions(bo));
        }
        // (the scheduled run may have asked about a shift that ended meanwhile; none is asked twice)
        assertThat(asked).isLessThanOrEqualTo(5);
        assertThat(endOfShift.askAboutEndedShifts(later)).isZero();
        assertThat(questions(ana) + questions(bo)).isEqualTo(5);
        assertThat(questions(ana)).isBetween(2L, 3L);

        // Ana's questions are hers: listed for her, answered by her in one tap; Bo cannot answer them
        List<String> ids = as(ana).get("/api/v1/me/oncall/effort").json("$[*].id");
        assertThat(ids).hasSize((int) questions(ana));
        assertThat(as(bo).get("/api/v1/me/oncall/effort").body()).doesNotContain(ids.get(0));
        assertThat(as(bo).post("/api/v1/me/oncall/effort/" + ids.get(0), Map.of("effort", 2)).status())
            .isEqualTo(404);
        var wrong = as(ana).post("/api/v1/me/oncall/effort/" + ids.get(0), Map.of("effort", 7));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat((String) wrong.json("$.errors[0].field")).isEqualTo("effort");
        var answered = as(ana).post("/api/v1/me/oncall/effort/" + ids.get(0), Map.of("effort", 4));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat((Integer) answered.json("$.effort")).isEqualTo(4);

        // she was told in her inbox, with the question's words and none of an answer
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND kind = 'ONCALL_EFFORT' AND channel = 'INBOX'""")
            .param(UUID.fromString(ana.id())).query(Long.class).single() == questions(ana));

        // on her page: one tap answers the next question, and her answers are her own trend
        WebSession web = WebSession.signedIn(port, ana.email(), PASSWORD);
        var page = web.get("/me/oncall");
        assertThat(page.body()).contains("How much mental and emotional effort did this shift take?",
            "How your shifts felt", "<td>A lot</td>");
        var tapped = web.follow(web.post("/me/oncall/effort/" + ids.get(1), Map.of("effort", "1")));
        assertThat(tapped.body()).contains("Thank you. Your answer is saved.", "<td>None</td>");
        var bos = WebSession.signedIn(port, bo.email(), PASSWORD).get("/me/oncall").body();
        assertThat(bos).contains("How much mental and emotional effort did this shift take?")
            .doesNotContain("How your shifts felt", "<td>A lot</td>");

        // her export has her answers; her erasure takes them
        var export = as(ana).get("/api/v1/me/export");
        assertThat((List<Integer>) export.json("$.endOfShiftEffort[*].effort")).contains(4, 1);
        assertThat(admin().delete("/api/v1/people/" + ana.id()).status()).isLessThan(300);
        assertThat(questions(ana)).isZero();
        assertThat(questions(bo)).isGreaterThan(0);
    }

    @Test
    void whoeverOptedOutOfCareOrIsInNoTeamOfTheRotationIsNotAsked() {
        Person ana = person("Ana");
        Person dee = person("Dee");
        Person cy = person("Cy");
        Person lead = person("Lee");
        String teamId = admin().post("/api/v1/teams", Map.of("name", "Shift " + UUID.randomUUID(),
            "leads", List.of(lead.id()), "members", List.of(ana.id(), dee.id(), lead.id()))).json("$.id");
        // Cy takes turns on the team's rotation but is in no team at all
        var rotation = admin().post("/api/v1/teams/" + teamId + "/rotations", Map.of("name", "Primary",
            "members", List.of(ana.id(), dee.id(), cy.id()), "shiftLength", "PT1H", "handoffTime", "00:00",
            "timeZone", "UTC", "startsOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(201);
        // Dee opted out of care check-ins
        var out = as(dee).post("/api/v1/me/opt-out", Map.of("optOut", true));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(as(lead).put("/api/v1/teams/" + teamId + "/oncall-question", Map.of("enabled", true)).status())
            .isEqualTo(200);

        // six hours of hourly turns: two shifts each ended, only Ana's are asked
        endOfShift.askAboutEndedShifts(Instant.now().plus(Duration.ofHours(6)));
        assertThat(questions(ana)).isGreaterThanOrEqualTo(1);
        assertThat(questions(dee)).isZero();
        assertThat(questions(cy)).isZero();
        assertThat(as(dee).get("/api/v1/me/oncall/effort").body()).isEqualTo("[]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE person_id IN (?, ?) AND kind = 'ONCALL_EFFORT'")
            .params(UUID.fromString(dee.id()), UUID.fromString(cy.id())).query(Long.class).single()).isZero();

        // opted back in, Dee is asked again
        as(dee).post("/api/v1/me/opt-out", Map.of("optOut", false));
        endOfShift.askAboutEndedShifts(Instant.now().plus(Duration.ofHours(9)));
        assertThat(questions(dee)).isGreaterThanOrEqualTo(1);
        assertThat(questions(cy)).isZero();
    }
}
