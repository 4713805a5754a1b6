package io.aftercare.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

@AftercareIT
class DirectoryPagesIT {

    @LocalServerPort
    int port;

    static String tag() {
        return "ui" + UUID.randomUUID().toString().substring(0, 8);
    }

    WebSession admin() {
        return WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
    }

    static String idFrom(String location, String prefix) {
        Matcher m = Pattern.compile(prefix + "([0-9a-f-]{36})").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return m.group(1);
    }

    @Test
    void anAdminAddsAPersonThroughTheFormAndCreatesTheirInvitationLinkOnce() {
        String t = tag();
        WebSession browser = admin();
        var list = browser.get("/people");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Add a person").contains("Import from CSV");
        assertThat(browser.get("/people/new").statusCode()).isEqualTo(200);

        var invalid = browser.post("/people", Map.of("name", "Ana " + t, "email", "not-an-address",
            "timeZone", "Europe/Berlin", "quietStart", "22:00", "quietEnd", "07:00",
            "weekendDays", List.of("SATURDAY", "SUNDAY"), "roles", List.of("LEAD"), "slack", "U" + t));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("E-mail is not an e-mail address.").contains("value=\"Ana " + t + "\"")
            .contains("value=\"U" + t + "\"");

        var created = browser.post("/people", Map.of("name", "Ana " + t, "email", t + "@example.com",
            "timeZone", "Europe/Berlin", "quietStart", "22:00", "quietEnd", "07:00",
            "weekendDays", List.of("SATURDAY", "SUNDAY"), "roles", List.of("LEAD"), "slack", "U" + t,
            "otherIdentities", "rootly: R" + t));
        assertThat(created.statusCode()).isEqualTo(302);
        String id = idFrom(created.headers().firstValue("Location").orElseThrow(), "/people/");
        var person = TestApi.at(port).asAdmin().get("/api/v1/people/" + id);
        assertThat((String) person.json("$.timeZone")).isEqualTo("Europe/Berlin");
        assertThat((String) person.json("$.externalIdentities.rootly")).isEqualTo("R" + t);
        assertThat((List<String>) person.json("$.roles")).containsExactlyInAnyOrder("RESPONDER", "LEAD");

        assertThat(browser.follow(created).body()).contains("The person was added");
        var invitation = browser.post("/people/" + id + "/invitation", Map.of());
        assertThat(invitation.statusCode()).isEqualTo(302);
        var withLink = browser.follow(invitation);
        assertThat(withLink.body()).contains("/invite/");
        // no mail server here: the page says plainly that the admin passes the link on
        assertThat(withLink.body()).contains("E-mail is not set up in this Aftercare, so nobody sends this link to "
            + "them. Copy it now and pass it on yourself.");
        assertThat(browser.get("/people/" + id).body()).doesNotContain("/invite/");

        assertThat(browser.post("/people/" + id + "/roles", Map.of("roles", List.of("SUPPORTER"))).statusCode())
            .isEqualTo(302);
        assertThat((List<String>) TestApi.at(port).asAdmin().get("/api/v1/people/" + id).json("$.roles"))
            .containsExactlyInAnyOrder("RESPONDER", "SUPPORTER");
        assertThat(browser.get("/people?q=" + t).body()).contains("Ana " + t);
    }

    @Test
    void leadingATeamOpensItsCarePageFromTheTeamPage_theLeadRoleAloneDoesNot() {
        String t = tag();
        TestApi api = TestApi.at(port).asAdmin();
        String lead = api.post("/api/v1/people", Map.of("name", "Lee " + t, "email", t + "-lee@example.com",
            "password", "lee's long password")).json("$.id");
        String member = api.post("/api/v1/people", Map.of("name", "Mo " + t, "email", t + "-mo@example.com"))
            .json("$.id");
        String labelled = api.post("/api/v1/people", Map.of("name", "Lou " + t, "email", t + "-lou@example.com",
            "roles", List.of("LEAD"), "password", "lou's long password")).json("$.id");
        assertThat(labelled).isNotNull();
        var team = api.post("/api/v1/teams", Map.of("name", "Team " + t, "leads", List.of(lead),
            "members", List.of(lead, member)));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        String care = "/teams/" + team.json("$.id") + "/care";

        // Lee leads the team without the LEAD role: the team page links to its care, and the care page opens
        WebSession lee = WebSession.signedIn(port, t + "-lee@example.com", "lee's long password");
        String page = lee.get("/teams/" + team.json("$.id")).body();
        assertThat(page).contains("href=\"" + care + "\"", "Care in this team: suggest a check-in",
            "You lead this team.");
        var carePage = lee.get(care);
        assertThat(carePage.statusCode()).isEqualTo(200);
        assertThat(carePage.body()).contains("Mo " + t, "Suggest a check-in");

        // Lou has the LEAD role but leads no team: no link, and the page is refused
        WebSession lou = WebSession.signedIn(port, t + "-lou@example.com", "lou's long password");
        assertThat(lou.get("/teams/" + team.json("$.id")).body()).doesNotContain(care);
        assertThat(lou.get(care).statusCode()).isEqualTo(403);

        // an admin sees the link too, with what a lead can do there
        assertThat(admin().get("/teams/" + team.json("$.id")).body()).contains("href=\"" + care + "\"",
            "Its leads, and admins, can suggest a private check-in");
    }

    @Test
    void aTeamGetsPeopleAndARotationAndShowsWhoIsOnCallInTheViewersTimeZone() {
        String t = tag();
        TestApi api = TestApi.at(port).asAdmin();
        String ana = api.post("/api/v1/people", Map.of("name", "Ana " + t, "email", t + "-ana@example.com"))
            .json("$.id");
        String viewerEmail = t + "-viewer@example.com";
        api.post("/api/v1/people", Map.of("name", "Viewer " + t, "email", viewerEmail, "timeZone", "Asia/Tokyo",
            "password", "viewer-password-12"));
        WebSession browser = admin();
        assertThat(browser.get("/teams/new").statusCode()).isEqualTo(200);
        var duplicateName = browser.post("/teams", Map.of("name", " "));
        assertThat(duplicateName.statusCode()).isEqualTo(200);

        var created = browser.post("/teams", Map.of("name", "Team " + t));
        assertThat(created.statusCode()).isEqualTo(302);
        String team = idFrom(created.headers().firstValue("Location").orElseThrow(), "/teams/");
        assertThat(browser.get("/teams/" + team).body()).contains("no on-call rotation yet");
        assertThat(browser.post("/teams/" + team + "/members", Map.of("personId", ana, "lead", "yes"))
            .statusCode()).isEqualTo(302);
        assertThat((List<String>) api.get("/api/v1/teams/" + team).json("$.leads")).containsExactly(ana);

        assertThat(browser.get("/teams/" + team + "/rotations/new").statusCode()).isEqualTo(200);
        var badRotation = browser.post("/teams/" + team + "/rotations", Map.of("name", "Primary", "members",
            List.of(ana, ""), "shiftHours", "0", "handoffTime", "09:00", "timeZone", "Europe/Berlin",
            "startsOn", "2026-01-05"));
        assertThat(badRotation.statusCode()).isEqualTo(200);
        assertThat(badRotation.body()).contains("Shift length must be a whole number of hours");
        var rotation = browser.post("/teams/" + team + "/rotations", Map.of("name", "Primary", "members",
            List.of(ana, ""), "shiftHours", "24", "handoffTime", "09:00", "timeZone", "Europe/Berlin",
            "startsOn", "2026-01-05"));
        assertThat(rotation.statusCode()).isEqualTo(302);
        String rotationId = idFrom(rotation.headers().firstValue("Location").orElseThrow(), "/rotations/");
        assertThat(browser.follow(rotation).body()).contains("The rotation is saved");
        var badOverride = browser.post("/teams/" + team + "/rotations/" + rotationId + "/overrides",
            Map.of("personId", ana, "startsAt", "2026-02-01T10:00", "endsAt", "2026-02-01T09:00"));
        assertThat(badOverride.statusCode()).isEqualTo(302);
        assertThat(browser.follow(badOverride).body()).contains("Until must be after the start.")
            .contains("value=\"2026-02-01T10:00\"");
        assertThat(browser.post("/teams/" + team + "/rotations/" + rotationId + "/overrides", Map.of("personId", ana,
            "startsAt", "2026-02-01T09:00", "endsAt", "2026-02-01T10:00")).statusCode()).isEqualTo(302);
        assertThat((List<String>) api.get("/api/v1/teams/" + team + "/rotations/" + rotationId)
            .json("$.overrides[*].startsAt")).containsExactly("2026-02-01T09:00:00Z");

        WebSession viewer = WebSession.signedIn(port, viewerEmail, "viewer-password-12");
        var page = viewer.get("/teams/" + team);
        assertThat(page.statusCode()).isEqualTo(200);
        // times in the viewer's own zone, named as people say it
        assertThat(page.body()).contains("On call now").contains("Ana " + t).contains(" JST")
            .doesNotContain("Add a rotation");
        assertThat(viewer.get("/teams").body()).contains("Team " + t);
        assertThat(viewer.get("/people").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/teams/new").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/teams/" + team + "/rotations/new").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/teams/" + team + "/members", Map.of("personId", ana)).statusCode()).isEqualTo(403);
    }

    @Test
    void aTeamLeadCanOpenTheirTeamsRotationForms() {
        String t = tag();
        TestApi api = TestApi.at(port).asAdmin();
        String email = t + "-lead@example.com";
        String lead = api.post("/api/v1/people", Map.of("name", "Lead " + t, "email", email,
            "password", "lead-password-123")).json("$.id");
        String team = api.post("/api/v1/teams", Map.of("name", "Led " + t, "leads", List.of(lead))).json("$.id");
        WebSession browser = WebSession.signedIn(port, email, "lead-password-123");
        assertThat(browser.get("/teams/" + team).body()).contains("Add a rotation");
        assertThat(browser.get("/teams/" + team + "/rotations/new").statusCode()).isEqualTo(200);
        var created = browser.post("/teams/" + team + "/rotations", Map.of("name", "Weekly", "members",
            List.of(lead), "shiftHours", "168", "handoffTime", "10:00", "timeZone", "UTC", "startsOn", "2026-01-05"));
        assertThat(created.statusCode()).isEqualTo(302);
    }
}
