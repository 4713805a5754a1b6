package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

@AftercareIT
class IdentityIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port);
    }

    private String newResponder(String password) {
        return newPerson(Set.of(Role.RESPONDER), password).login();
    }

    private AftercareUser newPerson(Set<Role> roles, String password) {
        String email = "r-" + UUID.randomUUID() + "@example.com";
        var person = people.create(NewPerson.of("Robin", email, "Europe/Berlin", roles, password), null);
        return new AftercareUser(person.id(), email, roles, false, null, true);
    }

    /** Whether the browser is still signed in: a page for anyone signed in, or the way to the sign-in page. */
    private static boolean signedIn(WebSession browser) {
        var page = browser.get("/settings/tokens");
        if (page.statusCode() == 200) {
            return true;
        }
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        return false;
    }

    private long audited(String action, UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ?")
            .params(action, "person:" + personId).query(Long.class).single();
    }

    @Test
    void healthAnswersAnonymouslyWithStatusOnly() {
        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.<String>json("$.status")).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("db").doesNotContain("diskSpace");
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void metricsAreForAdminsOnly() {
        assertThat(api.getText("/actuator/prometheus").status()).isEqualTo(401);
        String email = newResponder("responder-password-1");
        assertThat(api.basic(email, "responder-password-1").getText("/actuator/prometheus").status()).isEqualTo(403);
        var metrics = api.asAdmin().getText("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void apiNeedsAuthenticationAndAnswersWithProblemDetails() {
        var anonymous = api.get("/api/v1/tokens");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(anonymous.<Integer>json("$.status")).isEqualTo(401);
        assertThat(api.basic(TestApi.ADMIN_EMAIL, "wrong-password-123").get("/api/v1/tokens").status())
            .isEqualTo(401);
    }

    @Test
    void personalTokenIsShownOnceStoredHashedUsableAndRevocable() {
        String email = newResponder("responder-password-2");
        TestApi me = api.basic(email, "responder-password-2");
        var created = me.post("/api/v1/tokens", Map.of("name", "on-call bot"));
        assertThat(created.status()).isEqualTo(201);
        String token = created.json("$.token");
        String id = created.json("$.id");
        assertThat(token).startsWith("act_");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?").param(token)
            .query(Long.class).single()).isZero();
        var listed = me.get("/api/v1/tokens");
        assertThat(listed.body()).contains("on-call bot").doesNotContain(token);

        assertThat(api.bearer(token).get("/api/v1/tokens").status()).isEqualTo(200);
        assertThat(me.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(api.bearer(token).get("/api/v1/tokens").status()).isEqualTo(401);
        assertThat(api.bearer("act_made-up").get("/api/v1/tokens").status()).isEqualTo(401);
    }

    @Test
    void someoneElsesTokenCannotBeRevoked() {
        TestApi alice = api.basic(newResponder("alice-password-12"), "alice-password-12");
        TestApi bob = api.basic(newResponder("bob-password-1234"), "bob-password-1234");
        String id = alice.post("/api/v1/tokens", Map.of("name", "mine")).json("$.id");
        assertThat(bob.delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/tokens").<String>json("$[0].revokedAt")).isNull();
    }

    @Test
    void tokenNeedsAName() {
        var bad = api.asAdmin().post("/api/v1/tokens", Map.of("name", " "));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<String>json("$.errors[0].field")).isEqualTo("name");
        assertThat(api.asAdmin().post("/api/v1/tokens", "{not json").status()).isEqualTo(400);
    }

    @Test
    void afterSomeFailuresEvenTheRightPasswordMustWait() {
        String email = newResponder("throttled-password");
        // the test profile slows down after 50 failures; record them as if they had just happened
        jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until) "
                + "VALUES (?, 60, CURRENT_TIMESTAMP, NULL)")
            .param("account:" + email).update();
        var slowed = api.basic(email, "throttled-password").get("/api/v1/tokens");
        assertThat(slowed.status()).isEqualTo(401);
        assertThat(slowed.<String>json("$.detail")).contains("Too many failed sign-ins");
    }

    @Test
    void theFailureThatReachesTheLimitLocksTheAccount() {
        String email = newResponder("locked-password-1");
        jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until) "
                + "VALUES (?, 99, ?, NULL)")
            .params("account:" + email, java.time.OffsetDateTime.now().minusMinutes(2)).update();
        assertThat(api.basic(email, "not-the-password").get("/api/v1/tokens").status()).isEqualTo(401);

        var locked = api.basic(email, "locked-password-1").get("/api/v1/tokens");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.<String>json("$.detail")).contains("Too many failed sign-ins");
        assertThat(jdbc.sql("SELECT locked_until FROM login_throttle WHERE throttle_key = ?")
            .param("account:" + email).query(java.time.OffsetDateTime.class).single())
            .isAfter(java.time.OffsetDateTime.now().plusMinutes(10));
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        String email = newResponder("cleared-password");
        assertThat(api.basic(email, "typo-password-1").get("/api/v1/tokens").status()).isEqualTo(401);
        assertThat(api.basic(email, "cleared-password").get("/api/v1/tokens").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key = ?")
            .param("account:" + email).query(Long.class).single()).isZero();
    }

    // --- passwords longer than BCrypt reads

    @Test
    void aPasswordOverSeventyTwoBytesIsRefusedWithAClearProblemDetailNotA500() {
        TestApi admin = api.asAdmin();
        // 40 characters, but 80 bytes in UTF-8: under the old 128-character limit, over what BCrypt can read
        String umlauts = "ü".repeat(40);
        var refused = admin.post("/api/v1/people", Map.of("name", "Long Password", "email",
            "long-" + UUID.randomUUID() + "@example.com", "timeZone", "UTC", "password", umlauts));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("password");
        assertThat(refused.<String>json("$.errors[0].message")).contains("72 bytes");

        var ascii = admin.post("/api/v1/people", Map.of("name", "Long Password", "email",
            "long-" + UUID.randomUUID() + "@example.com", "timeZone", "UTC", "password", "a".repeat(73)));
        assertThat(ascii.status()).as(ascii.toString()).isEqualTo(400);

        // exactly 72 bytes is fine, and signs in
        String email = "long-" + UUID.randomUUID() + "@example.com";
        String longest = "ü".repeat(30) + "a".repeat(12);
        assertThat(admin.post("/api/v1/people", Map.of("name", "Long Password", "email", email, "timeZone", "UTC",
            "password", longest)).status()).isEqualTo(201);
        assertThat(api.basic(email, longest).get("/api/v1/tokens").status()).isEqualTo(200);
        // a longer one is not that password with something added: BCrypt would read only the first 72 bytes
        var tooLong = api.basic(email, longest + "more");
        assertThat(tooLong.get("/api/v1/tokens").status()).isEqualTo(401);
    }

    @Test
    void anInvitationTakenWithATooLongPasswordSaysSoOnThePage() {
        AftercareUser invited = newPerson(Set.of(Role.RESPONDER), null);
        String link = api.asAdmin().post("/api/v1/people/" + invited.personId() + "/invitation", "{}").json("$.link");
        String path = URI.create(link).getPath();
        WebSession browser = WebSession.anonymous(port);
        assertThat(browser.get(path).statusCode()).isEqualTo(200);

        String tooLong = "ü".repeat(40);
        var answer = browser.post(path, Map.of("password", tooLong, "confirm", tooLong));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("The password is too long").contains("name=\"password\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE person_id = ? AND password_hash IS NULL")
            .param(invited.personId()).query(Long.class).single()).isOne();
    }

    @Test
    void anUnexpectedApiErrorIsAProblemDetailToo() {
        var missing = api.asAdmin().get("/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(missing.<Integer>json("$.status")).isEqualTo(404);
        assertThat(missing.<String>json("$.title")).isEqualTo("No such route");
        assertThat(missing.body()).doesNotContain("timestamp");
    }

    // --- the API's challenge and the content type of calls that change something

    @Test
    void theApiChallengesWithBearerOnlyAndStillTakesBasicWhenSent() {
        var anonymous = api.get("/api/v1/tokens");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(
            v -> assertThat(v).startsWith("Bearer").doesNotContainIgnoringCase("basic"));
        var wrong = api.basic(TestApi.ADMIN_EMAIL, "wrong-password-123").get("/api/v1/tokens");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).hasValueSatisfying(
            v -> assertThat(v).doesNotContainIgnoringCase("basic"));
        assertThat(api.bearer("act_made-up").get("/api/v1/tokens").header("WWW-Authenticate"))
            .hasValueSatisfying(v -> assertThat(v).doesNotContainIgnoringCase("basic"));
        assertThat(api.asAdmin().get("/api/v1/tokens").status()).isEqualTo(200);
    }

    @Test
    void callsThatChangeSomethingMustSayJsonEvenWithoutABody() {
        TestApi admin = api.asAdmin();
        AftercareUser invited = newPerson(Set.of(Role.RESPONDER), null);
        String invitation = "/api/v1/people/" + invited.personId() + "/invitation";

        // what a form on another site could make a browser send: no content type, or a form's
        var bodyless = admin.send("POST", invitation, null, null);
        assertThat(bodyless.status()).as(bodyless.toString()).isEqualTo(415);
        assertThat(bodyless.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(bodyless.<String>json("$.detail")).contains("application/json");
        assertThat(admin.send("POST", invitation, "a=b", "application/x-www-form-urlencoded").status())
            .isEqualTo(415);
        assertThat(admin.send("POST", invitation, "a", "text/plain").status()).isEqualTo(415);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE person_id = ?").param(invited.personId())
            .query(Long.class).single()).isZero();

        String id = admin.post("/api/v1/tokens", Map.of("name", "kept")).json("$.id");
        assertThat(admin.send("DELETE", "/api/v1/tokens/" + id, null, null).status()).isEqualTo(415);
        assertThat(admin.get("/api/v1/tokens").body()).contains(id);
        assertThat(admin.get("/api/v1/tokens").<List<Object>>json("$[?(@.id == '" + id + "')].revokedAt"))
            .containsOnlyNulls();

        // saying JSON, with or without a body, works
        assertThat(admin.send("POST", invitation, null, "application/json").status()).isEqualTo(200);
        assertThat(admin.send("DELETE", "/api/v1/tokens/" + id, null, "application/json; charset=utf-8").status())
            .isEqualTo(204);
    }

    // --- sessions follow what is true of the person now

    @Test
    void takingARoleAwayEndsThePersonsSessionsAndRevokesTheirTokens() {
        AftercareUser lead = newPerson(Set.of(Role.RESPONDER, Role.LEAD), "lead-password-1234");
        WebSession browser = WebSession.signedIn(port, lead.login(), "lead-password-1234");
        WebSession otherBrowser = WebSession.signedIn(port, lead.login(), "lead-password-1234");
        String token = api.basic(lead.login(), "lead-password-1234").post("/api/v1/tokens", Map.of("name", "bot"))
            .json("$.token");
        assertThat(signedIn(browser)).isTrue();

        var changed = api.asAdmin().put("/api/v1/people/" + lead.personId() + "/roles",
            Map.of("roles", List.of("RESPONDER")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertThat(signedIn(browser)).as("the session that still had LEAD").isFalse();
        assertThat(signedIn(otherBrowser)).isFalse();
        assertThat(api.bearer(token).get("/api/v1/tokens").status()).isEqualTo(401);
        assertThat(audited("ROLES_CHANGED", lead.personId())).isOne();
        // signing in again gives the roles as they are now
        WebSession again = WebSession.signedIn(port, lead.login(), "lead-password-1234");
        assertThat(signedIn(again)).isTrue();
    }

    @Test
    void addingARoleEndsTheSessionsButKeepsTheTokens() {
        AftercareUser responder = newPerson(Set.of(Role.RESPONDER), "plain-password-1234");
        WebSession browser = WebSession.signedIn(port, responder.login(), "plain-password-1234");
        String token = api.basic(responder.login(), "plain-password-1234")
            .post("/api/v1/tokens", Map.of("name", "bot")).json("$.token");

        assertThat(api.asAdmin().put("/api/v1/people/" + responder.personId() + "/roles",
            Map.of("roles", List.of("RESPONDER", "SUPPORTER"))).status()).isEqualTo(200);

        assertThat(signedIn(browser)).isFalse();
        assertThat(api.bearer(token).get("/api/v1/tokens").status()).isEqualTo(200);
    }

    @Test
    void removingAPersonEndsTheirSessions() {
        AftercareUser gone = newPerson(Set.of(Role.RESPONDER), "gone-password-1234");
        WebSession browser = WebSession.signedIn(port, gone.login(), "gone-password-1234");
        assertThat(signedIn(browser)).isTrue();

        assertThat(api.asAdmin().delete("/api/v1/people/" + gone.personId()).status()).isEqualTo(204);

        assertThat(signedIn(browser)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(gone.login())
            .query(Long.class).single()).isZero();
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverBusy() {
        AftercareUser busy = newPerson(Set.of(Role.RESPONDER), "busy-password-1234");
        WebSession browser = WebSession.signedIn(port, busy.login(), "busy-password-1234");
        assertThat(signedIn(browser)).isTrue();

        // begun 13 hours ago, and used a moment ago (so the idle timeout has not struck)
        jdbc.sql("UPDATE spring_session SET creation_time = creation_time - ? WHERE principal_name = ?")
            .params(13L * 3600 * 1000, busy.login()).update();

        assertThat(signedIn(browser)).isFalse();
    }

    // --- invitations are for accounts without a password

    @Test
    void anInvitationForSomeoneWithAPasswordIsRefusedInTheApiAndOnThePage() {
        AftercareUser person = newPerson(Set.of(Role.RESPONDER), "their-own-password");
        var refused = api.asAdmin().post("/api/v1/people/" + person.personId() + "/invitation", "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.<String>json("$.detail")).contains("password reset");
        assertThat(refused.body()).doesNotContain("/invite/");

        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        admin.get("/people/" + person.personId());
        var posted = admin.post("/people/" + person.personId() + "/invitation", Map.of());
        assertThat(posted.statusCode()).isEqualTo(302);
        var page = admin.follow(posted);
        assertThat(page.body()).contains("They have a password already").doesNotContain("/invite/");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE person_id = ?").param(person.personId())
            .query(Long.class).single()).isZero();
        assertThat(api.basic(person.login(), "their-own-password").get("/api/v1/tokens").status()).isEqualTo(200);
    }

    @Test
    void withoutEmailAPasswordResetIsRefusedAndNothingIsShown() {
        AftercareUser person = newPerson(Set.of(Role.RESPONDER), "their-own-password");
        var refused = api.asAdmin().post("/api/v1/people/" + person.personId() + "/password-reset", "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.<String>json("$.detail")).contains("E-mail is not set up");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE person_id = ?").param(person.personId())
            .query(Long.class).single()).isZero();
    }
}
