package io.aftercare.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/** The dead-letters page through the API: admins see who and by which channel (never what) and send one again. */
@AftercareIT
class DeadLetterApiIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminListsDeadLettersWithoutTheirTextAndSendsOneAgain() {
        var robin = SupportFixtures.person(people, "Robin Unreachable", null);
        var coordinator = SupportFixtures.person(people, "Coco Ordinator", null, Role.COORDINATOR).api(port);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO notify_message (id, idempotency_key, person_id, channel, kind, status, not_before, attempts,
                                            last_error, last_attempt_at, created_at)
                VALUES (?, ?, ?, 'EMAIL', 'CHECK_IN', 'DEAD', ?, 8, 'mailbox unavailable', ?, ?)""")
            .params(id, "dead-letter-api-" + id, robin.id(), now, now, now).update();
        TestApi admin = TestApi.at(port).asAdmin();

        var list = admin.get("/api/v1/admin/dead-letters");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat((List<String>) list.json("$[?(@.id == '" + id + "')].person")).containsExactly("Robin Unreachable");
        assertThat((List<String>) list.json("$[?(@.id == '" + id + "')].email")).containsExactly(robin.email());
        assertThat((List<String>) list.json("$[?(@.id == '" + id + "')].reason")).containsExactly("mailbox unavailable");
        assertThat((List<Map<String, Object>>) list.json("$[?(@.id == '" + id + "')]")).singleElement()
            .satisfies(letter -> assertThat(letter).doesNotContainKeys("text", "body", "subject", "kind"));
        assertThat(coordinator.get("/api/v1/admin/dead-letters").status()).isEqualTo(403);
        assertThat(coordinator.post("/api/v1/admin/dead-letters/" + id + "/retry", Map.of()).status()).isEqualTo(403);

        var retried = admin.post("/api/v1/admin/dead-letters/" + id + "/retry", Map.of());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT attempts FROM notify_message WHERE id = ?").param(id).query(Integer.class).single())
            .isLessThan(8);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'notify.dead-letter.retry' AND target = ?")
            .param(id.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(admin.post("/api/v1/admin/dead-letters/" + UUID.randomUUID() + "/retry", Map.of()).status())
            .isEqualTo(404);
    }
}
