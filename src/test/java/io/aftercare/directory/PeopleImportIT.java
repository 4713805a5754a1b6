package io.aftercare.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

@AftercareIT
class PeopleImportIT {

    static final String HEADER = "name,email,timeZone,quietStart,quietEnd,weekendDays,teams,lead,manager,roles,"
        + "pagerduty,opsgenie,slack,incidentio\n";

    @LocalServerPort
    int port;

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    TestApi.Response importCsv(TestApi api, String csv) {
        return api.send("POST", "/api/v1/people/import", csv, "text/csv");
    }

    static String tag() {
        return "imp" + UUID.randomUUID().toString().substring(0, 8);
    }

    String teamId(String name) {
        List<Map<String, Object>> teams = admin().get("/api/v1/teams?size=500").json("$.items");
        return teams.stream().filter(t -> t.get("name").equals(name)).map(t -> (String) t.get("id")).findFirst()
            .orElse(null);
    }

    @Test
    void aGoodFileImportsEveryoneWithTheirTeamsLeadsManagersAndRoles() {
        String t = tag();
        String existing = "Existing " + t;
        String existingId = admin().post("/api/v1/teams", Map.of("name", existing)).json("$.id");
        String csv = HEADER
            + "Sam " + t + "," + t + "-sam@example.com,Europe/London,22:00,07:00,SATURDAY;SUNDAY,New " + t + ",yes,,LEAD,"
            + "P" + t + ",,U" + t + ",\n"
            + "\"Lima, Ana " + t + "\"," + t + "-ana@example.com,America/Sao_Paulo,,,FRIDAY;saturday,New " + t + ";"
            + existing.toUpperCase() + ",," + t + "-SAM@example.com,SUPPORTER;coordinator,,OG" + t + ",,IO" + t + "\n"
            + "\n"
            + "Bo " + t + "," + t + "-bo@example.com,,,,,,no,,,,,,\n";

        var r = importCsv(admin(), csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.<Integer>json("$.imported")).isEqualTo(3);
        assertThat((List<String>) r.json("$.teamsCreated")).containsExactly("New " + t);
        var people = admin().get("/api/v1/people?q=" + t);
        assertThat(people.<Integer>json("$.total")).isEqualTo(3);
        String newTeam = teamId("New " + t);
        var sam = admin().get("/api/v1/people?q=" + t + "-sam").json("$.items[0]");
        Map<String, Object> samMap = (Map<String, Object>) sam;
        assertThat(samMap.get("timeZone")).isEqualTo("Europe/London");
        assertThat((List<String>) samMap.get("roles")).containsExactlyInAnyOrder("RESPONDER", "LEAD");
        assertThat((Map<String, String>) samMap.get("externalIdentities")).containsEntry("pagerduty", "P" + t)
            .containsEntry("slack", "U" + t);
        Map<String, Object> ana = admin().get("/api/v1/people?q=" + t + "-ana").json("$.items[0]");
        assertThat(ana.get("name")).isEqualTo("Lima, Ana " + t);
        assertThat(ana.get("managerId")).isEqualTo(samMap.get("id"));
        assertThat((List<String>) ana.get("weekendDays")).containsExactly("FRIDAY", "SATURDAY");
        assertThat((List<String>) ana.get("teams")).containsExactlyInAnyOrder(newTeam, existingId);
        assertThat((List<String>) ana.get("roles")).containsExactlyInAnyOrder("RESPONDER", "SUPPORTER", "COORDINATOR");
        var team = admin().get("/api/v1/teams/" + newTeam);
        assertThat((List<String>) team.json("$.leads")).containsExactly((String) samMap.get("id"));
        assertThat((List<String>) team.json("$.members")).hasSize(2);
    }

    @Test
    void aFileWithTwoBadRowsImportsNothingAndReportsBothLines() {
        String t = tag();
        String csv = HEADER
            + "Good " + t + "," + t + "-good@example.com,UTC,,,,Team " + t + ",,,,,,,\n"
            + "Bad zone " + t + "," + t + "-zone@example.com,Mars/Olympus,,,,Team " + t + ",,,,,,,\n"
            + "Also good " + t + "," + t + "-also@example.com,,,,,,,,,,,,\n"
            + "Twice " + t + "," + t.toUpperCase() + "-GOOD@example.com,,,,,,,,,,,,\n";

        var r = importCsv(admin(), csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Content-Type")).hasValueSatisfying(c -> assertThat(c).contains("problem+json"));
        assertThat((List<Integer>) r.json("$.errors[*].line")).containsExactly(3, 5);
        assertThat(r.<String>json("$.errors[0].message")).contains("timeZone");
        assertThat(r.<String>json("$.errors[1].message")).contains("line 2");
        assertThat(admin().get("/api/v1/people?q=" + t).<Integer>json("$.total")).isZero();
        assertThat(teamId("Team " + t)).isNull();
    }

    @Test
    void everyKindOfProblemIsReportedWithItsLine() {
        String t = tag();
        String existing = t + "-exists@example.com";
        admin().post("/api/v1/people", Map.of("name", "Exists", "email", existing));
        String csv = HEADER
            + "," + t + "-noname@example.com,,,,,,,,,,,,\n"
            + "Taken " + t + "," + existing.toUpperCase() + ",,,,,,,,,,,,\n"
            + "Hours " + t + "," + t + "-hours@example.com,,9pm,,FUNDAY,,maybe,,KING,,,,\n"
            + "Boss " + t + "," + t + "-boss@example.com,,,,,,,nobody-" + t + "@example.com,,,,,\n"
            + "Lead " + t + "," + t + "-lead@example.com,,,,,,yes,,,,,,\n";

        var r = importCsv(admin(), csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat((List<Integer>) r.json("$.errors[*].line")).contains(2, 3, 4, 5, 6).doesNotContain(1);
        assertThat(admin().get("/api/v1/people?q=" + t).<Integer>json("$.total")).isEqualTo(1);
    }

    @Test
    void aFileWithUnknownColumnsOrNoRowsIsRejected() {
        var unknown = importCsv(admin(), "name,email,shoeSize\nA,a-" + tag() + "@example.com,42\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat((List<Integer>) unknown.json("$.errors[*].line")).containsExactly(1);
        assertThat(importCsv(admin(), "name,email\n").status()).isEqualTo(400);
        assertThat(importCsv(admin(), "").status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsImport() {
        String email = tag() + "@example.com";
        admin().post("/api/v1/people", Map.of("name", "Not admin", "email", email, "password", "not-admin-password"));
        var r = importCsv(TestApi.at(port).basic(email, "not-admin-password"),
            "name,email\nX," + tag() + "@example.com\n");
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void theImportPageListsEveryBadLineAndImportsAGoodFile() {
        String t = tag();
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(browser.get("/people/import").statusCode()).isEqualTo(200);

        var bad = browser.upload("/people/import", "people.csv", "name,email\n,missing-name@example.com\n"
            + "Fine " + t + "," + t + "@example.com\nNo mail " + t + ",\n");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Line 2:").contains("Line 4:").doesNotContain("Line 3:");
        assertThat(admin().get("/api/v1/people?q=" + t).<Integer>json("$.total")).isZero();

        var good = browser.upload("/people/import", "people.csv", "name,email\nFine " + t + "," + t
            + "@example.com\n");
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(browser.get("/people/import").body()).contains("One person was imported");
        assertThat(admin().get("/api/v1/people?q=" + t).<Integer>json("$.total")).isEqualTo(1);
    }
}
