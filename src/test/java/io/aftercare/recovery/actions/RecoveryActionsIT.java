package io.aftercare.recovery.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
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
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * "What I'd fix" belongs to its person alone: they list, tick off, change and delete actions on their own case in the
 * API and on the page, My aftercare says "2 of 3 done", the titles are not in the database in plain text, and
 * everyone else (another person, a lead, a coordinator, a supporter, an admin, another person's token) gets 404 on
 * every route, the same as for a case that does not exist.
 */
@AftercareIT
class RecoveryActionsIT {

    static final String PASSWORD = "recovery-password-123";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActionsPersonalData personalData;

    final Map<String, UUID> createdIds = new java.util.HashMap<>();
    TestApi api;
    String ownerEmail;
    UUID ownerId;
    UUID caseId;

    @BeforeEach
    void aPersonWithACaseOfTheirOwn() {
        api = TestApi.at(port);
        ownerEmail = person("Owner");
        ownerId = createdIds.get(ownerEmail);
        var opened = owner().post("/api/v1/me/cases", Map.of());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        caseId = UUID.fromString(opened.json("$.caseId"));
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

    private String add(String title, String url) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", title);
        if (url != null) {
            body.put("url", url);
        }
        var added = owner().post("/api/v1/me/cases/" + caseId + "/actions", body);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json("$.id");
    }

    private TestApi.Response patch(TestApi who, String path, Map<String, ?> body) {
        return who.send("PATCH", path, TestApi.json(body), "application/json");
    }

    @Test
    void thePersonListsTicksOffChangesAndDeletesTheirActionsAndMyAftercareCountsThem() {
        var me = WebSession.signedIn(port, ownerEmail, PASSWORD);
        assertThat(me.get("/me").body()).containsPattern("What I(&#39;|')d fix").contains("Nothing listed yet");

        String alert = add("Add an alert on queue depth", "https://tickets.example/OPS-12");
        String runbook = add("  Write the failover runbook  ", null);
        String review = add("Ask for a second review on schema changes", "");
        assertThat(patch(owner(), "/api/v1/me/cases/" + caseId + "/actions/" + alert, Map.of("done", true)).status())
            .isEqualTo(200);
        var ticked = patch(owner(), "/api/v1/me/cases/" + caseId + "/actions/" + runbook, Map.of("done", true));
        assertThat(ticked.<Boolean>json("$.done")).isTrue();
        assertThat(ticked.<String>json("$.title")).isEqualTo("Write the failover runbook");

        var list = owner().get("/api/v1/me/cases/" + caseId + "/actions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.<List<String>>json("$[*].title")).containsExactly("Add an alert on queue depth",
            "Write the failover runbook", "Ask for a second review on schema changes");
        assertThat(list.<List<Boolean>>json("$[*].done")).containsExactly(true, true, false);
        assertThat(list.<List<String>>json("$[*].url")).containsExactly("https://tickets.example/OPS-12", null, null);
        assertThat(me.get("/me").body()).contains("2 of 3 done");

        // untick, change the words, remove the link, delete
        var unticked = patch(owner(), "/api/v1/me/cases/" + caseId + "/actions/" + alert,
            Map.of("done", false, "title", "Alert on queue depth, and page the right team", "url", ""));
        assertThat(unticked.<Boolean>json("$.done")).isFalse();
        assertThat(unticked.<String>json("$.url")).isNull();
        assertThat(owner().delete("/api/v1/me/cases/" + caseId + "/actions/" + review).status()).isEqualTo(204);
        assertThat(owner().get("/api/v1/me/cases/" + caseId + "/actions").<List<String>>json("$[*].title"))
            .containsExactly("Alert on queue depth, and page the right team", "Write the failover runbook");
        assertThat(me.get("/me").body()).contains("1 of 2 done");
    }

    @Test
    void aMissingTitleOrALinkThatIsNotAWebAddressIsRefusedWithTheFieldNamed() {
        var noTitle = owner().post("/api/v1/me/cases/" + caseId + "/actions", Map.of("title", "  "));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(noTitle.body()).contains("title");
        var tooLong = owner().post("/api/v1/me/cases/" + caseId + "/actions", Map.of("title", "x".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(400);
        var script = owner().post("/api/v1/me/cases/" + caseId + "/actions",
            Map.of("title", "Fine", "url", "javascript:alert(1)"));
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.body()).contains("url");
        assertThat(owner().get("/api/v1/me/cases/" + caseId + "/actions").<List<Object>>json("$")).isEmpty();
    }

    @Test
    void onThePageTheyAddWithErrorsInlineTickOffAndDelete() {
        var me = WebSession.signedIn(port, ownerEmail, PASSWORD);
        String page = "/me/cases/" + caseId + "/actions";
        var empty = me.get(page);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("A place to park the worry").contains("Nothing listed yet");

        var invalid = me.post(page, Map.of("title", "", "url", "ftp://files.example"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Please write a few words").contains("Please give a web address")
            .contains("aria-invalid=\"true\"");

        var added = me.post(page, Map.of("title", "Add a canary for the checkout deploy", "url", ""));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(me.follow(added).body()).contains("Add a canary for the checkout deploy").contains("0 of 1 done")
            .contains("Added. Only you can see it.");
        UUID id = UUID.fromString(owner().get("/api/v1/me/cases/" + caseId + "/actions").json("$[0].id"));

        assertThat(me.post(page + "/" + id + "/done", Map.of("done", "true")).statusCode()).isEqualTo(302);
        assertThat(me.get(page).body()).contains("1 of 1 done").contains("Not done after all");
        assertThat(me.get("/me").body()).contains("1 of 1 done");

        var changed = me.post(page + "/" + id, Map.of("title", "Add a canary for every deploy", "url",
            "https://wiki.example/postmortem#canary"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(me.get(page).body()).contains("Add a canary for every deploy")
            .contains("https://wiki.example/postmortem#canary");

        assertThat(me.post(page + "/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(me.get(page).body()).contains("Nothing listed yet");
    }

    @Test
    void theTitlesAreNotInTheDatabaseInPlainTextAndGoIntoTheExportAndOutWithErasure() {
        String title = "plaintext-that-must-not-leak-" + UUID.randomUUID();
        add(title, "https://tickets.example/" + title);
        List<byte[]> stored = new ArrayList<>();
        jdbc.sql("SELECT title_ciphertext, url_ciphertext FROM recovery_action WHERE person_id = ?").param(ownerId)
            .query((rs, n) -> {
                stored.add(rs.getBytes(1));
                stored.add(rs.getBytes(2));
                return null;
            }).list();
        assertThat(stored).hasSize(2).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
            .doesNotContain(title));

        var export = owner().get("/api/v1/me/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.<List<String>>json("$.recoveryActions[*].title")).containsExactly(title);

        personalData.erase(ownerId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_action WHERE person_id = ?").param(ownerId)
            .query(Long.class).single()).isZero();
    }

    @Test
    void everyoneElseGets404OnEveryRouteJustAsForACaseThatDoesNotExist() {
        String action = add("Only mine", null);
        String other = person("Other");
        String lead = person("Lead", Role.LEAD);
        String coordinator = person("Coordinator", Role.COORDINATOR);
        String supporter = person("Supporter", Role.SUPPORTER);
        String admin = person("Admin", Role.ADMIN);
        String otherToken = api.basic(other, PASSWORD).post("/api/v1/tokens", Map.of("name", "bot")).json("$.token");
        String adminToken = api.basic(admin, PASSWORD).post("/api/v1/tokens", Map.of("name", "script"))
            .json("$.token");

        String base = "/api/v1/me/cases/" + caseId + "/actions";
        List<TestApi> strangers = List.of(api.basic(other, PASSWORD), api.basic(lead, PASSWORD),
            api.basic(coordinator, PASSWORD), api.basic(supporter, PASSWORD), api.basic(admin, PASSWORD),
            api.bearer(otherToken), api.bearer(adminToken), api.asAdmin());
        for (TestApi stranger : strangers) {
            assertThat(stranger.get(base).status()).isEqualTo(404);
            assertThat(stranger.post(base, Map.of("title", "Theirs")).status()).isEqualTo(404);
            assertThat(patch(stranger, base + "/" + action, Map.of("done", true)).status()).isEqualTo(404);
            assertThat(stranger.delete(base + "/" + action).status()).isEqualTo(404);
        }
        for (String email : List.of(other, lead, coordinator, supporter, admin)) {
            var browser = WebSession.signedIn(port, email, PASSWORD);
            String page = "/me/cases/" + caseId + "/actions";
            assertThat(browser.get(page).statusCode()).isEqualTo(404);
            browser.get("/me");
            assertThat(browser.post(page, Map.of("title", "Theirs")).statusCode()).isEqualTo(404);
            assertThat(browser.post(page + "/" + action + "/done", Map.of("done", "true")).statusCode())
                .isEqualTo(404);
            assertThat(browser.post(page + "/" + action, Map.of("title", "Theirs")).statusCode()).isEqualTo(404);
            assertThat(browser.post(page + "/" + action + "/delete", Map.of()).statusCode()).isEqualTo(404);
        }
        // the owner asking about a case or action that is not there gets the same answer
        assertThat(owner().get("/api/v1/me/cases/" + UUID.randomUUID() + "/actions").status()).isEqualTo(404);
        assertThat(patch(owner(), base + "/" + UUID.randomUUID(), Map.of("done", true)).status()).isEqualTo(404);

        var still = owner().get(base);
        assertThat(still.<List<String>>json("$[*].title")).containsExactly("Only mine");
        assertThat(still.<List<Boolean>>json("$[*].done")).containsExactly(false);
    }
}
