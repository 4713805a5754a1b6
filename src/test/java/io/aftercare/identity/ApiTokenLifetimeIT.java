package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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

/** API tokens expire, have a scope, cannot make tokens, and admins can see and revoke everyone's. */
@AftercareIT
class ApiTokenLifetimeIT {

    static final String PASSWORD = "token-owner-password";

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

    private String newResponder(String name) {
        String email = "t-" + UUID.randomUUID() + "@example.com";
        people.create(NewPerson.of(name, email, "UTC", Set.of(Role.RESPONDER), PASSWORD), null);
        return email;
    }

    private static Instant instant(TestApi.Response r, String path) {
        return Instant.parse(r.<String>json(path));
    }

    @Test
    void aNewTokenLivesNinetyDaysWithFullScopeUnlessToldOtherwise() {
        TestApi me = api.basic(newResponder("Robin"), PASSWORD);
        var created = me.post("/api/v1/tokens", Map.of("name", "bot"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.<String>json("$.scope")).isEqualTo("FULL");
        assertThat(instant(created, "$.expiresAt")).isCloseTo(Instant.now().plus(90, ChronoUnit.DAYS),
            within(5, ChronoUnit.MINUTES));

        var weekly = me.post("/api/v1/tokens", Map.of("name", "reader", "scope", "read", "expiresInDays", 7));
        assertThat(weekly.status()).isEqualTo(201);
        assertThat(weekly.<String>json("$.scope")).isEqualTo("READ");
        assertThat(instant(weekly, "$.expiresAt")).isCloseTo(Instant.now().plus(7, ChronoUnit.DAYS),
            within(5, ChronoUnit.MINUTES));
        var listed = me.get("/api/v1/tokens");
        assertThat(listed.<List<String>>json("$[*].scope")).containsExactlyInAnyOrder("FULL", "READ");
        assertThat(listed.<List<String>>json("$[*].expiresAt")).hasSize(2).doesNotContainNull();
    }

    @Test
    void anExpiryBeyondTheMaximumOrAnUnknownScopeIsRefused() {
        TestApi me = api.basic(newResponder("Robin"), PASSWORD);
        var tooLong = me.post("/api/v1/tokens", Map.of("name", "bot", "expiresInDays", 366));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.<String>json("$.errors[0].field")).isEqualTo("expiresInDays");
        var zero = me.post("/api/v1/tokens", Map.of("name", "bot", "expiresInDays", 0));
        assertThat(zero.status()).isEqualTo(400);
        var scope = me.post("/api/v1/tokens", Map.of("name", "bot", "scope", "admin"));
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.<String>json("$.errors[0].field")).isEqualTo("scope");
        assertThat(me.get("/api/v1/tokens").<List<Object>>json("$")).isEmpty();
    }

    @Test
    void aReadOnlyTokenReadsButChangesNothing() {
        TestApi me = api.basic(newResponder("Robin"), PASSWORD);
        var created = me.post("/api/v1/tokens", Map.of("name", "reader", "scope", "READ"));
        TestApi reader = api.bearer(created.json("$.token"));
        assertThat(reader.get("/api/v1/tokens").status()).isEqualTo(200);

        var post = reader.post("/api/v1/incidents", Map.of("title", "Checkout is down"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(post.<String>json("$.detail")).contains("read-only");
        assertThat(reader.put("/api/v1/me/preferences", Map.of()).status()).isEqualTo(403);
        assertThat(reader.send("PATCH", "/api/v1/tokens", "{}", "application/json").status()).isEqualTo(403);
        assertThat(reader.delete("/api/v1/tokens/" + created.json("$.id")).status()).isEqualTo(403);
        assertThat(me.get("/api/v1/tokens").<String>json("$[0].revokedAt")).isNull();
    }

    @Test
    void aTokenCannotMakeTokensNotEvenAFullOne() {
        TestApi me = api.basic(newResponder("Robin"), PASSWORD);
        TestApi full = api.bearer(me.post("/api/v1/tokens", Map.of("name", "full")).json("$.token"));
        var made = full.post("/api/v1/tokens", Map.of("name", "another"));
        assertThat(made.status()).isEqualTo(403);
        assertThat(made.<String>json("$.detail")).contains("cannot make tokens");
        assertThat(full.post("/api/v1/tokens", "{}").status()).as("refused before the body is read").isEqualTo(403);
        assertThat(me.get("/api/v1/tokens").<List<String>>json("$[*].name")).containsExactly("full");
    }

    @Test
    void anExpiredTokenGets401SayingSo() {
        TestApi me = api.basic(newResponder("Robin"), PASSWORD);
        var created = me.post("/api/v1/tokens", Map.of("name", "old", "expiresInDays", 1));
        TestApi token = api.bearer(created.json("$.token"));
        assertThat(token.get("/api/v1/tokens").status()).isEqualTo(200);
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
            .params(OffsetDateTime.now().minusMinutes(1), UUID.fromString(created.json("$.id"))).update();
        var expired = token.get("/api/v1/tokens");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.<String>json("$.detail")).contains("expired");
    }

    @Test
    void adminsListEveryonesTokensWithoutSecretsAndRevokeThem() {
        String email = newResponder("Robin Token-Owner");
        TestApi owner = api.basic(email, PASSWORD);
        var created = owner.post("/api/v1/tokens", Map.of("name", "deploy bot", "scope", "READ"));
        String secret = created.json("$.token");
        String id = created.json("$.id");

        assertThat(owner.get("/api/v1/admin/tokens").status()).isEqualTo(403);
        var all = api.asAdmin().get("/api/v1/admin/tokens");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).doesNotContain(secret).doesNotContain(
            jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?").param(UUID.fromString(id)).query(String.class).single());
        Map<String, Object> mine = all.<List<Map<String, Object>>>json("$[?(@.id == '" + id + "')]").get(0);
        assertThat(mine).containsEntry("name", "deploy bot").containsEntry("ownerName", "Robin Token-Owner")
            .containsEntry("ownerLogin", email).containsEntry("scope", "READ")
            .containsKeys("createdAt", "expiresAt", "lastUsedAt");

        assertThat(api.asAdmin().delete("/api/v1/admin/tokens/" + id).status()).isEqualTo(204);
        assertThat(api.bearer(secret).get("/api/v1/tokens").status()).isEqualTo(401);
        assertThat(api.asAdmin().delete("/api/v1/admin/tokens/" + UUID.randomUUID()).status()).isEqualTo(404);

        var seen = owner.get("/api/v1/me/access-log");
        assertThat(seen.<List<String>>json("$[*].action")).contains("identity.token.revoked");
    }

    @Test
    void theTokensPageMakesAReadOnlyTokenWithAChosenExpiryAndShowsErrorsInline() {
        String email = newResponder("Robin");
        WebSession browser = WebSession.signedIn(port, email, PASSWORD);
        browser.get("/settings/tokens");
        var bad = browser.post("/settings/tokens", Map.of("name", "cli", "scope", "READ", "days", "4000"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Choose a number of days from 1 to 365.").contains("aria-invalid=\"true\"");

        var made = browser.follow(browser.post("/settings/tokens", Map.of("name", "cli", "scope", "READ", "days", "30")));
        assertThat(made.body()).contains("act_").contains("Read only");
        String secret = made.body().replaceAll("(?s).*<code class=\"secret\">(act_[^<]+)</code>.*", "$1");
        assertThat(api.bearer(secret).post("/api/v1/incidents", Map.of("title", "x")).status()).isEqualTo(403);
        Instant expires = jdbc.sql("SELECT expires_at FROM api_token t JOIN account a ON a.person_id = t.person_id "
            + "WHERE a.login = ?").param(email).query(OffsetDateTime.class).single().toInstant();
        assertThat(expires).isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), within(5, ChronoUnit.MINUTES));
    }

    @Test
    void theAdminsTokensPageListsAndRevokesAnyonesToken() {
        String email = newResponder("Robin Page-Owner");
        var created = api.basic(email, PASSWORD).post("/api/v1/tokens", Map.of("name", "pager sync"));
        String secret = created.json("$.token");

        WebSession responder = WebSession.signedIn(port, email, PASSWORD);
        assertThat(responder.get("/admin/tokens").statusCode()).isEqualTo(403);

        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        var page = admin.get("/admin/tokens");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("pager sync").contains("Robin Page-Owner").contains(email)
            .doesNotContain(secret);
        var after = admin.follow(admin.post("/admin/tokens/" + created.json("$.id") + "/revoke", Map.of()));
        assertThat(after.body()).contains("The token was revoked.");
        assertThat(api.bearer(secret).get("/api/v1/tokens").status()).isEqualTo(401);
    }
}
