package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.aftercare.care.cases.CareFixtures.Person;
import io.aftercare.directory.People;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.AtTheSameMoment;

/**
 * A person's first "Stop all check-ins", sent twice at the same moment (a double click, a form sent again): both
 * requests succeed and the person is opted out. Before, each looked for the person's row, found none and inserted
 * one, and the second failed with a duplicate key.
 */
@AftercareIT
class OptOutRaceIT {

    static final int ROUNDS = 30;

    @Autowired
    People people;

    @Autowired
    CareService care;

    @Autowired
    CareStore store;

    @Test
    void aFirstOptOutSentTwiceAtOnceSucceedsBothTimes() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Person someone = person(people, "Twice" + round);
                AtTheSameMoment.run(threads, () -> care.setOptedOut(someone.id(), true),
                    () -> care.setOptedOut(someone.id(), true));
                assertThat(store.hasOptedOut(someone.id())).as("round %d", round).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
