package io.aftercare.care.cases;

import static io.aftercare.care.cases.CareFixtures.person;
import static io.aftercare.care.cases.CareFixtures.sev2;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.care.CareCases;
import io.aftercare.care.cases.CareFixtures.Person;
import io.aftercare.directory.People;
import io.aftercare.support.AftercareIT;

/**
 * Two incidents resolved at the same moment for the same responders (a big outage ends, its incidents close together):
 * each person gets one case holding both, so one check-in, not two. The second transaction waits for the first and
 * joins the case it opened within the merge window.
 */
@AftercareIT
class ConcurrentOpeningIT {

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Test
    void incidentsResolvedAtOnceForTheSamePeopleOpenOneCaseEach() throws Exception {
        List<Person> responders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responders.add(person(people, "Concurrent" + i));
        }
        UUID[] ids = responders.stream().map(Person::id).toArray(UUID[]::new);
        Instant resolved = Instant.now().minus(5, ChronoUnit.MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<UUID>>> opened = new ArrayList<>();
                for (int incident = 0; incident < 2; incident++) {
                    var resolvedIncident = sev2("Outage part " + round + "." + incident, resolved.plusSeconds(round),
                        ids);
                    opened.add(pool.submit(() -> {
                        together.await();
                        return care.incidentResolved(resolvedIncident);
                    }));
                }
                for (Future<List<UUID>> f : opened) {
                    f.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (Person p : responders) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM care_case WHERE person_id = ?").param(p.id()).query(Long.class)
                .single()).as("cases of %s", p.id()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'")
                .param(p.id()).query(Long.class).single()).as("check-ins of %s", p.id()).isEqualTo(1);
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM care_case_incident ci JOIN care_case c ON c.id = ci.case_id
                    WHERE c.person_id = ?""").param(p.id()).query(Long.class).single())
                .as("incidents in the case of %s", p.id()).isEqualTo(10);
        }
    }
}
