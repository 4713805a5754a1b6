package io.aftercare.peersupport.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.support.AftercareIT;
import io.aftercare.support.AtTheSameMoment;

/**
 * A care case's opening and its check-in answer reach peer support as two events, handled at the same time on
 * threads of their own (seen in WebhookPrivacyIT's log on PostgreSQL: the answer's listener failed with a duplicate
 * key, and the person's wish for outreach waited for the event to be delivered again). Whichever comes first, both
 * are kept, and neither fails.
 */
@AftercareIT
class SupportCaseRaceIT {

    static final int ROUNDS = 40;

    @Autowired
    SupportCases cases;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaseOpenedAndItsOutreachWishAtTheSameMomentAreBothKept() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                UUID caseId = UUID.randomUUID();
                UUID person = UUID.randomUUID();
                UUID incident = UUID.randomUUID();
                Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                AtTheSameMoment.run(threads, () -> cases.opened(caseId, person, List.of(incident), at),
                    () -> cases.outreachWish(caseId, person, "TEAMMATE", at));
                SupportCases.SupportCase kept = cases.find(caseId).orElseThrow();
                assertThat(kept.incidentIds()).as("round %d: the case's incidents", round).containsExactly(incident);
                assertThat(kept.outreach()).as("round %d: the wish", round).isEqualTo("TEAMMATE");
                assertThat(cases.wasIn(person, List.of(incident))).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
