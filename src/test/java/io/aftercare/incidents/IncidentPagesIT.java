package io.aftercare.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import io.aftercare.care.rules.ProgrammeRules;
import io.aftercare.care.rules.TriggerRules;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/** The incident pages as a person without JavaScript uses them: forms, redirects, inline errors. */
@AftercareIT
class IncidentPagesIT {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProgrammeRules rules;

    BrowserSession browser;

    @BeforeEach
    void signIn() {
        browser = BrowserSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
    }

    private PersonRef person(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return people.create(NewPerson.of(name + " " + unique, name.toLowerCase() + "-" + unique + "@example.test",
            "UTC", Set.of(Role.RESPONDER), "a-password-of-12+"), null);
    }

    private static String text(String s) {
        return HtmlUtils.htmlEscape(s);
    }

    private String recordIncident(String title, PersonRef commander) {
        browser.get("/incidents/new");
        BrowserSession.Page created = browser.post("/incidents", Map.of("title", title, "severity", "SEV2",
            "service", "checkout", "teamId", "", "startedAt", OffsetDateTime.now(ZoneOffset.UTC)
                .minusHours(1).format(LOCAL), "url", "https://alerts.example.test/1",
            "responderId", commander == null ? "" : commander.id().toString(), "responderRole", "COMMANDER"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.location()).matches(".*/incidents/[0-9a-f-]{36}$");
        return created.location().substring(created.location().lastIndexOf('/') + 1);
    }

    @Test
    void theListOffersToRecordOne_andSaysWhenNothingMatches() {
        BrowserSession.Page list = browser.get("/incidents");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>Incidents</h1>", "href=\"/incidents/new\"", "Record an incident");
        assertThat(browser.get("/incidents/new").body()).contains("In your time zone (UTC).");

        UUID emptyTeam = UUID.randomUUID();
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, ?)")
            .params(emptyTeam, "Quiet " + emptyTeam, "quiet " + emptyTeam, OffsetDateTime.now(ZoneOffset.UTC))
            .update();
        BrowserSession.Page none = browser.get("/incidents?team=" + emptyTeam);
        assertThat(none.body()).contains("No incidents match these filters.", "Show all incidents");
    }

    @Test
    void recordingAnIncident_showsItWithItsFirstResponder() {
        PersonRef alex = person("Alex");
        String title = "Payments failing " + UUID.randomUUID().toString().substring(0, 6);
        String id = recordIncident(title, alex);

        BrowserSession.Page page = browser.get("/incidents/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(text(title), "The incident is recorded.", text(alex.name()),
            "Incident commander", "Not yet acknowledged", "checkout", "https://alerts.example.test/1",
            "Mark acknowledged", "Resolve incident", text(alex.name()) + " joined as Incident commander");

        BrowserSession.Page again = browser.get("/incidents/" + id);
        assertThat(again.body()).doesNotContain("The incident is recorded.");

        assertThat(browser.get("/incidents").body()).contains(text(title));
    }

    @Test
    void aFormWithMistakes_isShownAgainWithWhatWasTypedAndAMessageByEachField() {
        browser.get("/incidents/new");
        BrowserSession.Page page = browser.post("/incidents", Map.of("title", " ", "severity", "",
            "service", "search-api", "teamId", "", "startedAt", "2020-01-01T10:00", "url", "not a link",
            "responderId", "", "responderRole", "RESPONDER"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Some fields need a second look.",
            "Give the incident a title of up to 500 characters.", "Choose how severe it is.",
            "value=\"search-api\"", "value=\"2020-01-01T10:00\"", "value=\"not a link\"");

        BrowserSession.Page badLink = browser.post("/incidents", Map.of("title", "Search slow", "severity", "SEV3",
            "service", "", "teamId", "", "startedAt", "", "url", "javascript:alert(1)", "responderId", "",
            "responderRole", "RESPONDER"));
        assertThat(badLink.status()).isEqualTo(200);
        assertThat(badLink.body()).contains("Enter a full link that starts with https:// or http://.",
            "value=\"Search slow\"");
        assertThat(badLink.body()).containsPattern("id=\"severity-SEV3\" value=\"SEV3\"[^>]*checked=\"checked\"")
            .doesNotContainPattern("id=\"severity-SEV1\" value=\"SEV1\"[^>]*checked");
    }

    @Test
    void aPersonWhoMayNotAddSomeoneElseIsToldWhyOnTheForm() {
        PersonRef robin = person("Robin");
        PersonRef sam = person("Sam");
        BrowserSession robins = BrowserSession.signedIn(port, robin.email(), "a-password-of-12+");
        String title = "Queue stuck " + UUID.randomUUID().toString().substring(0, 6);
        robins.get("/incidents/new");
        BrowserSession.Page refused = robins.post("/incidents", Map.of("title", title, "severity", "SEV2",
            "service", "", "teamId", "", "startedAt", "", "url", "",
            "responderId", sam.id().toString(), "responderRole", "COMMANDER"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains(text("You can add yourself. Adding other people is for the incident's "
            + "commander, a lead of a team in it, or an admin."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE title = ?").param(title).query(Long.class).single())
            .isZero();

        BrowserSession.Page created = robins.post("/incidents", Map.of("title", title, "severity", "SEV2",
            "service", "", "teamId", "", "startedAt", "", "url", "",
            "responderId", robin.id().toString(), "responderRole", "COMMANDER"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String path = created.location().substring(created.location().indexOf("/incidents/"));
        robins.get(path);
        assertThat(robins.post(path + "/responders", Map.of("personId", sam.id().toString(), "role", "OBSERVER"))
            .status()).as("the commander may add others").isEqualTo(302);
    }

    @Test
    void addingAPerson_acknowledging_andResolving() {
        PersonRef sam = person("Sam");
        String id = recordIncident("Queue stuck " + UUID.randomUUID().toString().substring(0, 6), null);
        String path = "/incidents/" + id;

        browser.get(path);
        BrowserSession.Page noPerson = browser.post(path + "/responders", Map.of("personId", "", "role", "OBSERVER"));
        assertThat(noPerson.status()).isEqualTo(200);
        assertThat(noPerson.body()).contains("Choose a person from the list.");

        BrowserSession.Page added = browser.post(path + "/responders",
            Map.of("personId", sam.id().toString(), "role", "OBSERVER"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(browser.get(path).body()).contains(text(sam.name()) + " joined as Observer", "Saved.");

        BrowserSession.Page acknowledged = browser.post(path + "/acknowledge", Map.of());
        assertThat(acknowledged.status()).isEqualTo(302);
        BrowserSession.Page afterAck = browser.get(path);
        assertThat(afterAck.body()).contains("Marked as acknowledged.").doesNotContain("Mark acknowledged</button>");

        BrowserSession.Page tooEarly = browser.post(path + "/resolve", Map.of("resolvedAt",
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).format(LOCAL)));
        assertThat(tooEarly.status()).isEqualTo(200);
        assertThat(tooEarly.body()).contains(
            "Enter a time after the incident started (and was acknowledged), and not in the future.");

        BrowserSession.Page resolved = browser.post(path + "/resolve", Map.of("resolvedAt",
            OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES).format(LOCAL)));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(302);
        BrowserSession.Page afterResolve = browser.get(path);
        assertThat(afterResolve.body()).contains("Resolved.", "badge resolved")
            .doesNotContain("Resolve incident");
        assertThat(jdbc.sql("SELECT status FROM incident WHERE id = ?").param(UUID.fromString(id))
            .query(String.class).single()).isEqualTo("RESOLVED");
    }

    @Test
    void resolving_saysWhetherAndWhenItsRespondersGetAPrivateCheckIn() {
        rules.update(TriggerRules.DEFAULTS, null);
        String severe = "/incidents/" + recordIncident("Payments down " + UUID.randomUUID().toString().substring(0, 6),
            person("Ana"));
        browser.get(severe);
        assertThat(browser.post(severe + "/resolve", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get(severe).body()).contains("Its responders will each get a private check-in from "
            + "Aftercare in about 2 hours, moved out of their quiet hours and weekend days. Only they see their "
            + "answers; nobody is told whether they answered.");

        // a short SEV5 with a responder in daytime: only the rules about a person could bring a check-in
        browser.get("/incidents/new");
        BrowserSession.Page created = browser.post("/incidents", Map.of("title", "Log noise", "severity", "SEV5",
            "service", "logs", "teamId", "", "startedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)
                .format(LOCAL), "url", "", "responderId", person("Bo").id().toString(), "responderRole", "RESPONDER"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String minor = created.location().substring(created.location().indexOf("/incidents/"));
        browser.get(minor);
        assertThat(browser.post(minor + "/resolve", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get(minor).body()).contains("This incident is below the severity and length in the care "
            + "rules, so a private check-in goes only to responders who were paged in their sleep hours and to its "
            + "commander, in about 2 hours, outside their quiet hours.")
            .doesNotContain("will each get a private check-in");
    }

    @Test
    void unknownIncidents_areNotFound_andFormsNeedTheirToken_andASignIn() {
        assertThat(browser.get("/incidents/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(browser.get("/incidents/not-an-id").status()).isEqualTo(400);

        browser.get("/incidents/new");
        assertThat(browser.postRaw("/incidents", Map.of("title", "No token", "severity", "SEV1")).status())
            .isEqualTo(403);

        BrowserSession.Page anonymous = BrowserSession.anonymous(port).get("/incidents");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
    }
}
