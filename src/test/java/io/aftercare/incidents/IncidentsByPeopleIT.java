package io.aftercare.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.cases.IncidentTitles;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * Incidents recorded by people through the API (H2 and PostgreSQL): always manual, dated at most 30 days back,
 * other people added only by the incident's commander, a lead or an admin, an integration's incident left to the
 * integration, and a title a person typed never carried to anyone else (decision 0018).
 */
@AftercareIT
class IncidentsByPeopleIT {

    static final String PASSWORD = "a-password-of-12+";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Incidents incidents;

    @Autowired
    IncidentTitles titles;

    @Autowired
    Resolved announced;

    TestApi admin;

    /** What other modules hear when an incident is resolved. */
    static class Resolved {
        final List<IncidentResolved> resolved = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(IncidentsResolved event) {
            resolved.addAll(event.incidents());
        }

        List<IncidentResolved> of(String id) {
            return resolved.stream().filter(e -> e.incidentId().toString().equals(id)).toList();
        }
    }

    @TestConfiguration
    static class ListenerConfig {
        @Bean
        Resolved resolvedIncidents() {
            return new Resolved();
        }
    }

    @BeforeEach
    void setUp() {
        admin = TestApi.at(port).asAdmin();
    }

    private PersonRef person(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return people.create(NewPerson.of(name + " " + unique, name.toLowerCase() + "-" + unique + "@example.test",
            "UTC", Set.of(Role.RESPONDER), PASSWORD), null);
    }

    private TestApi as(PersonRef p) {
        return TestApi.at(port).basic(p.email(), PASSWORD);
    }

    private UUID team(UUID lead, UUID... members) {
        UUID team = UUID.randomUUID();
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, ?)")
            .params(team, "Team " + team, ("team " + team), OffsetDateTime.now(ZoneOffset.UTC)).update();
        jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, TRUE, CURRENT_TIMESTAMP)")
            .params(team, lead).update();
        for (UUID m : members) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, FALSE, CURRENT_TIMESTAMP)")
                .params(team, m).update();
        }
        return team;
    }

    private long countTitled(String title) {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE title = ?").param(title).query(Long.class).single();
    }

    private static Map<String, Object> responder(PersonRef p, String role) {
        return Map.of("personId", p.id().toString(), "role", role);
    }

    /** An incident as an alerting tool reports it, through the module's API as intake does. */
    private IncidentView fromPagerDuty(String title) {
        return incidents.record(new NewIncident("pagerduty", "PD-" + UUID.randomUUID(), title, Severity.SEV2, null,
            null, null, null, List.of()), null);
    }

    @Test
    void aSourceOrAnExternalIdFromAPersonIsRefusedAndNothingIsStored() {
        PersonRef robin = person("Robin");
        String title = "Posing as PagerDuty " + UUID.randomUUID();
        for (TestApi who : List.of(as(robin), admin)) {
            TestApi.Response refused = who.post("/api/v1/incidents", Map.of("title", title, "severity", "SEV2",
                "source", "pagerduty", "externalId", "PD-" + UUID.randomUUID()));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("source", "externalId");
        }
        assertThat(countTitled(title)).isZero();

        TestApi.Response manual = as(robin).post("/api/v1/incidents", Map.of("title", title, "severity", "SEV2",
            "source", "Manual"));
        assertThat(manual.status()).as(manual.toString()).isEqualTo(201);
        assertThat(manual.<String>json("$.source")).isEqualTo("manual");
        assertThat((Object) manual.json("$.externalId")).isNull();
    }

    @Test
    void anIntegrationsIncidentIsChangedByItOrAnAdminButAnyoneMayJoinIt() {
        PersonRef robin = person("Robin");
        PersonRef sasha = person("Sasha");
        String id = fromPagerDuty("Disk full on db-2").id().toString();
        TestApi robinApi = as(robin);

        assertThat(robinApi.send("POST", "/api/v1/incidents/" + id + "/acknowledge", null, "application/json").status())
            .isEqualTo(403);
        TestApi.Response resolve = robinApi.post("/api/v1/incidents/" + id + "/resolve", Map.of());
        assertThat(resolve.status()).isEqualTo(403);
        assertThat(resolve.header("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(robinApi.post("/api/v1/incidents/" + id + "/responders", responder(sasha, "RESPONDER")).status())
            .isEqualTo(403);
        assertThat(robinApi.post("/api/v1/incidents/" + id + "/responders", responder(robin, "COMMANDER")).status())
            .isEqualTo(403);
        assertThat(admin.get("/api/v1/incidents/" + id).<String>json("$.status")).isEqualTo("TRIGGERED");
        assertThat(admin.get("/api/v1/incidents/" + id).<List<?>>json("$.responders")).isEmpty();

        TestApi.Response joined = robinApi.post("/api/v1/incidents/" + id + "/responders",
            Map.of("personId", robin.id().toString()));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.<List<String>>json("$.responders[*].personId")).containsExactly(robin.id().toString());

        assertThat(admin.post("/api/v1/incidents/" + id + "/resolve", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void otherPeopleAreAddedByTheCommanderALeadOrAnAdminOnly() {
        PersonRef robin = person("Robin");
        PersonRef sasha = person("Sasha");
        PersonRef kim = person("Kim");
        PersonRef lee = person("Lee");
        String title = "Checkout errors " + UUID.randomUUID();

        TestApi.Response notCommander = as(robin).post("/api/v1/incidents", Map.of("title", title,
            "severity", "SEV2", "responders", List.of(responder(robin, "RESPONDER"), responder(sasha, "RESPONDER"))));
        assertThat(notCommander.status()).as(notCommander.toString()).isEqualTo(403);
        assertThat(countTitled(title)).isZero();
        assertThat(as(robin).post("/api/v1/incidents", Map.of("title", title, "severity", "SEV2",
            "responders", List.of(responder(sasha, "COMMANDER")))).status()).isEqualTo(403);
        assertThat(countTitled(title)).isZero();

        TestApi.Response created = as(robin).post("/api/v1/incidents", Map.of("title", title, "severity", "SEV2",
            "responders", List.of(responder(robin, "COMMANDER"), responder(sasha, "RESPONDER"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json("$.id");

        // Kim is not in it: may join, may not add Lee, may not make themself commander
        assertThat(as(kim).post("/api/v1/incidents/" + id + "/responders", responder(lee, "RESPONDER")).status())
            .isEqualTo(403);
        assertThat(as(kim).post("/api/v1/incidents/" + id + "/responders", responder(kim, "COMMANDER")).status())
            .isEqualTo(403);
        assertThat(as(kim).post("/api/v1/incidents/" + id + "/responders", responder(kim, "OBSERVER")).status())
            .isEqualTo(200);
        // the commander may add Lee; Lee's lead may change Lee's role; an admin may add anyone
        assertThat(as(robin).post("/api/v1/incidents/" + id + "/responders", responder(lee, "OBSERVER")).status())
            .isEqualTo(200);
        PersonRef leesLead = person("Lead");
        team(leesLead.id(), lee.id());
        assertThat(as(leesLead).post("/api/v1/incidents/" + id + "/responders", responder(lee, "RESPONDER"))
            .status()).isEqualTo(200);
        PersonRef other = person("Other");
        assertThat(admin.post("/api/v1/incidents/" + id + "/responders", responder(other, "RESPONDER")).status())
            .isEqualTo(200);
        assertThat(admin.get("/api/v1/incidents/" + id).<List<String>>json("$.responders[*].personId"))
            .containsExactlyInAnyOrder(robin.id().toString(), sasha.id().toString(), kim.id().toString(),
                lee.id().toString(), other.id().toString());
    }

    @Test
    void aPersonDatesAnIncidentAtMostThirtyDaysBackAndAnAdminFurther() {
        PersonRef robin = person("Robin");
        String title = "Backdated " + UUID.randomUUID();
        Instant longAgo = Instant.now().minus(40, ChronoUnit.DAYS);
        TestApi.Response refused = as(robin).post("/api/v1/incidents", Map.of("title", title, "severity", "SEV2",
            "startedAt", longAgo.toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("startedAt");
        assertThat(countTitled(title)).isZero();
        assertThat(as(robin).post("/api/v1/incidents", Map.of("title", title, "severity", "SEV2",
            "startedAt", Instant.now().minus(29, ChronoUnit.DAYS).toString())).status()).isEqualTo(201);

        TestApi.Response old = admin.post("/api/v1/incidents", Map.of("title", title, "severity", "SEV2",
            "startedAt", longAgo.toString()));
        assertThat(old.status()).isEqualTo(201);
        String id = old.json("$.id");
        TestApi.Response lateResolve = as(robin).post("/api/v1/incidents/" + id + "/resolve",
            Map.of("resolvedAt", longAgo.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(lateResolve.status()).isEqualTo(400);
        assertThat(lateResolve.<List<String>>json("$.errors[*].field")).containsExactly("resolvedAt");
        assertThat(admin.get("/api/v1/incidents/" + id).<String>json("$.status")).isEqualTo("TRIGGERED");
        assertThat(admin.post("/api/v1/incidents/" + id + "/resolve",
            Map.of("resolvedAt", longAgo.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(200);
    }

    @Test
    void aTitleAPersonTypedReachesNoOneElseButAnIntegrationsTitleDoes() {
        PersonRef robin = person("Robin");
        PersonRef sasha = person("Sasha");
        String typed = "Sasha broke prod again " + UUID.randomUUID();
        Instant started = Instant.now().minus(1, ChronoUnit.DAYS);
        TestApi.Response created = as(robin).post("/api/v1/incidents", Map.of("title", typed, "severity", "SEV2",
            "startedAt", started.toString(),
            "responders", List.of(responder(robin, "COMMANDER"), responder(sasha, "RESPONDER"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat(as(robin).post("/api/v1/incidents/" + id + "/resolve", Map.of()).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> announced.of(id).size() == 1);
        String day = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC).format(started);
        assertThat(announced.of(id).get(0).title()).isEqualTo("the SEV2 incident of " + day)
            .doesNotContain("Sasha", "prod");
        assertThat(titles.title(UUID.fromString(id))).as("what nudges and supporters see").isEmpty();
        // the people who look at incidents still see what was typed
        assertThat(admin.get("/api/v1/incidents/" + id).<String>json("$.title")).isEqualTo(typed);

        IncidentView tool = fromPagerDuty("Disk full on db-2");
        assertThat(titles.title(tool.id())).contains("Disk full on db-2");
        incidents.resolve(tool.id(), null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> announced.of(tool.id().toString()).size() == 1);
        assertThat(announced.of(tool.id().toString()).get(0).title()).isEqualTo("Disk full on db-2");
    }
}
