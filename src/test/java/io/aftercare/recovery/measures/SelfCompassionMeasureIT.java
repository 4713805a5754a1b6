package io.aftercare.recovery.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The short self-compassion questionnaire: offered on My aftercare while the person has a case open and has not
 * answered, again a week and a month after their first answer; answered in the API and on the page with errors
 * inline; a sentence per construct from two answers and a chart per construct from three; nobody else ever sees
 * any of it, whatever their role or token; in the export, and gone with erasure.
 */
@AftercareIT
class SelfCompassionMeasureIT {

    static final String PASSWORD = "recovery-password-123";
    static final String CARD = "A short questionnaire about how kind you are being to yourself";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeasuresPersonalData personalData;

    final Map<String, UUID> createdIds = new java.util.HashMap<>();
    TestApi api;
    String ownerEmail;
    UUID ownerId;

    @BeforeEach
    void aPerson() {
        api = TestApi.at(port);
        ownerEmail = person("Owner");
        ownerId = createdIds.get(ownerEmail);
    }

    private TestApi owner() {
        return api.basic(ownerEmail, PASSWORD);
    }

    private String person(String name, Role... roles) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@recovery.test";
        Set<Role> all = new HashSet<>(Arrays.asList(roles));
        all.add(Role.RESPONDER);
        var created = people.create(new NewPerson(name, email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of(), null, all, List.of(), PASSWORD), null);
        createdIds.put(email, created.id());
        return email;
    }

    /** Moves every answer of the person back in time, as if they had been given that many days earlier. */
    private void daysPass(int days) {
        for (var row : jdbc.sql("SELECT id, answered_at FROM recovery_self_compassion WHERE person_id = ?")
                .param(ownerId).query((rs, n) -> new Object[] {rs.getObject("id", UUID.class),
                    DbTime.instant(rs, "answered_at")}).list()) {
            jdbc.sql("UPDATE recovery_self_compassion SET answered_at = ? WHERE id = ?")
                .params(DbTime.toDb(((Instant) row[1]).minus(Duration.ofDays(days))), row[0]).update();
        }
    }

    private TestApi.Response answer(Map<String, Object> items) {
        return owner().post("/api/v1/me/measures", Map.of("items", items));
    }

    @Test
    void beforeAWeekOnAndAMonthOnTheTrajectoryInWordsAndThenInCharts() {
        var first = owner().get("/api/v1/me/measures");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.<String>json("$.due")).isEqualTo("BEFORE");
        assertThat(first.<List<String>>json("$.statements[*].key")).containsExactly("kindness", "harshness",
            "othersToo", "onlyMe", "noticing", "sweptAway");
        assertThat(first.<List<Object>>json("$.answers")).isEmpty();

        var before = answer(Map.of("kindness", 2, "harshness", 4, "othersToo", 2, "onlyMe", 4, "noticing", 3,
            "sweptAway", 3));
        assertThat(before.status()).as(before.body()).isEqualTo(201);
        assertThat(before.<String>json("$.stage")).isEqualTo("BEFORE");
        // reversed statements count as 6 minus the answer: higher is kinder on every construct
        assertThat(before.<Double>json("$.scores.KINDNESS")).isEqualTo(2.0);
        assertThat(before.<Double>json("$.scores.COMMON_HUMANITY")).isEqualTo(2.0);
        assertThat(before.<Double>json("$.scores.PROPORTION")).isEqualTo(3.0);
        assertThat(owner().get("/api/v1/me/measures").<String>json("$.due")).isNull();

        daysPass(8);
        assertThat(owner().get("/api/v1/me/measures").<String>json("$.due")).isEqualTo("DAY_7");
        var week = answer(Map.of("kindness", 4, "harshness", 2, "othersToo", 2, "onlyMe", 4, "noticing", "2"));
        assertThat(week.<String>json("$.stage")).isEqualTo("DAY_7");
        var afterWeek = owner().get("/api/v1/me/measures");
        assertThat(afterWeek.<List<String>>json("$.sentences")).containsExactly(
            "Being kind to yourself has gone up since you started (higher is better).",
            "Remembering others have been here too has stayed about the same since you started (higher is better).",
            "Keeping it in proportion has come down since you started (higher is better). That happens; talking it "
                + "over with someone you trust can help.");
        var me = WebSession.signedIn(port, ownerEmail, PASSWORD);
        assertThat(me.get("/me/recovery/measures").body()).contains("Being kind to yourself has gone up since you started")
            .doesNotContain("<svg");

        daysPass(23);
        assertThat(owner().get("/api/v1/me/measures").<String>json("$.due")).isEqualTo("DAY_30");
        assertThat(answer(Map.of("kindness", 5, "harshness", 1, "othersToo", 3, "noticing", 4))
            .<String>json("$.stage")).isEqualTo("DAY_30");
        String page = me.get("/me/recovery/measures").body();
        assertThat(page).contains("id=\"measure-kindness\"").contains("id=\"measure-common-humanity\"")
            .contains("id=\"measure-proportion\"").contains("Being kind to yourself, from 1 to 5, higher is better: "
                + "Before, ");
        assertThat(owner().get("/api/v1/me/measures").<String>json("$.due")).isNull();
        // answering again at any other time is welcome, and counts as in between
        assertThat(answer(Map.of("noticing", 4)).<String>json("$.stage")).isEqualTo("EXTRA");
    }

    @Test
    void unansweredUnknownOrOutOfScaleStatementsAreRefusedAndThePageSaysSoInline() {
        assertThat(answer(Map.of()).status()).isEqualTo(400);
        var outOfScale = answer(Map.of("kindness", 6));
        assertThat(outOfScale.status()).isEqualTo(400);
        assertThat(outOfScale.body()).contains("items.kindness");
        assertThat(answer(Map.of("happiness", 3)).status()).isEqualTo(400);
        assertThat(owner().post("/api/v1/me/measures", "").status()).isEqualTo(400);
        assertThat(owner().get("/api/v1/me/measures").<List<Object>>json("$.answers")).isEmpty();

        var me = WebSession.signedIn(port, ownerEmail, PASSWORD);
        var form = me.get("/me/recovery/measures");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("How kind you are being to yourself").contains("Before you start")
            .contains("Right now, I remember that other engineers have been through incidents like this too.")
            .contains("not a diagnosis");
        var none = me.post("/me/recovery/measures", Map.of());
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("Please answer at least one statement, or choose Not now.");
        var saved = me.post("/me/recovery/measures", Map.of("kindness", "4", "onlyMe", "2"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(me.follow(saved).body()).contains("Thank you. Only you can see your answers.");
        assertThat(owner().get("/api/v1/me/measures").<List<Map<String, Integer>>>json("$.answers[*].items"))
            .containsExactly(Map.of("kindness", 4, "onlyMe", 2));
    }

    @Test
    void myAftercareOffersItWhileACaseIsOpenAndItIsDue() {
        var me = WebSession.signedIn(port, ownerEmail, PASSWORD);
        assertThat(me.get("/me").body()).as("no case, nothing to be kind to yourself about yet").doesNotContain(CARD);
        assertThat(owner().post("/api/v1/me/cases", Map.of()).status()).isEqualTo(201);
        assertThat(me.get("/me").body()).contains(CARD).contains("href=\"/me/recovery/measures\"");
        answer(Map.of("kindness", 3));
        assertThat(me.get("/me").body()).doesNotContain(CARD);
        daysPass(7);
        assertThat(me.get("/me").body()).contains(CARD).contains("A week since your first answer");
    }

    @Test
    void nobodyElseSeesAnyOfItAndItIsInTheExportAndGoneWithErasure() {
        String id = answer(Map.of("kindness", 1, "harshness", 5)).json("$.id");
        String other = person("Other");
        String lead = person("Lead", Role.LEAD);
        String coordinator = person("Coordinator", Role.COORDINATOR);
        String supporter = person("Supporter", Role.SUPPORTER);
        String admin = person("Admin", Role.ADMIN);
        String otherToken = api.basic(other, PASSWORD).post("/api/v1/tokens", Map.of("name", "bot")).json("$.token");
        List<TestApi> strangers = List.of(api.basic(other, PASSWORD), api.basic(lead, PASSWORD),
            api.basic(coordinator, PASSWORD), api.basic(supporter, PASSWORD), api.basic(admin, PASSWORD),
            api.bearer(otherToken), api.asAdmin());
        for (TestApi stranger : strangers) {
            var theirs = stranger.get("/api/v1/me/measures");
            assertThat(theirs.status()).isEqualTo(200);
            assertThat(theirs.<List<Object>>json("$.answers")).isEmpty();
            assertThat(theirs.<String>json("$.due")).isEqualTo("BEFORE");
            assertThat(theirs.body()).doesNotContain(id);
        }
        for (String email : List.of(other, lead, admin)) {
            String page = WebSession.signedIn(port, email, PASSWORD).get("/me/recovery/measures").body();
            assertThat(page).doesNotContain("since you started").contains("After two answers");
        }
        assertThat(owner().get("/api/v1/me/measures").<List<String>>json("$.answers[*].id")).containsExactly(id);

        var export = owner().get("/api/v1/me/export");
        assertThat(export.<List<String>>json("$.recoveryMeasures[*].id")).containsExactly(id);
        assertThat(export.<List<Integer>>json("$.recoveryMeasures[*].items.harshness")).containsExactly(5);
        personalData.erase(ownerId);
        assertThat(owner().get("/api/v1/me/measures").<List<Object>>json("$.answers")).isEmpty();
    }
}
