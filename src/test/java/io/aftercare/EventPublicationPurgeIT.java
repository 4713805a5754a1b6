package io.aftercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.support.AftercareIT;

/** Completed event publications go a week after they completed; incomplete ones stay until they are delivered. */
@AftercareIT
class EventPublicationPurgeIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventPublicationPurge purge;

    @Test
    void aWeekAfterCompletionAPublicationIsGone_andOneNotYetDeliveredStays() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID oldDone = publication(now.minusDays(9), now.minusDays(8));
        UUID recentDone = publication(now.minusDays(2), now.minus(Duration.ofDays(1)));
        UUID oldPending = publication(now.minusDays(9), null);

        purge.purge();

        assertThat(exists(oldDone)).as("completed eight days ago").isFalse();
        assertThat(exists(recentDone)).as("completed yesterday").isTrue();
        assertThat(exists(oldPending)).as("never delivered").isTrue();
    }

    private UUID publication(OffsetDateTime published, OffsetDateTime completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status, completion_attempts)
                VALUES (?, 'test.listener', 'io.aftercare.Test', '{}', ?, ?, ?, 1)""")
            .params(id, published, completed, completed == null ? "PUBLISHED" : "COMPLETED").update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = ?").param(id).query(Long.class).single() > 0;
    }
}
