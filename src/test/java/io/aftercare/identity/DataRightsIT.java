package io.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import io.aftercare.care.CareCases;
import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.shared.PersonalData;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/**
 * A person's data rights on H2 and PostgreSQL: the export holds every note decrypted; after erasure no table names
 * the person, their notes cannot be decrypted with any key Aftercare holds, and signing in, answer links, sessions
 * and API tokens fail, while the incident they were in still counts them as a responder. An erasure that fails half
 * way leaves everything as it was.
 */
@AftercareIT
@Import(DataRightsIT.FailingSection.class)
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class DataRightsIT {

    static final String PASSWORD = "data-rights-password-1";

    /** A module whose erasure fails for the people listed here: it runs last, after every real section. */
    @TestConfiguration
    static class FailingSection {

        static final Set<UUID> FAIL_FOR = ConcurrentHashMap.newKeySet();

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        PersonalData failingSection() {
            return new PersonalData() {
                @Override
                public String section() {
                    return "test";
                }

                @Override
                public Object export(UUID personId) {
                    return null;
                }

                @Override
                public void erase(UUID personId) {
                    if (FAIL_FOR.contains(personId)) {
                        throw new IllegalStateException("the disk is full");
                    }
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CareCases care;

    @Autowired
    PersonalEncryption encryption;

    @Autowired
    SchedulerClient scheduler;

    record Person(UUID id, String email) {
        TestApi api(int port) {
            return TestApi.at(port).basic(email, PASSWORD);
        }
    }

    Person person(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@rights.test";
        var created = people.create(new NewPerson(name, email, "UTC", LocalTime.NOON, LocalTime.NOON, Set.of(),
            Map.of(), null, Set.of(Role.RESPONDER), List.of(), PASSWORD), null);
        return new Person(created.id(), email);
    }

    /** What one person wrote through the normal flows: a check-in with a note and a support request with a note. */
    record Story(Person person, Person colleague, String incidentId, UUID checkIn, String checkInNote,
                 UUID request, String requestNote) {
    }

    Story story() {
        Person sam = person("Sam Rights");
        Person kim = person("Kim Colleague");
        TestApi admin = TestApi.at(port).asAdmin();
        var incident = admin.post("/api/v1/incidents", Map.of("title", "Payments down " + UUID.randomUUID(),
            "severity", "SEV2", "responders", List.of(Map.of("personId", sam.id().toString(), "role", "RESPONDER"),
                Map.of("personId", kim.id().toString(), "role", "RESPONDER"))));
        assertThat(incident.status()).as(incident.toString()).isEqualTo(201);
        String incidentId = incident.json("$.id");
        assertThat(admin.post("/api/v1/incidents/" + incidentId + "/resolve", "{}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN' AND status = 'PENDING'")
            .param(sam.id()).query(Long.class).single() == 1);
        UUID checkIn = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'")
            .param(sam.id()).query(UUID.class).single();
        String checkInNote = "I keep replaying the rollback " + UUID.randomUUID();
        var answered = sam.api(port).post("/api/v1/me/check-ins/" + checkIn, Map.of("stress", 4,
            "effects", List.of("SLEEPING_DIFFICULTIES"), "outreach", "NOBODY", "note", checkInNote));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        String requestNote = "A coffee chat would help " + UUID.randomUUID();
        var asked = sam.api(port).post("/api/v1/me/support-requests", Map.of("note", requestNote));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        return new Story(sam, kim, incidentId, checkIn, checkInNote, UUID.fromString(asked.json("$.id")),
            requestNote);
    }

    @Test
    void theExportHoldsEveryNoteDecryptedAndIsAuditedWithoutContent() {
        Story s = story();

        var export = s.person().api(port).get("/api/v1/me/export");

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).hasValueSatisfying(v -> v.contains("attachment"));
        assertThat((String) export.json("$.profile.email")).isEqualTo(s.person().email());
        assertThat((String) export.json("$.account.login")).isEqualTo(s.person().email());
        assertThat(export.<List<String>>json("$.care.cases[*].steps[*].answer.note")).contains(s.checkInNote());
        assertThat(export.<List<String>>json("$.support.requests[*].note")).containsExactly(s.requestNote());
        assertThat(export.<List<String>>json("$.incidents[*].incidentId")).containsExactly(s.incidentId());
        // someone else's export holds nothing of Sam's
        String theirs = s.colleague().api(port).get("/api/v1/me/export").body();
        assertThat(theirs).doesNotContain(s.checkInNote()).doesNotContain(s.requestNote())
            .doesNotContain(s.person().email());

        // the browser's "Download my data" gives the same document
        WebSession browser = WebSession.signedIn(port, s.person().email(), PASSWORD);
        assertThat(browser.get("/settings/data").body()).contains("Download my data");
        var download = browser.get("/settings/data/export");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).contains(s.checkInNote()).contains(s.requestNote());

        var audit = jdbc.sql("SELECT action, target, detail FROM audit_log WHERE actor_id = ?")
            .param(s.person().id()).query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsOnly("DATA_EXPORTED");
        assertThat(audit.toString()).doesNotContain(s.checkInNote()).doesNotContain(s.requestNote());
    }

    @Test
    void afterErasureNoTableNamesThePersonAndNothingOfTheirsWorks() {
        Story s = story();
        Person sam = s.person();
        UUID id = sam.id();
        // a follow-up waiting with an answer link, an API token and a signed-in browser, all from before
        UUID followUp = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'FOLLOW_UP' "
            + "ORDER BY step_day FETCH FIRST 1 ROWS ONLY").param(id).query(UUID.class).single();
        scheduler.reschedule(TaskInstanceId.of("care-step-due", followUp.toString()), java.time.Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(jdbc.sql(
            "SELECT status FROM care_step WHERE id = ?").param(followUp).query(String.class).single()));
        URI link = care.answerLink(followUp);
        WebSession anonymous = WebSession.anonymous(port);
        assertThat(anonymous.get(link.getRawPath()).statusCode()).isEqualTo(200);
        String token = sam.api(port).post("/api/v1/tokens", Map.of("name", "bot")).json("$.token");
        assertThat(TestApi.at(port).bearer(token).get("/api/v1/me/check-ins").status()).isEqualTo(200);
        WebSession browser = WebSession.signedIn(port, sam.email(), PASSWORD);
        assertThat(browser.get("/settings/data").statusCode()).isEqualTo(200);
        byte[] checkInCipher = jdbc.sql("SELECT note_ciphertext FROM care_check_in_answer WHERE step_id = ?")
            .param(s.checkIn()).query(byte[].class).single();
        byte[] requestCipher = jdbc.sql("SELECT note_ciphertext FROM support_request WHERE id = ?")
            .param(s.request()).query(byte[].class).single();
        List<String> stepIds = jdbc.sql("SELECT id FROM care_step WHERE person_id = ?").param(id)
            .query(UUID.class).list().stream().map(UUID::toString).toList();

        // a wrong confirmation erases nothing
        var refused = sam.api(port).send("DELETE", "/api/v1/me", TestApi.json(Map.of("confirmation", "nope")),
            "application/json");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("confirmation");
        assertThat(count("person", "id", id)).isEqualTo(1);

        var erased = sam.api(port).send("DELETE", "/api/v1/me",
            TestApi.json(Map.of("confirmation", sam.email().toUpperCase())), "application/json");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        // every table that can name a person has no row naming Sam
        List<String> naming = new ArrayList<>();
        for (String[] column : PERSON_COLUMNS) {
            if (count(column[0], column[1], id) > 0) {
                naming.add(column[0] + "." + column[1]);
            }
        }
        assertThat(naming).as("columns still naming the erased person").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
            .param("%" + id + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE LOWER(principal_name) = ?")
            .param(sam.email().toLowerCase()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance IN (:ids)")
            .param("ids", stepIds).query(Long.class).single()).isZero();
        // the key's row stays as a tombstone without a key, so that no new key is ever made for Sam
        assertThat(jdbc.sql("SELECT COUNT(*) FROM crypto_person_key WHERE person_id = ? AND keyset IS NOT NULL")
            .param(id).query(Long.class).single()).isZero();

        // the notes' ciphertext cannot be decrypted with any key Aftercare holds
        assertThatThrownBy(() -> encryption.decryptText(id, checkInCipher, "care.note:" + s.checkIn()))
            .isInstanceOf(KeyDestroyedException.class);
        assertThatThrownBy(() -> encryption.decryptText(id, requestCipher, "support.note:" + s.request()))
            .isInstanceOf(KeyDestroyedException.class);

        // signing in, the browser session from before, the answer link and the API token all fail
        var signIn = WebSession.anonymous(port);
        signIn.get("/login");
        var attempt = signIn.post("/login", Map.of("email", sam.email(), "password", PASSWORD));
        assertThat(attempt.headers().firstValue("Location").orElse("")).contains("error");
        assertThat(sam.api(port).get("/api/v1/me/check-ins").status()).isEqualTo(401);
        var before = browser.get("/settings/data");
        assertThat(before.statusCode()).isEqualTo(302);
        assertThat(before.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(anonymous.get(link.getRawPath()).statusCode()).isEqualTo(404);
        assertThat(TestApi.at(port).bearer(token).get("/api/v1/me/check-ins").status()).isEqualTo(401);

        // the incident still counts two responders; Kim is one, the other is nobody in particular
        var incident = TestApi.at(port).asAdmin().get("/api/v1/incidents/" + s.incidentId());
        assertThat(incident.<List<String>>json("$.responders[*].personId")).hasSize(2)
            .contains(s.colleague().id().toString()).doesNotContain(id.toString());
        assertThat(incident.body()).doesNotContain("Sam Rights").doesNotContain(sam.email());

        // the audit log says that an erasure happened, and nothing of what was erased
        var audit = jdbc.sql("SELECT actor_id, detail FROM audit_log WHERE action = 'PERSON_ERASED' AND target = ?")
            .param("person:" + id).query().listOfRows();
        assertThat(audit).hasSize(1);
        assertThat(String.valueOf(audit.get(0).get("detail"))).doesNotContain(s.checkInNote())
            .doesNotContain(s.requestNote()).doesNotContain(sam.email()).doesNotContain("Sam");
    }

    @Test
    void anAdminErasesSomeoneOnlyAfterTypingTheirEmail() {
        Story s = story();
        UUID id = s.person().id();
        WebSession admin = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(admin.get("/people/" + id).body()).contains("Erase Sam Rights");

        var wrong = admin.post("/people/" + id + "/delete", Map.of("confirmation", "someone@else.test"));
        assertThat(admin.follow(wrong).body()).contains("That is not their e-mail address. Nothing was erased.");
        assertThat(count("person", "id", id)).isEqualTo(1);
        assertThat(count("care_check_in_answer", "person_id", id)).isEqualTo(1);

        var right = admin.post("/people/" + id + "/delete", Map.of("confirmation", s.person().email()));
        assertThat(admin.follow(right).body()).contains("Sam Rights was erased from Aftercare.");
        for (String[] column : PERSON_COLUMNS) {
            assertThat(count(column[0], column[1], id)).as(column[0] + "." + column[1]).isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PERSON_ERASED' AND target = ?")
            .param("person:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anErasureThatFailsHalfWayLeavesEverythingAsItWas() {
        Story s = story();
        UUID id = s.person().id();
        FailingSection.FAIL_FOR.add(id);
        try {
            var failed = TestApi.at(port).asAdmin().delete("/api/v1/people/" + id);
            assertThat(failed.status()).isEqualTo(500);
        } finally {
            FailingSection.FAIL_FOR.remove(id);
        }
        assertThat(count("person", "id", id)).isEqualTo(1);
        assertThat(count("account", "person_id", id)).isEqualTo(1);
        assertThat(count("care_case", "person_id", id)).isEqualTo(1);
        assertThat(count("support_request", "person_id", id)).isEqualTo(1);
        assertThat(count("incident_responder", "person_id", id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PERSON_ERASED' AND target = ?")
            .param("person:" + id).query(Long.class).single()).isZero();
        // the key is still there: the notes read back, and Sam still signs in and sees them
        byte[] cipher = jdbc.sql("SELECT note_ciphertext FROM care_check_in_answer WHERE step_id = ?")
            .param(s.checkIn()).query(byte[].class).single();
        assertThat(encryption.decryptText(id, cipher, "care.note:" + s.checkIn())).isEqualTo(s.checkInNote());
        assertThat(s.person().api(port).get("/api/v1/me/export").body()).contains(s.checkInNote());
    }

    /** Every column of the schema that holds a person's id (audit_log and crypto_person_key: see decision 0016). */
    static final String[][] PERSON_COLUMNS = {
        {"person", "id"}, {"person", "manager_id"}, {"person_identity", "person_id"}, {"team_member", "person_id"},
        {"rotation_member", "person_id"}, {"rotation_override", "person_id"},
        {"account", "person_id"}, {"account_role", "person_id"}, {"api_token", "person_id"},
        {"invitation", "person_id"},
        {"care_rules", "updated_by"}, {"care_person", "person_id"}, {"care_case", "person_id"},
        {"care_case_incident", "person_id"}, {"care_step", "person_id"}, {"care_check_in_answer", "person_id"},
        {"care_follow_up_answer", "person_id"}, {"care_link", "person_id"}, {"care_suggestion", "person_id"},
        {"care_suggestion", "suggested_by"},
        {"support_case", "person_id"}, {"support_case", "first_outreach_by"}, {"support_case_incident", "person_id"},
        {"support_nudge", "about_person_id"}, {"support_nudge", "nudged_id"}, {"support_supporter", "person_id"},
        {"support_settings", "updated_by"}, {"support_request", "person_id"}, {"support_request", "supporter_id"},
        {"support_assignment", "supporter_id"},
        {"notify_message", "person_id"}, {"notify_preference", "person_id"}, {"notify_slack_user", "person_id"},
        {"notify_rate_slot", "recipient_id"},
        {"incident_responder", "person_id"}, {"incident_timeline", "actor_id"}, {"incident_timeline", "person_id"},
        {"intake_unmatched_identity", "person_id"},
        {"insights_release_viewer", "viewer_id"}, {"insights_release", "viewer_id"},
        {"insights_release_member", "person_id"},
    };

    private long count(String table, String column, UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(id)
            .query(Long.class).single();
    }
}
