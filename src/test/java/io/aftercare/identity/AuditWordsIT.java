package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.care.rules.ProgrammeRules;
import io.aftercare.care.rules.TriggerRules;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The admin's audit page says what was done to teams, rotations, integrations and the programme's settings in
 * words: names rather than ids, settings as their pages say them rather than as they are stored. The API keeps the
 * stored codes, ids and details.
 */
@AftercareIT
class AuditWordsIT {

    static final String PASSWORD = "audit-words-password";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    ProgrammeRules rules;

    @AfterEach
    void backToTheDefaults() {
        rules.update(TriggerRules.DEFAULTS, null);
    }

    /** The page's row that contains {@code marker}, from its {@code <tr>} to its {@code </tr>}. */
    private static String row(String body, String marker) {
        int at = body.indexOf(marker);
        assertThat(at).as("a row with " + marker).isPositive();
        return body.substring(body.lastIndexOf("<tr>", at), body.indexOf("</tr>", at));
    }

    @Test
    void teamsAndRotationsByNameAndMembersByName() {
        String t = UUID.randomUUID().toString().substring(0, 8);
        UUID ana = people.create(NewPerson.of("Ana Harbour " + t, "ana-" + t + "@example.com", "UTC",
            Set.of(Role.RESPONDER), PASSWORD), null).id();
        TestApi api = TestApi.at(port).asAdmin();
        String team = api.post("/api/v1/teams", Map.of("name", "Harbour " + t)).json("$.id");
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(admin.get("/teams/" + team).statusCode()).isEqualTo(200);
        assertThat(admin.post("/teams/" + team + "/members", Map.of("personId", ana.toString())).statusCode())
            .isEqualTo(302);
        assertThat(admin.post("/teams/" + team + "/members/" + ana + "/remove", Map.of()).statusCode())
            .isEqualTo(302);
        String rotation = api.post("/api/v1/teams/" + team + "/rotations", Map.of("name", "Night watch " + t,
            "members", List.of(ana.toString()), "shiftLength", "PT24H", "handoffTime", "09:00", "timeZone", "UTC",
            "startsOn", "2026-01-05")).json("$.id");
        assertThat(api.delete("/api/v1/teams/" + team + "/rotations/" + rotation).status()).isEqualTo(204);

        String changed = admin.get("/admin/audit?action=TEAM_CHANGED").body();
        assertThat(row(changed, "Added Ana Harbour " + t)).contains("<td>Harbour " + t + "</td>");
        assertThat(row(changed, "Removed Ana Harbour " + t)).contains("<td>Harbour " + t + "</td>");
        assertThat(changed).doesNotContain(ana.toString(), "person:");
        // a rotation deleted since: the name its entry kept
        assertThat(admin.get("/admin/audit?action=ROTATION_DELETED").body())
            .contains("<td>Night watch " + t + "</td>").doesNotContain(rotation);
        // while it was there, its name and its team's
        assertThat(admin.get("/admin/audit?action=ROTATION_CREATED").body())
            .contains("Night watch " + t).doesNotContain("rotation:" + rotation);

        // the API keeps what was stored
        var stored = api.get("/api/v1/audit?action=TEAM_CHANGED");
        assertThat(stored.<List<String>>json("$.items[*].detail")).contains("added person:" + ana);
    }

    @Test
    void theProgrammesSettingsAsTheirPagesSayThem() {
        var coordinator = TestApi.at(port).asAdmin();
        assertThat(coordinator.put("/api/v1/programme/rules", Map.of("severityOn", true, "maxSeverity", 2,
            "durationOn", false, "minDurationMinutes", 90, "sleepOn", true, "sleepStart", "23:00", "sleepEnd", "07:00",
            "commanderOn", false)).status()).isEqualTo(200);
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        admin.get("/programme/support");
        assertThat(admin.post("/programme/support/settings", Map.of("excludeSameTeam", "true",
            "offerMinStress", "4", "offerMinRumination", "3.5")).statusCode()).isEqualTo(302);

        String rulesPage = admin.get("/admin/audit?action=care.rules.changed").body();
        assertThat(rulesPage).contains("<td>Check-in rules</td>",
            "A check-in is offered when the incident was SEV2 or more severe, the person was paged between 23:00 and "
                + "07:00 in their own time zone.")
            .doesNotContain("TriggerRules[", "severityOn");
        String supportPage = admin.get("/admin/audit?action=support.settings.changed").body();
        assertThat(supportPage).contains("Never pairs people in the same team. Offers a supporter from stress 4, or "
            + "from a day-1 rumination mean of 3.5.").doesNotContain("Settings[", "offerMinStress");
    }

    @Test
    void integrationsByNameWithTheirToolAndHowLongAReplacedSecretKeptWorking() {
        String name = "Harbour alerts " + UUID.randomUUID().toString().substring(0, 8);
        TestApi api = TestApi.at(port).asAdmin();
        String id = api.post("/api/v1/integrations", Map.of("type", "alertmanager", "name", name)).json("$.id");
        assertThat(api.post("/api/v1/integrations/" + id + "/secret", Map.of()).status()).isEqualTo(200);
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        String rotated = admin.get("/admin/audit?action=intake.integration.secret-rotated").body();
        assertThat(row(rotated, "<td>" + name + "</td>"))
            .contains("The previous secret is accepted for 24 hours after the change.");
        assertThat(api.delete("/api/v1/integrations/" + id).status()).isEqualTo(204);

        // removed since: the name its entries kept, and its tool
        String created = admin.get("/admin/audit?action=intake.integration.created").body();
        assertThat(row(created, "<td>" + name + "</td>")).contains("<td>Prometheus Alertmanager</td>");
        String deleted = admin.get("/admin/audit?action=intake.integration.deleted").body();
        assertThat(row(deleted, "<td>" + name + "</td>")).contains("<td>Prometheus Alertmanager</td>");
        assertThat(created + deleted + rotated).doesNotContain(id, "alertmanager " + name);
    }
}
