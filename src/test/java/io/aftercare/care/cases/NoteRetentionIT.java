package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.PASSWORD;
import static io.aftercare.care.cases.CareFixtures.person;
import static io.aftercare.care.cases.CareFixtures.sev2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.care.CareCases;
import io.aftercare.care.cases.CareFixtures.Person;
import io.aftercare.directory.People;
import io.aftercare.shared.DbTime;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * Notes do not live for ever: the retention job destroys the free text of answers older than
 * {@code aftercare.retention.notes} (12 months by default), and keeps the scores and younger notes.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class NoteRetentionIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoteRetention retention;

    private UUID answeredCheckIn(Person p, String note) {
        care.incidentResolved(sev2("Retention", p.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN' AND status = 'PENDING'")
            .param(p.id()).query(Long.class).single() == 1);
        UUID step = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'").param(p.id())
            .query(UUID.class).single();
        var answered = TestApi.at(port).basic(p.email(), PASSWORD).post("/api/v1/me/check-ins/" + step,
            Map.of("stress", 3, "effects", List.of("NONE"), "outreach", "NOBODY", "note", note));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return step;
    }

    @Test
    void notesOlderThanTheRetentionAreDestroyedAndTheirScoresStay() {
        Person old = person(people, "Old Note");
        Person fresh = person(people, "Fresh Note");
        String oldNote = "thirteen months ago " + UUID.randomUUID();
        String freshNote = "last week " + UUID.randomUUID();
        UUID oldStep = answeredCheckIn(old, oldNote);
        answeredCheckIn(fresh, freshNote);
        // the first answer was given thirteen months ago
        jdbc.sql("UPDATE care_check_in_answer SET answered_at = ? WHERE step_id = ?")
            .params(DbTime.toDb(Instant.now().minus(395, ChronoUnit.DAYS)), oldStep).update();
        assertThat(TestApi.at(port).basic(old.email(), PASSWORD).get("/api/v1/me/check-ins").body()).contains(oldNote);

        assertThat(retention.destroyOldNotes(Instant.now())).isGreaterThanOrEqualTo(1);

        var olds = TestApi.at(port).basic(old.email(), PASSWORD).get("/api/v1/me/check-ins");
        assertThat(olds.body()).doesNotContain(oldNote);
        assertThat(olds.<List<Integer>>json("$..checkIn.stress")).containsExactly(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_check_in_answer WHERE step_id = ? AND note_ciphertext IS NULL")
            .param(oldStep).query(Long.class).single()).isEqualTo(1);
        assertThat(TestApi.at(port).basic(fresh.email(), PASSWORD).get("/api/v1/me/check-ins").body())
            .contains(freshNote);
    }

    @Test
    void theRetentionJobIsScheduled() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'care-note-retention'")
            .query(Long.class).single()).isEqualTo(1);
    }
}
