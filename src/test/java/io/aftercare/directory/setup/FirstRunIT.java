package io.aftercare.directory.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * The first run on an empty Aftercare: the time zone list, the admin signed in at once and landing on the
 * getting-started checklist, whose steps tick themselves as teams, people, supporters, resources and an
 * integration appear.
 */
@AftercareIT
// the first run happens once per database: no other test class may be handed this context afterwards
@DirtiesContext
@TestPropertySource(properties = {"aftercare.admin.email=", "aftercare.admin.password="})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIT {

    static final String EMAIL = "kim@example.com";
    static final String PASSWORD = "a long first password";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Test
    @Order(1)
    void theTimeZoneListOffersUtcThenCurrentZonesThenTheirOlderNames() {
        String page = WebSession.anonymous(port).get("/setup").body();
        int utc = page.indexOf("<option value=\"UTC\"");
        int current = page.indexOf("label=\"Time zones\"");
        int kolkata = page.indexOf("value=\"Asia/Kolkata\"");
        int berlin = page.indexOf("value=\"Europe/Berlin\"");
        int older = page.indexOf("label=\"Older names for the same zones\"");
        int calcutta = page.indexOf("value=\"Asia/Calcutta\"");
        int usEastern = page.indexOf("value=\"US/Eastern\"");
        assertThat(List.of(utc, current, kolkata, berlin, older, calcutta, usEastern)).doesNotContain(-1);
        assertThat(utc).isLessThan(current);
        assertThat(current).isLessThan(kolkata);
        assertThat(kolkata).isLessThan(older);
        assertThat(berlin).isLessThan(older);
        assertThat(older).isLessThan(calcutta);
        assertThat(older).isLessThan(usEastern);
        // the browser's own zone is filled in by a script of its own (no inline script); without it UTC stays
        assertThat(page).contains("data-detect-zone", "/js/time-zone.js");
        assertThat(WebSession.anonymous(port).get("/js/time-zone.js").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theNewAdminIsSignedInAndLandsOnTheChecklistWhereEveryStepTicksAsItIsDone() {
        WebSession browser = WebSession.anonymous(port);
        browser.get("/setup");
        var created = browser.post("/setup", Map.of("name", "Kim Admin", "email", EMAIL, "timeZone", "Asia/Kolkata",
            "password", PASSWORD, "confirm", PASSWORD));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/getting-started");

        // no sign-in form in between: the same browser is the admin
        var checklist = browser.follow(created);
        assertThat(checklist.statusCode()).isEqualTo(200);
        assertThat(checklist.body()).contains("Getting started", "You are signed in.", "Add your teams",
            "Add people, by hand or from a CSV file", "Put peer supporters on the roster",
            "Add resources for your countries", "Connect e-mail or Slack", "Connect an alerting tool");
        assertThat(checklist.body()).doesNotContain(">Done<");
        assertThat(browser.get("/me").body()).contains("6 steps are still open", "See the checklist");

        TestApi admin = TestApi.at(port).basic(EMAIL, PASSWORD);
        assertThat(done(admin)).isEmpty();
        assertThat(admin.get("/api/v1/admin/getting-started").<Boolean>json("$.done")).isFalse();

        var team = admin.post("/api/v1/teams", Map.of("name", "Payments", "leads", List.of(), "members", List.of()));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        assertThat(done(admin)).containsExactly("teams");

        var sasha = people.create(NewPerson.of("Sasha Supporter", "sasha@example.com", "Europe/Lisbon",
            Set.of(Role.RESPONDER, Role.SUPPORTER), null), null);
        assertThat(sasha).isNotNull();
        assertThat(done(admin)).containsExactly("teams", "people");

        // the supporter role alone is not the roster: a coordinator or admin puts them on it
        browser.get("/programme/support");
        assertThat(browser.post("/programme/support/roster", Map.of("email", "sasha@example.com")).statusCode())
            .isEqualTo(302);
        assertThat(done(admin)).containsExactly("teams", "people", "roster");

        browser.get("/programme/resources");
        assertThat(browser.post("/programme/resources", Map.of("country", "Portugal", "kind", "CRISIS",
            "name", "SOS Voz Amiga", "contact", "213 544 545")).statusCode()).isEqualTo(302);
        assertThat(done(admin)).containsExactly("teams", "people", "roster", "resources");

        var integration = admin.post("/api/v1/integrations", Map.of("type", "alertmanager", "name", "Prometheus"));
        assertThat(integration.status()).isEqualTo(201);
        assertThat(done(admin)).containsExactly("teams", "people", "roster", "resources", "integration");

        // e-mail and Slack are configuration; neither is set here
        var page = browser.get("/admin/getting-started").body();
        assertThat(page).contains("One thing is still open");
        assertThat(browser.get("/me").body()).contains("one step is still open");
    }

    @Test
    @Order(3)
    void theChecklistIsForAdminsOnly() {
        people.create(NewPerson.of("Riley Responder", "riley@example.com", "UTC", Set.of(Role.RESPONDER),
            "riley's long password"), null);
        TestApi riley = TestApi.at(port).basic("riley@example.com", "riley's long password");
        assertThat(riley.get("/api/v1/admin/getting-started").status()).isEqualTo(403);
        WebSession browser = WebSession.signedIn(port, "riley@example.com", "riley's long password");
        assertThat(browser.get("/admin/getting-started").statusCode()).isEqualTo(403);
        assertThat(browser.get("/me").body()).doesNotContain("See the checklist");
    }

    private static List<String> done(TestApi admin) {
        var r = admin.get("/api/v1/admin/getting-started");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json("$.steps[?(@.done == true)].key");
    }
}
