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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/** The incidents REST API on a real database: recording, listing, moving along, and what it announces. */
@AftercareIT
class IncidentApiIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Incidents incidents;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Announcements announcements;

    TestApi api;

    /** Listens as another module would: after commit, through the Modulith event publication registry. */
    static class Announcements {
        final List<IncidentOpened> opened = new CopyOnWriteArrayList<>();
        final List<IncidentResolved> resolved = new CopyOnWriteArrayList<>();
        final List<IncidentsResolved> announcements = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(IncidentOpened event) {
            opened.add(event);
        }

        @TransactionalEventListener
        void on(IncidentsResolved event) {
            announcements.add(event);
            resolved.addAll(event.incidents());
        }

        /** The announcements that listed this incident (a method: the bean is proxied, its fields are not read). */
        List<IncidentsResolved> listing(UUID id) {
            return announcements.stream()
                .filter(a -> a.incidents().stream().anyMatch(i -> i.incidentId().equals(id))).toList();
        }

        List<IncidentResolved> resolvedFor(String id) {
            return resolved.stream().filter(e -> e.incidentId().toString().equals(id)).toList();
        }

        List<IncidentOpened> openedFor(String id) {
            return opened.stream().filter(e -> e.incidentId().toString().equals(id)).toList();
        }
    }

    @TestConfiguration
    static class ListenerConfig {
        @Bean
        Announcements announcements() {
            return new Announcements();
        }
    }

    @BeforeEach
    void setUp() {
        api = TestApi.at(port).asAdmin();
    }

    private PersonRef person(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return people.create(NewPerson.of(name + " " + unique, name.toLowerCase() + "-" + unique + "@example.test",
            "UTC", Set.of(Role.RESPONDER), "a-password-of-12+"), null);
    }

    private UUID team(String name) {
        UUID id = UUID.randomUUID();
        String unique = name + " " + id.toString().substring(0, 8);
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, ?)")
            .params(id, unique, unique.toLowerCase(), OffsetDateTime.now(ZoneOffset.UTC)).update();
        return id;
    }

    private String create(Map<String, ?> body) {
        TestApi.Response created = api.post("/api/v1/incidents", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json("$.id");
    }

    private long countTitled(String title) {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE title = ?").param(title).query(Long.class).single();
    }

    @Test
    void recordedAfterTheFact_peopleNamedInItJoinedAtItsStart_andPeopleAddedLaterJoinNow() {
        PersonRef alex = person("Alex");
        PersonRef sam = person("Sam");
        Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        TestApi.Response created = api.post("/api/v1/incidents", Map.of("title", "Paged at night, typed up at noon",
            "severity", "SEV3", "startedAt", start.toString(),
            "responders", List.of(Map.of("personId", alex.id().toString(), "role", "COMMANDER"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json("$.id");

        Instant beforeAdding = Instant.now().minusSeconds(1);
        assertThat(api.post("/api/v1/incidents/" + id + "/responders",
            Map.of("personId", sam.id().toString())).status()).isEqualTo(200);

        TestApi.Response got = api.get("/api/v1/incidents/" + id);
        assertThat(Instant.parse(got.<List<String>>json("$.responders[?(@.personId == '" + alex.id()
            + "')].joinedAt").get(0))).isEqualTo(start);
        assertThat(Instant.parse(got.<List<String>>json("$.responders[?(@.personId == '" + sam.id()
            + "')].joinedAt").get(0))).isAfter(beforeAdding);
    }

    @Test
    void recordingWithRespondersByIdAndByEmail_thenReadingItShowsThem() {
        PersonRef alex = person("Alex");
        PersonRef sam = person("Sam");

        TestApi.Response created = api.post("/api/v1/incidents", Map.of(
            "title", "Checkout is slow", "severity", "sev2", "service", "checkout",
            "url", "https://status.example.test/incidents/1",
            "responders", List.of(
                Map.of("personId", alex.id().toString(), "role", "COMMANDER"),
                Map.of("email", sam.email().toUpperCase(), "role", "observer"))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat(created.header("Location")).hasValue("/api/v1/incidents/" + id);

        TestApi.Response got = api.get("/api/v1/incidents/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat((String) got.json("$.title")).isEqualTo("Checkout is slow");
        assertThat((String) got.json("$.severity")).isEqualTo("SEV2");
        assertThat((String) got.json("$.status")).isEqualTo("TRIGGERED");
        assertThat((String) got.json("$.source")).isEqualTo("manual");
        assertThat((String) got.json("$.service")).isEqualTo("checkout");
        assertThat((String) got.json("$.url")).isEqualTo("https://status.example.test/incidents/1");
        assertThat((String) got.json("$.startedAt")).isNotNull();
        assertThat((Object) got.json("$.acknowledgedAt")).isNull();
        assertThat((Object) got.json("$.resolvedAt")).isNull();
        assertThat((List<String>) got.json("$.responders[*].personId"))
            .containsExactlyInAnyOrder(alex.id().toString(), sam.id().toString());
        assertThat((List<String>) got.json("$.responders[?(@.personId == '" + alex.id() + "')].role"))
            .containsExactly("COMMANDER");
        assertThat((List<String>) got.json("$.responders[?(@.personId == '" + sam.id() + "')].role"))
            .containsExactly("OBSERVER");
        assertThat((List<String>) got.json("$.responders[?(@.personId == '" + sam.id() + "')].email"))
            .containsExactly(sam.email());
        assertThat((List<String>) got.json("$.responders[?(@.personId == '" + alex.id() + "')].name"))
            .containsExactly(alex.name());
        assertThat((List<String>) got.json("$.responders[*].joinedAt")).hasSize(2).doesNotContainNull();

        TestApi.Response timeline = api.get("/api/v1/incidents/" + id + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat((List<String>) timeline.json("$[*].kind"))
            .containsExactlyInAnyOrder("CREATED", "RESPONDER_ADDED", "RESPONDER_ADDED");

        await().atMost(Duration.ofSeconds(10)).until(() -> announcements.openedFor(id).size() == 1);
        assertThat(announcements.openedFor(id).get(0).severity()).isEqualTo(Severity.SEV2);
    }

    @Test
    void listingPagesNewestFirstAndFiltersByTeamStatusAndDates() {
        UUID team = team("Payments");
        String oldest = create(Map.of("title", "First", "severity", "SEV3", "teamId", team.toString(),
            "startedAt", "2021-03-01T10:00:00Z"));
        String middle = create(Map.of("title", "Second", "severity", "SEV3", "teamId", team.toString(),
            "startedAt", "2021-03-02T10:00:00Z"));
        String newest = create(Map.of("title", "Third", "severity", "SEV1", "teamId", team.toString(),
            "startedAt", "2021-03-03T10:00:00Z"));
        create(Map.of("title", "Another team's", "severity", "SEV3", "startedAt", "2021-03-02T11:00:00Z"));

        TestApi.Response first = api.get("/api/v1/incidents?team=" + team + "&size=2&page=0");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat((List<String>) first.json("$.items[*].id")).containsExactly(newest, middle);
        assertThat((Integer) first.json("$.total")).isEqualTo(3);
        assertThat((Integer) first.json("$.page")).isZero();
        assertThat((Integer) first.json("$.size")).isEqualTo(2);

        TestApi.Response second = api.get("/api/v1/incidents?team=" + team + "&size=2&page=1");
        assertThat((List<String>) second.json("$.items[*].id")).containsExactly(oldest);

        assertThat(api.post("/api/v1/incidents/" + middle + "/resolve", Map.of()).status()).isEqualTo(200);
        TestApi.Response resolved = api.get("/api/v1/incidents?team=" + team + "&status=resolved");
        assertThat((List<String>) resolved.json("$.items[*].id")).containsExactly(middle);
        TestApi.Response triggered = api.get("/api/v1/incidents?team=" + team + "&status=TRIGGERED");
        assertThat((List<String>) triggered.json("$.items[*].id")).containsExactly(newest, oldest);

        TestApi.Response byDay = api.get("/api/v1/incidents?team=" + team + "&from=2021-03-02&to=2021-03-02");
        assertThat((List<String>) byDay.json("$.items[*].id")).containsExactly(middle);
        TestApi.Response byInstant = api.get("/api/v1/incidents?team=" + team
            + "&from=2021-03-02T10:00:00Z&to=2021-03-04T00:00:00Z");
        assertThat((List<String>) byInstant.json("$.items[*].id")).containsExactly(newest, middle);

        TestApi.Response badStatus = api.get("/api/v1/incidents?status=ON_FIRE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat((List<String>) badStatus.json("$.errors[*].field")).containsExactly("status");
        assertThat(api.get("/api/v1/incidents?from=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/incidents?size=501").status()).isEqualTo(400);
    }

    @Test
    void acknowledgingAndResolving_setTheirTimes_andResolvingAnnouncesOnceWithTheResponders() {
        PersonRef alex = person("Alex");
        PersonRef kim = person("Kim");
        Instant started = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String id = create(Map.of("title", "Search down", "severity", "P1", "startedAt", started.toString(),
            "responders", List.of(Map.of("personId", alex.id().toString(), "role", "COMMANDER"))));
        assertThat(api.post("/api/v1/incidents/" + id + "/responders",
            Map.of("email", kim.email())).status()).isEqualTo(200);

        TestApi.Response acked = api.send("POST", "/api/v1/incidents/" + id + "/acknowledge", null, "application/json");
        assertThat(acked.status()).as(acked.toString()).isEqualTo(200);
        assertThat((String) acked.json("$.status")).isEqualTo("ACKNOWLEDGED");
        String acknowledgedAt = acked.json("$.acknowledgedAt");
        assertThat(Instant.parse(acknowledgedAt)).isAfter(started);
        TestApi.Response ackedAgain = api.send("POST", "/api/v1/incidents/" + id + "/acknowledge", null, "application/json");
        assertThat((String) ackedAgain.json("$.acknowledgedAt")).isEqualTo(acknowledgedAt);

        Instant resolvedAt = Instant.parse(acknowledgedAt).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        TestApi.Response resolved = api.post("/api/v1/incidents/" + id + "/resolve",
            Map.of("resolvedAt", resolvedAt.toString()));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat((String) resolved.json("$.status")).isEqualTo("RESOLVED");
        assertThat(Instant.parse(resolved.json("$.resolvedAt"))).isEqualTo(resolvedAt);
        assertThat(Instant.parse(resolved.json("$.startedAt"))).isEqualTo(started);

        TestApi.Response again = api.send("POST", "/api/v1/incidents/" + id + "/resolve", null, "application/json");
        assertThat(again.status()).isEqualTo(200);
        assertThat(Instant.parse(again.json("$.resolvedAt"))).isEqualTo(resolvedAt);

        await().atMost(Duration.ofSeconds(10)).until(() -> !announcements.resolvedFor(id).isEmpty());
        List<IncidentResolved> events = announcements.resolvedFor(id);
        assertThat(events).hasSize(1);
        IncidentResolved event = events.get(0);
        assertThat(event.title()).as("a typed title is not announced to care and nudges (decision 0018)")
            .startsWith("the SEV1 incident of ").doesNotContain("Search down");
        assertThat(event.severity()).isEqualTo(Severity.SEV1);
        assertThat(event.startedAt()).isEqualTo(started);
        assertThat(event.acknowledgedAt()).isEqualTo(Instant.parse(acknowledgedAt));
        assertThat(event.resolvedAt()).isEqualTo(resolvedAt);
        assertThat(event.responders()).extracting(IncidentResolved.Responder::personId, IncidentResolved.Responder::role)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(alex.id(), ResponderRole.COMMANDER),
                org.assertj.core.groups.Tuple.tuple(kim.id(), ResponderRole.RESPONDER));
        assertThat(event.responders()).allSatisfy(r -> assertThat(r.joinedAt()).isNotNull());

        // went through the transactional outbox, once per listener, and every listener has completed
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM event_publication
                WHERE event_type LIKE '%IncidentsResolved' AND serialized_event LIKE ? AND completion_date IS NULL""")
            .param("%" + id + "%").query(Long.class).single() == 0);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM event_publication
                WHERE event_type LIKE '%IncidentsResolved' AND serialized_event LIKE ?""")
            .param("%" + id + "%").query(Long.class).single()).isPositive();

        TestApi.Response timeline = api.get("/api/v1/incidents/" + id + "/timeline");
        assertThat((List<String>) timeline.json("$[*].kind")).containsOnlyOnce("ACKNOWLEDGED", "RESOLVED");
    }

    @Test
    void incidentsResolvedInOneTransaction_areAnnouncedTogetherOnce_andARolledBackResolveNever() {
        PersonRef sam = person("Sam");
        UUID first = UUID.fromString(create(Map.of("title", "Disk full", "severity", "SEV2",
            "responders", List.of(Map.of("personId", sam.id())))));
        UUID second = UUID.fromString(create(Map.of("title", "Disk full again", "severity", "SEV2")));
        UUID third = UUID.fromString(create(Map.of("title", "Disk full once more", "severity", "SEV2")));
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(s -> {
            incidents.resolve(first, null, null);
            incidents.resolve(second, null, null);
            incidents.resolve(first, null, null); // already resolved: nothing more to announce
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !announcements.resolvedFor(first.toString()).isEmpty());
        List<IncidentsResolved> together = announcements.listing(first);
        assertThat(together).hasSize(1);
        assertThat(together.get(0).incidents()).extracting(IncidentResolved::incidentId)
            .containsExactly(first, second);
        assertThat(together.get(0).incidents().get(0).responders()).extracting(IncidentResolved.Responder::personId)
            .containsExactly(sam.id());

        tx.executeWithoutResult(s -> {
            incidents.resolve(third, null, null);
            s.setRollbackOnly();
        });
        assertThat(api.get("/api/v1/incidents/" + third).<String>json("$.status")).isEqualTo("TRIGGERED");
        // resolving it for real now is its first and only announcement
        assertThat(api.post("/api/v1/incidents/" + third + "/resolve", Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !announcements.resolvedFor(third.toString()).isEmpty());
        assertThat(announcements.resolvedFor(third.toString())).hasSize(1);
    }

    @Test
    void resolvingBeforeItStarted_isRefused_andChangesNothing() {
        String id = create(Map.of("title", "Queue backlog", "severity", "SEV4",
            "startedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()));
        TestApi.Response refused = api.post("/api/v1/incidents/" + id + "/resolve",
            Map.of("resolvedAt", Instant.now().minus(3, ChronoUnit.HOURS).toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("resolvedAt");
        assertThat((String) api.get("/api/v1/incidents/" + id).json("$.status")).isEqualTo("TRIGGERED");
        assertThat(announcements.resolvedFor(id)).isEmpty();
    }

    @Test
    void addingSomeoneAlreadyInIt_changesTheirRole() {
        PersonRef alex = person("Alex");
        String id = create(Map.of("title", "DNS flapping", "severity", "SEV3",
            "responders", List.of(Map.of("personId", alex.id().toString(), "role", "OBSERVER"))));
        TestApi.Response again = api.post("/api/v1/incidents/" + id + "/responders",
            Map.of("personId", alex.id().toString(), "role", "COMMANDER"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat((List<String>) again.json("$.responders[*].role")).containsExactly("COMMANDER");
        assertThat((List<String>) api.get("/api/v1/incidents/" + id + "/timeline").json("$[*].kind"))
            .containsExactly("CREATED", "RESPONDER_ADDED", "ROLE_CHANGED");
    }

    @Test
    void recordingTheSameSourceIncidentAgain_updatesIt() {
        // alerting tools record theirs through the module's API (intake); the people's API refuses a source
        String externalId = "PD-" + UUID.randomUUID();
        IncidentView first = incidents.record(new NewIncident("PagerDuty", externalId, "Disk full",
            Severity.parse("critical").orElseThrow(), null, null, null, null, List.of()), null);
        IncidentView second = incidents.record(new NewIncident("pagerduty", externalId, "Disk full on db-2",
            Severity.parse("high").orElseThrow(), null, null, null, null, List.of()), null);
        String id = first.id().toString();
        assertThat(second.id()).isEqualTo(first.id());
        TestApi.Response got = api.get("/api/v1/incidents/" + id);
        assertThat((String) got.json("$.title")).isEqualTo("Disk full on db-2");
        assertThat((String) got.json("$.severity")).isEqualTo("SEV2");
        assertThat((String) got.json("$.source")).isEqualTo("pagerduty");
        await().atMost(Duration.ofSeconds(10)).until(() -> announcements.openedFor(id).size() == 1);
    }

    @Test
    void unknownIncidents_are404() {
        String unknown = "/api/v1/incidents/" + UUID.randomUUID();
        assertThat(api.get(unknown).status()).isEqualTo(404);
        assertThat((String) api.get(unknown).json("$.detail")).isEqualTo("The incident was not found.");
        assertThat(api.send("POST", unknown + "/acknowledge", null, "application/json").status()).isEqualTo(404);
        assertThat(api.send("POST", unknown + "/resolve", null, "application/json").status()).isEqualTo(404);
        assertThat(api.post(unknown + "/responders", Map.of("email", TestApi.ADMIN_EMAIL)).status()).isEqualTo(404);
        assertThat(api.get(unknown + "/timeline").status()).isEqualTo(404);
    }

    @Test
    void invalidInput_is400NamingEveryField() {
        TestApi.Response response = api.post("/api/v1/incidents", Map.of("severity", "SEV9", "url", "javascript:x",
            "teamId", UUID.randomUUID().toString(), "responders", List.of(Map.of("email", TestApi.ADMIN_EMAIL,
                "role", "HERO"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        assertThat((List<String>) response.json("$.errors[*].field"))
            .containsExactlyInAnyOrder("severity", "responders[0].role", "title", "url", "teamId");

        TestApi.Response noSeverity = api.post("/api/v1/incidents", Map.of("title", "Something"));
        assertThat((List<String>) noSeverity.json("$.errors[*].field")).containsExactly("severity");

        assertThat(api.post("/api/v1/incidents", "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/incidents", Map.of("title", "Future", "severity", "SEV5",
            "startedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).status()).isEqualTo(400);

        String id = create(Map.of("title", "Cache stampede", "severity", "SEV3"));
        TestApi.Response unknownEmail = api.post("/api/v1/incidents/" + id + "/responders",
            Map.of("email", "nobody-" + UUID.randomUUID() + "@example.test", "role", "RESPONDER"));
        assertThat(unknownEmail.status()).isEqualTo(400);
        assertThat((List<String>) unknownEmail.json("$.errors[*].field")).containsExactly("email");
        TestApi.Response unknownPerson = api.post("/api/v1/incidents/" + id + "/responders",
            Map.of("personId", UUID.randomUUID().toString()));
        assertThat((List<String>) unknownPerson.json("$.errors[*].field")).containsExactly("personId");
        TestApi.Response badRole = api.post("/api/v1/incidents/" + id + "/responders",
            Map.of("email", TestApi.ADMIN_EMAIL, "role", "boss"));
        assertThat((List<String>) badRole.json("$.errors[*].field")).containsExactly("role");
        assertThat((List<?>) api.get("/api/v1/incidents/" + id).json("$.responders")).isEmpty();
    }

    @Test
    void aResponderNobodyKnows_leavesNothingHalfWritten() {
        PersonRef alex = person("Alex");
        String title = "Half-written " + UUID.randomUUID();
        long incidentsBefore = jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
        long respondersBefore = jdbc.sql("SELECT COUNT(*) FROM incident_responder WHERE person_id = ?")
            .param(alex.id()).query(Long.class).single();

        TestApi.Response response = api.post("/api/v1/incidents", Map.of("title", title, "severity", "SEV2",
            "responders", List.of(Map.of("personId", alex.id().toString(), "role", "COMMANDER"),
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.test", "role", "RESPONDER"))));

        assertThat(response.status()).isEqualTo(400);
        assertThat((List<String>) response.json("$.errors[*].field")).containsExactly("responders[1].email");
        assertThat(countTitled(title)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(incidentsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_responder WHERE person_id = ?").param(alex.id())
            .query(Long.class).single()).isEqualTo(respondersBefore);
    }

    @Test
    void withoutSigningIn_nothingIsShown() {
        assertThat(TestApi.at(port).anonymous().get("/api/v1/incidents").status()).isEqualTo(401);
        assertThat(TestApi.at(port).anonymous().post("/api/v1/incidents",
            Map.of("title", "x", "severity", "SEV1")).status()).isEqualTo(401);
    }
}
