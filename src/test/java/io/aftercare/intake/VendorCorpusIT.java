package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.Directory;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.Role;
import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.shared.StandardWebhooks;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/**
 * The vendors' own example deliveries (src/test/resources/io/aftercare/intake/corpus, each file's origin in its
 * PROVENANCE.md), each sent, signed or with its token, through the real webhook endpoint of a new integration, and
 * the incident it must leave behind: title, status, severity, service, team, times and responders.
 *
 * <p>Every case must meet an incident Aftercare has not seen, but several samples share an incident id and the
 * application context (and its database) is shared: so the test appends a suffix, unique to the case, to the
 * sample's incident id wherever it occurs in the body. Nothing else in the bytes is changed; the signature is made
 * over the bytes sent.
 */
@AftercareIT
class VendorCorpusIT {

    static final String CORPUS = "/io/aftercare/intake/corpus/";

    /** People in the directory under the samples' own user ids (or e-mail, where the sample names no id). */
    static final Map<String, Map<String, String>> PEOPLE = Map.of(
        "PIG 208", Map.of("pagerduty", "PJ0LVEB"),
        "Test User", Map.of("pagerduty", "PI9DT01"),
        "Harsh Santwani", Map.of("pagerduty", "PXRUEF2"),
        "User 123", Map.of("pagerduty", "PTUXL6G"),
        "fili", Map.of("opsgenie", "daed1180-0ce8-438b-8f8e-57e1a5920a2d"),
        "user2", Map.of(),
        "Lisa Karlin Curtis", Map.of("incidentio", "01FCNDV6P870EA6S7TK1DSYDG0"),
        "admin", Map.of("grafana-oncall", "UVMX6YI9VY9PV"));
    static final Map<String, String> EMAILS = Map.of("user2", "user2@ifountain.com");

    /** Teams in the directory named as samples name theirs: "team1" is an Opsgenie team id, and must not match. */
    static final List<String> TEAMS = List.of("Engineering", "Webhooks Demo", "team1");

    record Who(String person, ResponderRole role) {
        static Who responder(String person) {
            return new Who(person, ResponderRole.RESPONDER);
        }
    }

    /**
     * @param incidentId the sample's own id for the incident (made unique per case in the body sent)
     * @param team       the directory team the incident must be in, or {@code null} for none
     */
    record Case(String type, String file, String incidentId, String title, IncidentStatus status, Severity severity,
                String service, String team, Instant startedAt, Instant acknowledgedAt, Instant resolvedAt,
                List<Who> responders) {

        @Override
        public String toString() {
            return type + "/" + file;
        }
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    static Stream<Case> corpus() {
        String checkout = "Critical: Checkout API High Latency";
        List<Who> harsh = List.of(Who.responder("Harsh Santwani"));
        List<Who> pig = List.of(Who.responder("PIG 208"));
        List<Who> fili = List.of(Who.responder("fili"));
        String og = "052652ac-5d1c-464a-812a-7dd18bbfba8c";
        Instant ogCreated = t("2015-01-05T10:03:11.104Z");
        return Stream.of(
            // PagerDuty V3, captured deliveries (no created_at: the event's time stands in for the start)
            new Case("pagerduty", "incident.triggered.json", "PFQZPSY", "Test Incident 3", IncidentStatus.TRIGGERED,
                Severity.SEV2, "pig208", null, t("2021-06-04T13:35:29.781Z"), null, null, pig),
            new Case("pagerduty", "incident.acknowledged.json", "PQ1K5C8", "Test Incident",
                IncidentStatus.ACKNOWLEDGED, Severity.SEV2, "pig208", null, t("2021-06-04T13:55:30.394Z"),
                t("2021-06-04T13:55:30.394Z"), null, pig),
            new Case("pagerduty", "incident.unacknowledged.json", "PQ1K5C8", "Test Incident",
                IncidentStatus.TRIGGERED, Severity.SEV2, "pig208", null, t("2021-06-04T13:54:23.185Z"), null, null,
                pig),
            new Case("pagerduty", "incident.resolved.json", "PCPZE64", "Test Incident", IncidentStatus.RESOLVED,
                Severity.SEV2, "pig208", null, t("2021-06-04T13:16:53.816Z"), null, t("2021-06-04T13:16:53.816Z"),
                List.of()),
            new Case("pagerduty", "incident.reassigned.json", "PIQUG8X", "Test Incident", IncidentStatus.TRIGGERED,
                Severity.SEV2, "pig208", null, t("2021-06-04T10:17:54.838Z"), null, null,
                List.of(Who.responder("Test User"))),
            new Case("pagerduty", "incident.reopened.json", "Q05XJA8GDXGOB3", "Test Incident 2",
                IncidentStatus.TRIGGERED, Severity.SEV3, "Default Service", null, t("2026-03-30T13:37:07Z"), null,
                null, harsh),
            new Case("pagerduty", "incident.escalated.json", "Q3B15VLMF3ASBD", checkout, IncidentStatus.TRIGGERED,
                Severity.SEV1, "Default Service", null, t("2026-04-01T02:07:30Z"), null, null, harsh),
            new Case("pagerduty", "incident.delegated.json", "Q3B15VLMF3ASBD", checkout, IncidentStatus.TRIGGERED,
                Severity.SEV1, "Default Service", null, t("2026-04-01T02:07:30Z"), null, null, harsh),
            new Case("pagerduty", "incident.priority_updated.json", "Q3B15VLMF3ASBD", checkout,
                IncidentStatus.TRIGGERED, Severity.SEV2, "Default Service", null, t("2026-04-01T02:07:30Z"), null,
                null, harsh),
            new Case("pagerduty", "incident.responder.added.json", "Q3B15VLMF3ASBD", checkout,
                IncidentStatus.TRIGGERED, Severity.SEV3, null, null, t("2026-04-01T02:20:14.737Z"), null, null, harsh),
            new Case("pagerduty", "incident.responder.replied.json", "Q3B15VLMF3ASBD", checkout,
                IncidentStatus.TRIGGERED, Severity.SEV3, null, null, t("2026-04-01T02:21:54.532Z"), null, null, harsh),
            new Case("pagerduty", "incident.status_update_published.json", "Q3B15VLMF3ASBD", checkout,
                IncidentStatus.TRIGGERED, Severity.SEV3, null, null, t("2026-04-01T02:17:41.211Z"), null, null,
                List.of()),
            new Case("pagerduty", "incident.annotated.json", "Q3B15VLMF3ASBD", checkout, IncidentStatus.TRIGGERED,
                Severity.SEV3, null, null, t("2026-04-01T02:18:59.674Z"), null, null, List.of()),
            // PagerDuty's documentation
            new Case("pagerduty", "docs.incident.priority_updated.json", "PGR0VU2", "A little bump in the road",
                IncidentStatus.TRIGGERED, Severity.SEV1, "API Service", "Engineering", t("2020-04-09T15:16:27Z"),
                null, null, List.of(Who.responder("User 123"))),
            // Opsgenie
            new Case("opsgenie", "docs.Create.json", og, "test alert", IncidentStatus.TRIGGERED, Severity.SEV3,
                null, null, ogCreated, null, null, List.of()),
            new Case("opsgenie", "Create.json", "ec03dad6-62c8-4c94-b38b-d88f398e900f", "another alert",
                IncidentStatus.TRIGGERED, Severity.SEV3, "Server", null, t("2017-08-14T11:25:56.288Z"), null, null,
                List.of()),
            new Case("opsgenie", "Acknowledge.json", og, "test alert", IncidentStatus.ACKNOWLEDGED, Severity.SEV3,
                null, null, ogCreated, t("2015-01-05T10:03:44.764002Z"), null, fili),
            new Case("opsgenie", "Close.json", og, "test alert", IncidentStatus.RESOLVED, Severity.SEV3, null, null,
                ogCreated, null, t("2015-01-05T10:06:14.669001Z"), fili),
            new Case("opsgenie", "AddNote.json", og, "test alert", IncidentStatus.TRIGGERED, Severity.SEV3, null,
                null, ogCreated, null, null, fili),
            new Case("opsgenie", "AssignOwnership.json", og, "test alert", IncidentStatus.TRIGGERED, Severity.SEV3,
                null, null, ogCreated, null, null, List.of(Who.responder("user2"))),
            // Alertmanager
            new Case("alertmanager", "firing.json", "{}/{}:{}", "High CPU core temperature",
                IncidentStatus.TRIGGERED, Severity.SEV1, null, null, t("2020-02-06T00:17:58.432911Z"), null, null,
                List.of()),
            // incident.io
            new Case("incidentio", "public_incident.incident_created_v2.json", "01FDAG4SAP5TYPT98WGR2N7W91",
                "INC-123: Our database is sad", IncidentStatus.TRIGGERED, Severity.SEV4, null, null,
                t("2021-08-17T13:28:57.801578Z"), null, null,
                List.of(new Who("Lisa Karlin Curtis", ResponderRole.COMMANDER))),
            // Grafana OnCall
            new Case("grafana-oncall", "docs.resolve.json", "I6HNZGUFG4K11", "Incident", IncidentStatus.RESOLVED,
                Severity.SEV3, "Main Integration - Webhook", "Webhooks Demo", t("2023-04-19T21:53:48.231148Z"),
                t("2023-04-19T21:54:39.029347Z"), t("2023-04-19T21:59:21.714058Z"), List.of(Who.responder("admin"))));
    }

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    Directory directory;

    @Autowired
    Incidents incidents;

    @Autowired
    PlatformTransactionManager transactions;

    TestApi api;
    Webhooks hooks;
    Map<String, UUID> persons;
    Map<String, UUID> teams;

    @BeforeEach
    void setUp() {
        api = TestApi.at(port).asAdmin();
        hooks = new Webhooks(port);
        persons = new HashMap<>();
        PEOPLE.forEach((name, identities) -> persons.put(name, person(name, identities)));
        teams = new HashMap<>();
        TEAMS.forEach(name -> teams.put(name, team(name)));
    }

    /** The person with these identities, created the first time this context's database is used. */
    private UUID person(String name, Map<String, String> identities) {
        String email = EMAILS.getOrDefault(name, name.toLowerCase().replace(' ', '.') + "@corpus.example.test");
        Optional<UUID> known = identities.isEmpty() ? directory.personIdByEmail(email)
            : identities.entrySet().stream().findFirst()
                .flatMap(e -> directory.personIdByExternalIdentity(e.getKey(), e.getValue()));
        return known.orElseGet(() -> people.create(new NewPerson(name, email, "UTC", null, null, null, identities,
            null, Set.of(Role.RESPONDER), List.of(), "a-password-of-12+"), null).id());
    }

    private UUID team(String name) {
        return directory.teamByName(name).map(TeamRef::id).orElseGet(() -> {
            TestApi.Response made = api.post("/api/v1/teams", Map.of("name", name, "leads", List.of(),
                "members", List.of()));
            assertThat(made.status()).as(made.toString()).isEqualTo(201);
            return UUID.fromString(made.json("$.id"));
        });
    }

    record Made(String id, String path, String secret) {
    }

    private Made integration(String type) {
        TestApi.Response r = api.post("/api/v1/integrations", Map.of("type", type, "name", type + " " + UUID.randomUUID()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json("$.id");
        return new Made(id, "/webhooks/" + type + "/" + id, r.json("$.secret"));
    }

    static String sample(String type, String file) {
        try (InputStream in = VendorCorpusIT.class.getResourceAsStream(CORPUS + type + "/" + file)) {
            assertThat(in).as("corpus file %s/%s", type, file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the body as the source would: signed (PagerDuty, incident.io) or with the integration's token. */
    private TestApi.Response deliver(String type, Made i, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return switch (type) {
            case "pagerduty" -> hooks.post(i.path(), bytes, "application/json",
                Map.of(PagerDutySignature.HEADER, PagerDutySignature.sign(i.secret(), bytes),
                    "User-Agent", "PagerDuty-Webhook/V3.0"));
            case "incidentio" -> {
                long now = Instant.now().getEpochSecond();
                String msg = "msg_" + UUID.randomUUID();
                yield hooks.post(i.path(), bytes, "application/json", Map.of("webhook-id", msg,
                    "webhook-timestamp", "" + now, "webhook-signature", StandardWebhooks.sign(i.secret(), msg, now,
                        bytes)));
            }
            case "opsgenie" -> hooks.post(i.path(), bytes, "application/json", Map.of("X-Aftercare-Token", i.secret()));
            default -> hooks.post(i.path(), bytes, "application/json", Map.of("Authorization", "Bearer " + i.secret()));
        };
    }

    private List<String> settled(Made i) {
        return await("deliveries applied").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> {
                TestApi.Response log = api.get("/api/v1/integrations/" + i.id() + "/deliveries");
                assertThat(log.status()).isEqualTo(200);
                List<String> outcomes = log.json("$[*].outcome");
                return outcomes;
            }, o -> !o.contains("QUEUED"));
    }

    private IncidentView incident(String source, String externalId) {
        return new TransactionTemplate(transactions).execute(s -> incidents.findBySource(source, externalId))
            .orElseThrow(() -> new AssertionError("no " + source + " incident " + externalId));
    }

    private static String unique() {
        return "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachVendorSampleLeavesTheIncidentItDescribes(Case c) {
        Made i = integration(c.type());
        String externalId = c.incidentId() + unique();
        String body = sample(c.type(), c.file()).replace(c.incidentId(), externalId);

        TestApi.Response r = deliver(c.type(), i, body);

        assertThat(r.status()).as("an incident event is accepted: %s", r).isEqualTo(202);
        assertThat(settled(i)).containsExactly("ACCEPTED");
        IncidentView got = incident(c.type(), externalId);
        assertThat(got.title()).isEqualTo(c.title());
        assertThat(got.status()).isEqualTo(c.status());
        assertThat(got.severity()).isEqualTo(c.severity());
        assertThat(got.service()).isEqualTo(c.service());
        assertThat(got.teamId()).isEqualTo(c.team() == null ? null : teams.get(c.team()));
        assertThat(got.startedAt()).isEqualTo(c.startedAt());
        assertThat(got.acknowledgedAt()).isEqualTo(c.acknowledgedAt());
        assertThat(got.resolvedAt()).isEqualTo(c.resolvedAt());
        assertThat(got.responders().stream().collect(Collectors.toMap(v -> v.personId(), v -> v.role())))
            .isEqualTo(c.responders().stream().collect(Collectors.toMap(w -> persons.get(w.person()), Who::role)));
    }

    @Test
    void pagerDutyEventsOutOfOrder_theFirstCreatesTheIncidentAndALaterOnesEarlierStartCorrectsIt() {
        Made i = integration("pagerduty");
        String id = "Q3B15VLMF3ASBD";
        String externalId = id + unique();
        // PagerDuty delivered the responder request first: a reference to the incident, and no start but its own time
        assertThat(deliver("pagerduty", i, sample("pagerduty", "incident.responder.added.json").replace(id, externalId))
            .status()).isEqualTo(202);
        settled(i);
        IncidentView first = incident("pagerduty", externalId);
        assertThat(first.title()).isEqualTo("Critical: Checkout API High Latency");
        assertThat(first.startedAt()).isEqualTo(t("2026-04-01T02:20:14.737Z"));

        // then the note and the escalation, which carries created_at, earlier than the start Aftercare had
        assertThat(deliver("pagerduty", i, sample("pagerduty", "incident.annotated.json").replace(id, externalId))
            .status()).isEqualTo(202);
        assertThat(deliver("pagerduty", i, sample("pagerduty", "incident.escalated.json").replace(id, externalId))
            .status()).isEqualTo(202);
        assertThat(settled(i)).containsOnly("ACCEPTED").hasSize(3);
        IncidentView now = incident("pagerduty", externalId);
        assertThat(now.id()).isEqualTo(first.id());
        assertThat(now.startedAt()).isEqualTo(t("2026-04-01T02:07:30Z"));
        assertThat(now.severity()).isEqualTo(Severity.SEV1);
        assertThat(now.service()).isEqualTo("Default Service");
        assertThat(now.responders()).extracting(v -> v.personId()).containsExactly(persons.get("Harsh Santwani"));

        // a later event's later time never moves the start on
        assertThat(deliver("pagerduty", i, sample("pagerduty", "incident.responder.replied.json")
            .replace(id, externalId)).status()).isEqualTo(202);
        settled(i);
        assertThat(incident("pagerduty", externalId).startedAt()).isEqualTo(t("2026-04-01T02:07:30Z"));
    }
}
