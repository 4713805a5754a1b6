package io.aftercare.peersupport.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;
import io.aftercare.support.AftercareIT;

/**
 * A check-in answer asking for a peer supporter that is handled after its person was erased: nothing is asked for,
 * and the listener finishes, so that the event is not handed back on every restart.
 */
@AftercareIT
class RequestAfterErasureIT {

    @Autowired
    RequestListener listener;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAnswerFromSomeoneErasedSinceAsksForNobodyAndIsDone() {
        UUID gone = UUID.randomUUID();
        CheckInAnswered answered = new CheckInAnswered(UUID.randomUUID(), UUID.randomUUID(), gone,
            Outreach.PEER_SUPPORTER, Instant.now());

        assertThatCode(() -> listener.on(answered)).doesNotThrowAnyException();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM support_request WHERE person_id = ?").param(gone)
            .query(Long.class).single()).isZero();
    }
}
