package io.aftercare.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

@AftercareIT
class PeopleApiIT {

    @LocalServerPort
    int port;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    TestApi admin() {
        return TestApi.at(port).asAdmin();
    }

    String createTeam(String name) {
        var r = admin().post("/api/v1/teams", Map.of("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json("$.id");
    }

    String createPerson(String email, String password, List<String> roles) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Person " + email, "email", email));
        if (password != null) {
            body.put("password", password);
        }
        if (roles != null) {
            body.put("roles", roles);
        }
        var r = admin().post("/api/v1/people", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json("$.id");
    }

    @Test
    void anAdminAddsAPersonWithEveryFieldAndThePersonCanSignInWithTheirPassword() {
        String team = createTeam(unique("Payments"));
        String manager = createPerson(unique("manager") + "@example.com", null, null);
        String email = unique("Ana.Lima") + "@Example.com";
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Ana Lima");
        body.put("email", email);
        body.put("timeZone", "Europe/Berlin");
        body.put("quietHours", Map.of("start", "22:00", "end", "07:30"));
        body.put("weekendDays", List.of("FRIDAY", "SATURDAY"));
        String pd = unique("PD");
        body.put("externalIdentities", Map.of("pagerduty", pd, "slack", unique("U"), "opsgenie", unique("og"),
            "incidentio", unique("io"), "rootly", unique("rt")));
        body.put("managerId", manager);
        body.put("roles", List.of("LEAD", "SUPPORTER"));
        body.put("teams", List.of(team));
        body.put("password", "a-long-enough-password");

        var created = admin().post("/api/v1/people", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/people/" + id));
        var read = admin().get("/api/v1/people/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat((String) read.json("$.name")).isEqualTo("Ana Lima");
        assertThat((String) read.json("$.email")).isEqualTo(email);
        assertThat((String) read.json("$.timeZone")).isEqualTo("Europe/Berlin");
        assertThat((String) read.json("$.quietHours.start")).isEqualTo("22:00");
        assertThat((String) read.json("$.quietHours.end")).isEqualTo("07:30");
        assertThat((List<String>) read.json("$.weekendDays")).containsExactly("FRIDAY", "SATURDAY");
        assertThat((String) read.json("$.externalIdentities.pagerduty")).isEqualTo(pd);
        assertThat((Map<String, String>) read.json("$.externalIdentities")).containsKeys("slack", "opsgenie",
            "incidentio", "rootly");
        assertThat((String) read.json("$.managerId")).isEqualTo(manager);
        assertThat((List<String>) read.json("$.roles")).containsExactlyInAnyOrder("RESPONDER", "LEAD", "SUPPORTER");
        assertThat((List<String>) read.json("$.teams")).containsExactly(team);

        var asAna = TestApi.at(port).basic(email.toLowerCase(), "a-long-enough-password").get("/api/v1/people/" + id);
        assertThat(asAna.status()).as(asAna.toString()).isEqualTo(200);
        assertThat((List<String>) admin().get("/api/v1/teams/" + team).json("$.members")).contains(id);
    }

    @Test
    void defaultsAreFilledInWhenOnlyNameAndEmailAreGiven() {
        String id = createPerson(unique("plain") + "@example.com", null, null);
        var read = admin().get("/api/v1/people/" + id);
        assertThat((String) read.json("$.timeZone")).isEqualTo("UTC");
        assertThat((String) read.json("$.quietHours.start")).isEqualTo("21:00");
        assertThat((String) read.json("$.quietHours.end")).isEqualTo("08:00");
        assertThat((List<String>) read.json("$.weekendDays")).containsExactly("SATURDAY", "SUNDAY");
        assertThat((List<String>) read.json("$.roles")).containsExactly("RESPONDER");
        assertThat((Map<String, String>) read.json("$.externalIdentities")).isEmpty();
    }

    @Test
    void aDuplicateEmailInAnotherCaseIsAConflictAndNothingIsWritten() {
        String email = unique("dup") + "@example.com";
        createPerson(email, null, null);
        long before = ((Number) admin().get("/api/v1/people?size=1").json("$.total")).longValue();

        var again = admin().post("/api/v1/people", Map.of("name", "Someone else", "email", email.toUpperCase()));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.header("Content-Type")).hasValueSatisfying(c -> assertThat(c).contains("problem+json"));
        assertThat(((Number) admin().get("/api/v1/people?size=1").json("$.total")).longValue()).isEqualTo(before);
    }

    @Test
    void anUnknownTimeZoneIsABadRequestNamingTheField() {
        String email = unique("tz") + "@example.com";
        var r = admin().post("/api/v1/people", Map.of("name", "Tz", "email", email, "timeZone", "Mars/Olympus"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat((List<String>) r.json("$.errors[*].field")).containsExactly("timeZone");
        assertThat(admin().get("/api/v1/people?q=" + email).<Integer>json("$.total")).isZero();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        var r = admin().post("/api/v1/people", Map.of("name", "", "email", "not-an-address",
            "quietHours", Map.of("start", "25:00", "end", "08:00"), "weekendDays", List.of("FUNDAY"),
            "roles", List.of("KING"), "teams", List.of(UUID.randomUUID().toString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat((List<String>) r.json("$.errors[*].field")).contains("name", "email", "quietHours.start",
            "weekendDays", "roles", "teams");
    }

    @Test
    void unknownIdsAreNotFound() {
        UUID nobody = UUID.randomUUID();
        assertThat(admin().get("/api/v1/people/" + nobody).status()).isEqualTo(404);
        assertThat(admin().put("/api/v1/people/" + nobody, Map.of("name", "X", "email", unique("x") + "@e.com"))
            .status()).isEqualTo(404);
        assertThat(admin().delete("/api/v1/people/" + nobody).status()).isEqualTo(404);
        assertThat(admin().put("/api/v1/people/" + nobody + "/roles", Map.of("roles", List.of("LEAD"))).status())
            .isEqualTo(404);
        assertThat(admin().post("/api/v1/people/" + nobody + "/invitation", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void someoneWhoIsNotAnAdminCanReadButNotChange() {
        String email = unique("responder") + "@example.com";
        String id = createPerson(email, "responder-password-1", null);
        TestApi responder = TestApi.at(port).basic(email, "responder-password-1");

        assertThat(responder.get("/api/v1/people").status()).isEqualTo(200);
        assertThat(responder.get("/api/v1/people/" + id).status()).isEqualTo(200);
        assertThat(responder.post("/api/v1/people", Map.of("name", "X", "email", unique("x") + "@example.com"))
            .status()).isEqualTo(403);
        assertThat(responder.put("/api/v1/people/" + id, Map.of("name", "X", "email", email)).status())
            .isEqualTo(403);
        assertThat(responder.put("/api/v1/people/" + id + "/roles", Map.of("roles", List.of("ADMIN"))).status())
            .isEqualTo(403);
        assertThat(responder.post("/api/v1/people/" + id + "/invitation", Map.of()).status()).isEqualTo(403);
        assertThat(responder.delete("/api/v1/people/" + id).status()).isEqualTo(403);
        assertThat(TestApi.at(port).anonymous().get("/api/v1/people").status()).isEqualTo(401);
        assertThat((List<String>) admin().get("/api/v1/people/" + id).json("$.roles")).containsExactly("RESPONDER");
    }

    @Test
    void anotherPersonsRecordIsForAdminsAsOnThePersonPageAndTheirReadIsInThatPersonsAccessLog() {
        String email = unique("reader") + "@example.com";
        String reader = createPerson(email, "reader-password-12", null);
        String otherEmail = unique("read") + "@example.com";
        String other = createPerson(otherEmail, "other-password-123", null);
        TestApi asReader = TestApi.at(port).basic(email, "reader-password-12");

        var refused = asReader.get("/api/v1/people/" + other);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(otherEmail);
        assertThat(asReader.get("/api/v1/people/" + UUID.randomUUID()).status()).isEqualTo(403);
        assertThat(asReader.get("/api/v1/people/" + reader).status()).isEqualTo(200);

        TestApi asOther = TestApi.at(port).basic(otherEmail, "other-password-123");
        assertThat(asOther.get("/api/v1/me/access-log").body()).doesNotContain("person.viewed");
        assertThat(admin().get("/api/v1/people/" + other).status()).isEqualTo(200);
        var log = asOther.get("/api/v1/me/access-log");
        assertThat(log.body()).as(log.toString()).contains("person.viewed");
    }

    @Test
    void anAdminSeesWhetherSomeoneStillNeedsAnInvitation() {
        String withoutPassword = createPerson(unique("nopw") + "@example.com", null, null);
        String email = unique("pw") + "@example.com";
        String withPassword = createPerson(email, "has-a-password-1", null);

        var state = admin().get("/api/v1/people/" + withoutPassword + "/invitation");
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        assertThat((Boolean) state.json("$.hasPassword")).isFalse();
        assertThat((Boolean) state.json("$.canInvite")).isTrue();
        assertThat((Boolean) admin().get("/api/v1/people/" + withPassword + "/invitation").json("$.hasPassword"))
            .isTrue();
        assertThat(admin().get("/api/v1/people/" + UUID.randomUUID() + "/invitation").status()).isEqualTo(404);
        assertThat(TestApi.at(port).basic(email, "has-a-password-1").get("/api/v1/people/" + withoutPassword
            + "/invitation").status()).isEqualTo(403);
    }

    @Test
    void rolesAreReplacedAndResponderIsAlwaysKept() {
        String email = unique("roles") + "@example.com";
        String id = createPerson(email, "roles-password-12", null);
        TestApi person = TestApi.at(port).basic(email, "roles-password-12");
        assertThat(person.post("/api/v1/teams", Map.of("name", unique("T"))).status()).isEqualTo(403);

        var r = admin().put("/api/v1/people/" + id + "/roles", Map.of("roles", List.of("ADMIN", "COORDINATOR")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat((List<String>) r.json("$.roles")).containsExactlyInAnyOrder("RESPONDER", "ADMIN", "COORDINATOR");
        assertThat(person.post("/api/v1/teams", Map.of("name", unique("T"))).status()).isEqualTo(201);

        var back = admin().put("/api/v1/people/" + id + "/roles", Map.of("roles", List.of()));
        assertThat((List<String>) back.json("$.roles")).containsExactly("RESPONDER");
        assertThat(admin().put("/api/v1/people/" + id + "/roles", Map.of("roles", List.of("EMPEROR"))).status())
            .isEqualTo(400);
    }

    @Test
    void anUpdateReplacesTheDetailsAndTheNewEmailSignsIn() {
        String email = unique("upd") + "@example.com";
        String id = createPerson(email, "update-password-1", null);
        String team = createTeam(unique("Search"));
        String newEmail = unique("updated") + "@example.com";

        var r = admin().put("/api/v1/people/" + id, Map.of("name", "Renamed", "email", newEmail,
            "timeZone", "America/New_York", "quietHours", Map.of("start", "20:00", "end", "06:00"),
            "weekendDays", List.of("SUNDAY"), "teams", List.of(team), "externalIdentities",
            Map.of("slack", unique("S"))));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat((String) r.json("$.name")).isEqualTo("Renamed");
        assertThat((String) r.json("$.timeZone")).isEqualTo("America/New_York");
        assertThat((List<String>) r.json("$.weekendDays")).containsExactly("SUNDAY");
        assertThat((List<String>) r.json("$.teams")).containsExactly(team);
        assertThat(TestApi.at(port).basic(newEmail, "update-password-1").get("/api/v1/people/" + id).status())
            .isEqualTo(200);
        assertThat(admin().put("/api/v1/people/" + id, Map.of("name", "Renamed", "email", newEmail,
            "timeZone", "Nowhere/Land")).json("$.errors[0].field").toString()).isEqualTo("timeZone");
    }

    @Test
    void searchFindsByNameOrEmailAndPages() {
        String tag = unique("zq");
        for (int i = 0; i < 3; i++) {
            createPerson(tag + i + "@example.com", null, null);
        }
        var page = admin().get("/api/v1/people?q=" + tag.toUpperCase() + "&size=2&page=0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.<Integer>json("$.total")).isEqualTo(3);
        assertThat(page.<Integer>json("$.size")).isEqualTo(2);
        assertThat((List<?>) page.json("$.items")).hasSize(2);
        assertThat((List<?>) admin().get("/api/v1/people?q=" + tag + "&size=2&page=1").json("$.items")).hasSize(1);
        assertThat(admin().get("/api/v1/people?size=501").status()).isEqualTo(400);
    }

    @Test
    void aDeletedPersonIsGoneAndCannotSignIn() {
        String email = unique("gone") + "@example.com";
        String id = createPerson(email, "gone-password-123", null);
        assertThat(admin().delete("/api/v1/people/" + id).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/people/" + id).status()).isEqualTo(404);
        assertThat(TestApi.at(port).basic(email, "gone-password-123").get("/api/v1/people").status()).isEqualTo(401);
    }

    @Test
    void anInvitationLinkLetsThePersonChooseTheirPasswordOnce() throws Exception {
        String email = unique("invited") + "@example.com";
        String id = createPerson(email, null, null);

        var invitation = admin().post("/api/v1/people/" + id + "/invitation", Map.of());

        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(200);
        String link = invitation.json("$.link");
        String path = URI.create(link).getPath();
        assertThat(path).startsWith("/invite/");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
        var form = get(browser, path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"password\"");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();

        var accepted = post(browser, path, Map.of("password", "my-own-password-1", "confirm", "my-own-password-1",
            "_csrf", csrf.group(1)));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(TestApi.at(port).basic(email, "my-own-password-1").get("/api/v1/people/" + id).status())
            .isEqualTo(200);

        var again = get(browser, path);
        assertThat(again.body()).doesNotContain("name=\"password\"");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
        throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).reduce((a, b) -> a + "&" + b).orElse("");
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
