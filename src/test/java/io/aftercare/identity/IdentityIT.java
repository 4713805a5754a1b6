package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
        String email = "r-" + UUID.randomUUID() + "@example.com";
        people.create(NewPerson.of("Robin", email, "Europe/Berlin", Set.of(Role.RESPONDER), password), null);
        return email;
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
}
