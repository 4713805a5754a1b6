package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;
import io.aftercare.support.WebSession;

/** Importing past incidents from CSV, on H2 and PostgreSQL: all or nothing, idempotent, and never a care case. */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms"})
class HistoryImportIT {

    static final String HEADER = "externalId,title,severity,startedAt,resolvedAt,acknowledgedAt,service,team,url,"
        + "source,commander,responders\n";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    Incidents incidents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TestApi admin;

    @BeforeEach
    void setUp() {
        admin = TestApi.at(port).asAdmin();
    }

    Optional<IncidentView> find(String source, String externalId) {
        return new TransactionTemplate(transactions).execute(s -> incidents.findBySource(source, externalId));
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    PersonRef person(String name, Map<String, String> identities) {
        String unique = tag();
        return people.create(new NewPerson(name + " " + unique, name.toLowerCase() + "-" + unique + "@example.test",
            "UTC", null, null, null, identities, null, Set.of(Role.RESPONDER), List.of(), "a-password-of-12+"), null);
    }

    TestApi.Response importCsv(String csv) {
        return admin.send("POST", "/api/v1/incidents/import", csv, "text/csv");
    }

    long incidentsWithPrefix(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE external_id LIKE ?").param(prefix + "%")
            .query(Long.class).single();
    }

    @Test
    void aGoodFileImportsResolvedIncidentsWithTheirPeople_andOpensNoCareCase() {
        String t = tag();
        PersonRef kim = person("Kim", Map.of());
        PersonRef bo = person("Bo", Map.of("pagerduty", "PB" + t.toUpperCase()));
        String team = "History " + t;
        String teamId = admin.post("/api/v1/teams", Map.of("name", team)).json("$.id");
        String csv = HEADER
            + "H-" + t + "-1,Checkout errors,SEV4,2025-03-01T14:05:00Z,2025-03-01T15:10:00Z,2025-03-01T14:07:00Z,"
            + "checkout," + team + ",https://tools.example/inc/1,," + kim.email() + ",pagerduty:PB" + t.toUpperCase()
            + ";stranger-" + t + "@example.test\n"
            + "\n"
            + "H-" + t + "-2,\"Queue stuck, again\",high,2025-03-02 09:00:00,2025-03-02 10:00:00+01:00,,,,,,,\n";

        var r = importCsv(csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.<Integer>json("$.imported")).isEqualTo(2);
        assertThat(r.<Integer>json("$.alreadyKnown")).isZero();
        assertThat(r.<Integer>json("$.unmatchedPeople")).isEqualTo(1);
        IncidentView first = find("import", "H-" + t + "-1").orElseThrow();
        assertThat(first.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(first.title()).isEqualTo("Checkout errors");
        assertThat(first.severity()).isEqualTo(Severity.SEV4);
        assertThat(first.teamId()).hasToString(teamId);
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2025-03-01T14:05:00Z"));
        assertThat(first.acknowledgedAt()).isEqualTo(Instant.parse("2025-03-01T14:07:00Z"));
        assertThat(first.resolvedAt()).isEqualTo(Instant.parse("2025-03-01T15:10:00Z"));
        assertThat(first.responders()).extracting(p -> p.personId() + " " + p.role())
            .containsExactlyInAnyOrder(kim.id() + " COMMANDER", bo.id() + " RESPONDER");
        IncidentView second = find("import", "H-" + t + "-2").orElseThrow();
        assertThat(second.title()).isEqualTo("Queue stuck, again");
        assertThat(second.severity()).isEqualTo(Severity.SEV2);
        assertThat(second.startedAt()).isEqualTo(Instant.parse("2025-03-02T09:00:00Z"));
        assertThat(second.resolvedAt()).isEqualTo(Instant.parse("2025-03-02T09:00:00Z"));
        List<String> unmatched = admin.get("/api/v1/unmatched-identities").json("$[*].email");
        assertThat(unmatched).contains("stranger-" + t + "@example.test");
        assertThat(admin.get("/api/v1/incidents/" + first.id() + "/timeline").body()).contains("IMPORTED");

        // A control: an incident resolved now, with a commander, opens a care case. Once it has, the imported
        // incident (same severity, same role) has had every chance to open one too, and has not.
        PersonRef control = person("Control", Map.of());
        String id = admin.post("/api/v1/incidents", Map.of("title", "Control " + t, "severity", "SEV4",
            "responders", List.of(Map.of("personId", control.id(), "role", "COMMANDER")))).json("$.id");
        assertThat(admin.post("/api/v1/incidents/" + id + "/resolve", Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> careCasesFor(UUID.fromString(id)) == 1);
        assertThat(careCasesFor(first.id())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM care_case WHERE person_id = ?").param(kim.id())
            .query(Long.class).single()).isZero();

        // matched to someone, the stranger is added to the incident; the audit page says so in words
        List<String> stranger = admin.get("/api/v1/unmatched-identities")
            .json("$[?(@.email == 'stranger-" + t + "@example.test')].id");
        PersonRef sasha = person("Sasha", Map.of());
        assertThat(admin.post("/api/v1/unmatched-identities/" + stranger.get(0),
            Map.of("personId", sasha.id().toString())).status()).isEqualTo(200);
        assertThat(io.aftercare.support.WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD)
            .get("/admin/audit?action=intake.identity.mapped").body())
            .contains("Matched an e-mail address from an alerting tool to " + sasha.name() + ", and added them to one "
                + "incident.");
    }

    long careCasesFor(UUID incidentId) {
        return jdbc.sql("SELECT COUNT(*) FROM care_case_incident WHERE incident_id = ?").param(incidentId)
            .query(Long.class).single();
    }

    @Test
    void aFileWithBadLinesImportsNothing_andNamesEveryLineAndWhy() {
        String t = tag();
        String csv = HEADER
            + "B-" + t + "-1,Fine,SEV3,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,,,,,\n"
            + "B-" + t + "-2,,SEV3,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,,,,,\n"
            + "B-" + t + "-3,Backwards,SEV3,2025-01-01T10:00:00Z,2025-01-01T09:00:00Z,,,,,,,\n"
            + "B-" + t + "-4,Fine too,SEV9,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,,,,,\n"
            + "B-" + t + "-1,Twice,SEV3,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,,,,,\n"
            + "B-" + t + "-6,No team,SEV3,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,Nobody's team " + t + ",,,,\n"
            + "B-" + t + "-7,Not yet,SEV3,2025-01-01T10:00:00Z,2099-01-01T11:00:00Z,,,,,,,\n";

        var r = importCsv(csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(r.<String>json("$.detail")).isEqualTo("6 lines have a problem, so nothing was imported.");
        List<Integer> lines = r.json("$.errors[*].line");
        List<String> messages = r.json("$.errors[*].message");
        assertThat(lines).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(messages.get(0)).isEqualTo("title is required.");
        assertThat(messages.get(1)).isEqualTo("the resolution is before the start.");
        assertThat(messages.get(2)).contains("severity \"SEV9\"");
        assertThat(messages.get(3)).isEqualTo("The incident B-" + t + "-1 is already on line 2.");
        assertThat(messages.get(4)).contains("is not a team in Aftercare");
        assertThat(messages.get(5)).isEqualTo("the resolution is in the future.");
        assertThat(incidentsWithPrefix("B-" + t)).as("not even the good lines").isZero();

        var header = importCsv("externalId,title,when\n");
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.<List<String>>json("$.errors[*].message")).anyMatch(m -> m.contains("Unknown column \"when\""))
            .anyMatch(m -> m.contains("severity is missing"));
    }

    @Test
    void aPagerDutyExportIsReadAsItComes_andMatchesPeopleByTheirPagerDutyId() {
        String t = tag().toUpperCase();
        PersonRef sam = person("Sam", Map.of("pagerduty", "PS" + t));
        String csv = "id,incident_number,description,service_id,service_name,escalation_policy_id,"
            + "escalation_policy_name,created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,auto_resolved,"
            + "escalation_count,urgency,priority,status,assigned_to_user_ids,acknowledged_by_user_ids,"
            + "resolved_by_user_id,html_url\n"
            + "PQ" + t + "1,101,Database failover,PSVC1,orders-db,PEP1,Primary,2025-05-01T02:00:00-07:00,"
            + "2025-05-01T03:30:00-07:00,120,5400,false,1,high,P1,resolved,PS" + t + ",PS" + t + ",PX" + t + ","
            + "https://acme.pagerduty.com/incidents/PQ" + t + "1\n"
            + "PQ" + t + "2,102,Disk almost full,PSVC2,logs,PEP1,Primary,2025-05-02T10:00:00Z,2025-05-02T10:20:00Z,"
            + ",1200,true,0,low,,resolved,,,,\n";

        var r = importCsv(csv);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.<String>json("$.format")).isEqualTo("pagerduty");
        assertThat(r.<Integer>json("$.imported")).isEqualTo(2);
        assertThat(r.<Integer>json("$.unmatchedPeople")).isEqualTo(1);
        IncidentView failover = find("pagerduty", "PQ" + t + "1").orElseThrow();
        assertThat(failover.title()).isEqualTo("Database failover");
        assertThat(failover.service()).isEqualTo("orders-db");
        assertThat(failover.severity()).as("priority P1").isEqualTo(Severity.SEV1);
        assertThat(failover.startedAt()).isEqualTo(Instant.parse("2025-05-01T09:00:00Z"));
        assertThat(failover.acknowledgedAt()).isEqualTo(Instant.parse("2025-05-01T09:02:00Z"));
        assertThat(failover.resolvedAt()).isEqualTo(Instant.parse("2025-05-01T10:30:00Z"));
        assertThat(failover.url()).isEqualTo("https://acme.pagerduty.com/incidents/PQ" + t + "1");
        assertThat(failover.responders()).singleElement().satisfies(p -> {
            assertThat(p.personId()).isEqualTo(sam.id());
            assertThat(p.role()).isEqualTo(ResponderRole.RESPONDER);
        });
        IncidentView disk = find("pagerduty", "PQ" + t + "2").orElseThrow();
        assertThat(disk.severity()).as("urgency low").isEqualTo(Severity.SEV4);
        assertThat(disk.acknowledgedAt()).isNull();

        var open = importCsv("id,created_on,resolved_on,status\nPO" + t + ",2025-05-01T02:00:00Z,,triggered\n");
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.<List<String>>json("$.errors[*].message"))
            .anyMatch(m -> m.startsWith("status is triggered: only resolved incidents are history"));
    }

    @Test
    void importingTheSameFileAgainAddsNothing() {
        String t = tag();
        String csv = HEADER
            + "R-" + t + "-1,Once,SEV3,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,,,,,\n"
            + "R-" + t + "-2,Twice,SEV3,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,,,,,\n";
        assertThat(importCsv(csv).<Integer>json("$.imported")).isEqualTo(2);

        var again = importCsv(csv + "R-" + t + "-3,New,SEV3,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,,,,,\n");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<Integer>json("$.imported")).isEqualTo(1);
        assertThat(again.<Integer>json("$.alreadyKnown")).isEqualTo(2);
        assertThat(incidentsWithPrefix("R-" + t)).isEqualTo(3);
    }

    /** 100,000 incidents through the page: the import runs in the background and its status moves to done. */
    @Test
    void aHundredThousandLinesImportInTheBackground_andThePageFollowsIt() {
        String t = tag();
        PersonRef ana = person("Ana", Map.of());
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            csv.append("L-").append(t).append('-').append(i).append(",Incident ").append(i)
                .append(",SEV").append(1 + i % 5).append(",2024-06-01T10:00:00Z,2024-06-01T11:00:00Z,,svc-")
                .append(i % 17).append(",,,,").append(i % 10 == 0 ? ana.email() : "").append(",\n");
        }
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(browser.get("/integrations/history").statusCode()).isEqualTo(200);
        long start = System.nanoTime();

        var upload = browser.upload("/integrations/history", "big.csv", csv.toString());

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
        String location = upload.headers().firstValue("Location").orElseThrow();
        Matcher id = Pattern.compile("/integrations/history/([0-9a-f-]{36})$").matcher(location);
        assertThat(id.find()).as(location).isTrue();
        var running = browser.get("/integrations/history/" + id.group(1));
        assertThat(running.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1)).until(() ->
            browser.get("/integrations/history/" + id.group(1) + "/status").body().contains("\"finished\":true"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("History import of 100,000 incidents took " + millis + " ms");

        var status = browser.get("/integrations/history/" + id.group(1) + "/status").body();
        assertThat(status).contains("\"phase\":\"DONE\"").contains("\"percent\":100");
        var done = browser.get("/integrations/history/" + id.group(1));
        assertThat(done.body()).contains("Imported 100,000 past incidents.").contains("no check-ins were sent");
        assertThat(incidentsWithPrefix("L-" + t + "-")).isEqualTo(100_000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_responder WHERE person_id = ?").param(ana.id())
            .query(Long.class).single()).isEqualTo(10_000);
    }

    @Test
    void thePageListsTheBadLinesOfARejectedFile() {
        String t = tag();
        WebSession browser = WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD);
        assertThat(browser.get("/integrations/history").body()).contains("Import past incidents");

        var upload = browser.upload("/integrations/history", "bad.csv", HEADER
            + "P-" + t + ",,SEV3,2025-01-01T10:00:00Z,2025-01-01T11:00:00Z,,,,,,,\n");
        String location = upload.headers().firstValue("Location").orElseThrow();
        String jobPath = location.substring(location.indexOf("/integrations/history/"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
            browser.get(jobPath + "/status").body().contains("\"finished\":true"));

        String page = browser.get(jobPath).body();
        assertThat(page).contains("One line has a problem, so nothing was imported.")
            .contains("Line 2: title is required.");
        assertThat(incidentsWithPrefix("P-" + t)).isZero();
    }
}
