package io.aftercare.care.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.aftercare.directory.People;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * The two modules together: resolving an incident through the incidents API opens a care case for each person in
 * it, through the event publication registry, and their check-in appears for them alone.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class ResolvedIncidentOpensCareIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Test
    void resolvingAnIncidentGivesEachResponderTheirOwnCheckIn() {
        var commander = CareFixtures.person(people, "Kim Commander");
        var observer = CareFixtures.person(people, "Ola Observer");
        // paged in the afternoon of the responders' own day (Berlin), whatever the hour this test runs at
        Instant start = CareFixtures.lastAfternoonInBerlin();
        TestApi admin = TestApi.at(port).asAdmin();
        var created = admin.post("/api/v1/incidents", Map.of("title", "Orders stuck in the queue", "severity", "SEV4",
            "startedAt", start.toString(),
            "responders", List.of(Map.of("personId", commander.id(), "role", "COMMANDER"),
                Map.of("personId", observer.id(), "role", "OBSERVER"))));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat(admin.post("/api/v1/incidents/" + id + "/resolve",
            Map.of("resolvedAt", start.plus(Duration.ofMinutes(20)).toString())).status()).isEqualTo(200);

        TestApi kim = TestApi.at(port).basic(commander.email(), CareFixtures.PASSWORD);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(kim.get("/api/v1/me/cases").<List<Object>>json("$[*]")).hasSize(1));
        // a title typed by a person is not carried into care: the check-in names the incident neutrally
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(kim.get("/api/v1/me/check-ins").body()).contains("the SEV4 incident of ")
                .doesNotContain("Orders stuck in the queue"));

        // a SEV4 that was short and by day: only the commander matches the default trigger rules
        TestApi ola = TestApi.at(port).basic(observer.email(), CareFixtures.PASSWORD);
        assertThat(ola.get("/api/v1/me/cases").<List<Object>>json("$[*]")).isEmpty();
    }
}
