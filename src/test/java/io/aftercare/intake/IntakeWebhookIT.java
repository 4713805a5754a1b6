package io.aftercare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Role;
import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.Incidents;
import io.aftercare.intake.source.PagerDutySignature;
import io.aftercare.shared.StandardWebhooks;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestApi;

/** Webhook deliveries end to end, on H2 and PostgreSQL: signed, deduplicated, order-tolerant, logged. */
@AftercareIT
class IntakeWebhookIT {

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

    TestApi api;
    Webhooks hooks;

    /**
     * Incidents#findBySource reads with FOR UPDATE inside a read-only transaction, which PostgreSQL refuses unless a
     * read-write transaction is already open (as it is when intake calls it); so the test opens one.
     */
    Optional<IncidentView> find(String source, String externalId) {
        return new TransactionTemplate(transactions).execute(s -> incidents.findBySource(source, externalId));
    }

    @BeforeEach
    void setUp() {
        api = TestApi.at(port).asAdmin();
        hooks = new Webhooks(port);
    }

    record Made(String id, String path, String secret) {
    }

    private Made integration(String type, String secret) {
        var body = secret == null ? Map.of("type", type, "name", type + " " + UUID.randomUUID())
            : Map.of("type", type, "name", type + " " + UUID.randomUUID(), "secret", secret);
        TestApi.Response r = api.post("/api/v1/integrations", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json("$.id");
        String url = r.json("$.webhookUrl");
        assertThat(url).endsWith("/webhooks/" + type + "/" + id);
        return new Made(id, "/webhooks/" + type + "/" + id, r.json("$.secret"));
    }

    private PersonRef person(String name, Map<String, String> identities) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return people.create(new NewPerson(name + " " + unique, name.toLowerCase() + "-" + unique + "@example.test",
            "UTC", null, null, null, identities, null, Set.of(Role.RESPONDER), List.of(), "a-password-of-12+"), null);
    }

    static String pdEvent(String eventId, String type, String incidentId, String status, String occurredAt,
                          String assignee) {
        return """
            {"event":{"id":"%s","event_type":"%s","resource_type":"incident","occurred_at":"%s",
              "agent":{"id":"PAGENT1","type":"user_reference"},"client":{"name":"PagerDuty"},
              "data":{"id":"%s","type":"incident","number":42,"title":"Checkout is down","status":"%s",
                "urgency":"high","html_url":"https://acme.pagerduty.com/incidents/%s",
                "created_at":"2026-01-10T08:00:00Z","service":{"id":"PSVC","summary":"checkout"},
                "assignees":[{"id":"%s","summary":"Sam On-call","type":"user_reference"}],
                "priority":{"id":"PPRIO","summary":"P1"},"teams":[]}}}""".formatted(eventId, type, occurredAt,
            incidentId, status, incidentId, assignee);
    }

    private TestApi.Response pd(Made i, String webhookId, String body) {
        return hooks.post(i.path(), body, Map.of(PagerDutySignature.HEADER, PagerDutySignature.sign(i.secret(), body.getBytes(StandardCharsets.UTF_8)),
            "X-Webhook-Id", webhookId));
    }

    private List<String> outcomes(Made i) {
        TestApi.Response log = api.get("/api/v1/integrations/" + i.id() + "/deliveries");
        assertThat(log.status()).isEqualTo(200);
        return log.json("$[*].outcome");
    }

    /** Waits until every stored delivery has been applied (none is QUEUED in the integration's log). */
    private List<String> settled(Made i) {
        return await("deliveries applied").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> outcomes(i), o -> !o.contains("QUEUED"));
    }

    @Test
    void pagerDutyTriggerCreatesTheIncidentWithItsMatchedResponder_andARedeliveryIsADuplicate() {
        Made pd = integration("pagerduty", "pd-signing-secret-0123456789");
        String pdUser = "PU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        PersonRef sam = person("Sam", Map.of("pagerduty", pdUser));
        String incident = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        String body = pdEvent("ev-1-" + incident, "incident.triggered", incident, "triggered",
            "2026-01-10T08:00:05Z", pdUser);

        TestApi.Response first = pd(pd, "wh-" + incident, body);
        assertThat(first.status()).as("stored, applied from the stored row").isEqualTo(202);
        assertThat((String) first.json("$.outcome")).isEqualTo("QUEUED");
        assertThat(settled(pd)).containsExactly("ACCEPTED");

        IncidentView view = find("pagerduty", incident).orElseThrow();
        assertThat(view.title()).isEqualTo("Checkout is down");
        assertThat(view.severity().name()).isEqualTo("SEV1");
        assertThat(view.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(view.service()).isEqualTo("checkout");
        assertThat(view.startedAt()).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
        assertThat(view.responders()).extracting(r -> r.personId()).containsExactly(sam.id());

        TestApi.Response again = pd(pd, "wh-" + incident, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat((String) again.json("$.outcome")).isEqualTo("DUPLICATE");
        assertThat(outcomes(pd)).containsExactly("DUPLICATE", "ACCEPTED");
        long timeline = jdbc.sql("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ?").param(view.id())
            .query(Long.class).single();
        assertThat(timeline).as("created + responder added, once").isEqualTo(2);
    }

    @Test
    void aCapturedPagerDutyDeliveryReplayedUnderAnotherDeliveryIdIsADuplicateAndNotAppliedAgain() {
        Made pd = integration("pagerduty", "pd-signing-secret-0123456789");
        String incident = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        String resolved = pdEvent("r-" + incident, "incident.resolved", incident, "resolved", "2026-01-10T09:00:00Z",
            "PNOBODY1");
        assertThat(pd(pd, "w-r-" + incident, resolved).status()).isEqualTo(202);
        assertThat(settled(pd)).containsExactly("ACCEPTED");
        IncidentView view = find("pagerduty", incident).orElseThrow();
        long timeline = jdbc.sql("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ?").param(view.id())
            .query(Long.class).single();

        // the same signed body, replayed later with a delivery id of the replayer's choosing, or with none
        TestApi.Response replayed = pd(pd, "replayed-" + UUID.randomUUID(), resolved);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat((String) replayed.json("$.outcome")).isEqualTo("DUPLICATE");
        TestApi.Response noHeader = hooks.post(pd.path(), resolved, Map.of(PagerDutySignature.HEADER,
            PagerDutySignature.sign(pd.secret(), resolved.getBytes(StandardCharsets.UTF_8))));
        assertThat(noHeader.status()).isEqualTo(200);
        assertThat((String) noHeader.json("$.outcome")).isEqualTo("DUPLICATE");
        assertThat(settled(pd)).containsExactly("DUPLICATE", "DUPLICATE", "ACCEPTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ?").param(view.id())
            .query(Long.class).single()).as("nothing applied twice").isEqualTo(timeline);

        // a different event with the delivery id of the first is still applied: the header is not what counts
        String acknowledged = pdEvent("a-" + incident, "incident.acknowledged", incident, "acknowledged",
            "2026-01-10T08:30:00Z", "PNOBODY1");
        assertThat(pd(pd, "w-r-" + incident, acknowledged).status()).isEqualTo(202);
        assertThat(settled(pd)).containsExactly("ACCEPTED", "DUPLICATE", "DUPLICATE", "ACCEPTED");
    }

    @Test
    void aDeliveryStoredButNotAppliedIsAppliedByTheNextLook_asAfterACrash() {
        Made pd = integration("pagerduty", "pd-signing-secret-0123456789");
        String incident = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        String body = pdEvent("c-" + incident, "incident.triggered", incident, "triggered", "2026-01-10T08:00:00Z",
            "PNOBODY1");
        UUID stored = UUID.randomUUID();
        // what an instance that stopped right after answering 202 leaves: the stored delivery, not applied, and no
        // in-memory signal to apply it
        jdbc.sql("""
                INSERT INTO intake_delivery (id, channel, integration_id, received_at, outcome, event_type, dedupe_key,
                                             external_id)
                VALUES (?, ?, ?, ?, 'QUEUED', 'incident.triggered', ?, ?)""")
            .params(stored, pd.id(), UUID.fromString(pd.id()), OffsetDateTime.now(ZoneOffset.UTC), "id:c-" + incident,
                incident)
            .update();
        jdbc.sql("INSERT INTO intake_delivery_payload (delivery_id, payload) VALUES (?, ?)").params(stored, body).update();

        assertThat(settled(pd)).containsExactly("ACCEPTED");
        assertThat(find("pagerduty", incident).orElseThrow().title()).isEqualTo("Checkout is down");
    }

    @Test
    void aBurstFromManySendersWithEveryEventSentTwiceAppliesEachEventOnce() throws Exception {
        Made pd = integration("pagerduty", "pd-signing-secret-0123456789");
        String pdUser = "PU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        PersonRef sam = person("Sam", Map.of("pagerduty", pdUser));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String[]> sends = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            String incident = "PBURST" + tag + n;
            String[][] events = {{"triggered", "08:00:00"}, {"acknowledged", "08:05:00"}, {"resolved", "08:30:00"}};
            for (String[] e : events) {
                String id = e[0] + "-" + incident;
                String body = pdEvent(id, "incident." + e[0], incident, e[0], "2026-01-10T" + e[1] + "Z", pdUser);
                sends.add(new String[] {"wh-" + id, body});
                sends.add(new String[] {"wh-" + id, body}); // the sender's retry of the same delivery
            }
        }
        Collections.shuffle(sends, new Random(7));
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String[] send : sends) {
            answers.add(senders.submit(() -> pd(pd, send[0], send[1]).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> a : answers) {
            statuses.add(a.get(60, TimeUnit.SECONDS));
        }
        senders.shutdown();

        assertThat(statuses).as("every delivery answered 2xx").allMatch(s -> s == 200 || s == 202);
        List<String> log = settled(pd);
        assertThat(log).filteredOn("ACCEPTED"::equals).hasSize(24);
        assertThat(log).filteredOn("DUPLICATE"::equals).hasSize(24);
        for (int n = 0; n < 8; n++) {
            IncidentView view = find("pagerduty", "PBURST" + tag + n).orElseThrow();
            assertThat(view.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(view.startedAt()).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
            assertThat(view.resolvedAt()).isEqualTo(Instant.parse("2026-01-10T08:30:00Z"));
            assertThat(view.responders()).extracting(r -> r.personId()).containsExactly(sam.id());
        }
    }

    @Test
    void aResolveBeforeItsTriggerStillEndsResolvedWithTheRightTimes() {
        Made pd = integration("pagerduty", "pd-signing-secret-0123456789");
        String incident = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(pd(pd, "w3", pdEvent("e3-" + incident, "incident.resolved", incident, "resolved",
            "2026-01-10T09:30:00Z", "PNOBODY1")).status()).isEqualTo(202);
        assertThat(pd(pd, "w1", pdEvent("e1-" + incident, "incident.triggered", incident, "triggered",
            "2026-01-10T08:00:00Z", "PNOBODY1")).status()).isEqualTo(202);
        assertThat(pd(pd, "w2", pdEvent("e2-" + incident, "incident.acknowledged", incident, "acknowledged",
            "2026-01-10T08:10:00Z", "PNOBODY1")).status()).isEqualTo(202);
        assertThat(settled(pd)).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");

        IncidentView view = find("pagerduty", incident).orElseThrow();
        assertThat(view.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(view.startedAt()).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
        assertThat(view.resolvedAt()).isEqualTo(Instant.parse("2026-01-10T09:30:00Z"));
        assertThat(outcomes(pd)).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
    }

    @Test
    void unknownEventTypesAndTheTestButtonAreAnsweredAndLogged() {
        Made pd = integration("pagerduty", "pd-signing-secret-0123456789");
        String ping = "{\"event\":{\"id\":\"ping-1\",\"event_type\":\"pagey.ping\",\"occurred_at\":\"2026-01-10T08:00:00Z\"}}";
        String service = "{\"event\":{\"id\":\"svc-1\",\"event_type\":\"service.updated\",\"data\":{\"id\":\"PSVC\"}}}";
        TestApi.Response pinged = pd(pd, "w-ping", ping);
        TestApi.Response ignored = pd(pd, "w-svc", service);
        assertThat(pinged.status()).isEqualTo(200);
        assertThat(ignored.status()).isEqualTo(200);
        assertThat((String) ignored.json("$.outcome")).isEqualTo("IGNORED_EVENT_TYPE");
        assertThat(outcomes(pd)).containsExactly("IGNORED_EVENT_TYPE", "ACCEPTED");
        List<String> types = api.get("/api/v1/integrations/" + pd.id() + "/deliveries").json("$[*].eventType");
        assertThat(types).containsExactly("service.updated", "pagey.ping");
    }

    @Test
    void anUnknownResponderIsKeptAndOnceMappedIsAddedToPastIncidentsAndFutureOnes() {
        Made pd = integration("pagerduty", "pd-signing-secret-0123456789");
        String stranger = "PX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String incident = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        pd(pd, "w-u1-" + incident, pdEvent("u1-" + incident, "incident.triggered", incident, "triggered",
            "2026-01-10T08:00:00Z", stranger));
        settled(pd);
        assertThat(find("pagerduty", incident).orElseThrow().responders()).isEmpty();

        TestApi.Response unmatched = api.get("/api/v1/unmatched-identities");
        List<String> ids = unmatched.json("$[?(@.externalId == '" + stranger + "')].id");
        assertThat(ids).hasSize(1);
        assertThat((List<String>) unmatched.json("$[?(@.externalId == '" + stranger + "')].name"))
            .containsExactly("Sam On-call");

        PersonRef sam = person("Sam", Map.of());
        TestApi.Response mapped = api.post("/api/v1/unmatched-identities/" + ids.get(0),
            Map.of("personId", sam.id().toString()));
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        assertThat((Integer) mapped.json("$.incidentsUpdated")).isEqualTo(1);
        assertThat(find("pagerduty", incident).orElseThrow().responders())
            .extracting(r -> r.personId()).containsExactly(sam.id());
        // the admin's audit page says whom the user was matched to by name, not by id
        String audit = io.aftercare.support.WebSession.signedIn(port, TestApi.ADMIN_EMAIL, TestApi.ADMIN_PASSWORD)
            .get("/admin/audit?action=intake.identity.mapped").body();
        assertThat(audit).contains("Matched a user of PagerDuty to " + sam.name() + ", and added them to one incident.")
            .doesNotContain(sam.id().toString());

        String next = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        pd(pd, "w-u2-" + next, pdEvent("u2-" + next, "incident.triggered", next, "triggered",
            "2026-01-11T08:00:00Z", stranger));
        settled(pd);
        assertThat(find("pagerduty", next).orElseThrow().responders())
            .extracting(r -> r.personId()).containsExactly(sam.id());
        List<String> stillUnmatched = api.get("/api/v1/unmatched-identities").json("$[*].externalId");
        assertThat(stillUnmatched).doesNotContain(stranger);
    }

    @Test
    void badInputGetsAClearAnswerAndBadSignaturesKeepNothing() {
        Made pd = integration("pagerduty", "pd-signing-secret-0123456789");
        String incident = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        String body = pdEvent("b-" + incident, "incident.triggered", incident, "triggered", "2026-01-10T08:00:00Z", "P1");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        TestApi.Response forged = hooks.post(pd.path(), body, Map.of(PagerDutySignature.HEADER,
            PagerDutySignature.sign("not-the-secret-0123456789", bytes), "X-Webhook-Id", "forged"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("Content-Type").orElse("")).contains("application/problem+json");
        assertThat((String) forged.json("$.title")).isEqualTo("Unauthorized");
        assertThat((Integer) forged.json("$.status")).isEqualTo(401);
        assertThat((String) forged.json("$.instance")).isEqualTo(pd.path());
        TestApi.Response read = TestApi.at(port).get(pd.path());
        assertThat(read.status()).as("webhooks are posted").isEqualTo(405);
        assertThat(read.header("Allow")).contains("POST");
        TestApi.Response unsigned = hooks.post(pd.path(), body, Map.of());
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(find("pagerduty", incident)).as("nothing applied").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_delivery d JOIN intake_delivery_payload p ON p.delivery_id = d.id "
            + "WHERE d.integration_id = ?")
            .param(UUID.fromString(pd.id())).query(Long.class).single()).as("no payload kept").isZero();
        assertThat(outcomes(pd)).as("one line a minute at most").containsExactly("REJECTED_SIGNATURE");
        assertThat(hooks.post("/webhooks/pagerduty/" + UUID.randomUUID(), body, Map.of()).status()).isEqualTo(401);
        assertThat(hooks.post("/webhooks/opsgenie/" + pd.id(), body, Map.of()).status())
            .as("the type must match the integration").isEqualTo(401);

        byte[] huge = new byte[1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        TestApi.Response tooBig = hooks.post(pd.path(), huge, "application/json",
            Map.of(PagerDutySignature.HEADER, PagerDutySignature.sign(pd.secret(), huge)));
        assertThat(tooBig.status()).isEqualTo(413);

        String malformed = "{\"event\": {\"id\": ";
        TestApi.Response bad = hooks.post(pd.path(), malformed, Map.of(PagerDutySignature.HEADER,
            PagerDutySignature.sign(pd.secret(), malformed.getBytes(StandardCharsets.UTF_8))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat((String) bad.json("$.detail")).contains("not valid JSON");

        TestApi.Response text = hooks.post(pd.path(), bytes, "text/plain",
            Map.of(PagerDutySignature.HEADER, PagerDutySignature.sign(pd.secret(), bytes)));
        assertThat(text.status()).isEqualTo(415);
        assertThat(outcomes(pd)).containsExactly("INVALID", "INVALID", "REJECTED_SIGNATURE");
    }

    @Test
    void secretsAreNeverShownAgainAreEncryptedAtRestAndTheOldOneWorksDuringTheOverlap() {
        Made pd = integration("pagerduty", "pd-old-signing-secret-0123456789");
        TestApi.Response listed = api.get("/api/v1/integrations");
        TestApi.Response one = api.get("/api/v1/integrations/" + pd.id());
        assertThat(listed.body()).doesNotContain(pd.secret());
        assertThat(one.body()).doesNotContain(pd.secret()).doesNotContain("\"secret\"");
        String stored = jdbc.sql("SELECT secret_ciphertext FROM intake_integration WHERE id = ?")
            .param(UUID.fromString(pd.id())).query(String.class).single();
        assertThat(stored).doesNotContain(pd.secret());

        TestApi.Response rotated = api.post("/api/v1/integrations/" + pd.id() + "/secret",
            Map.of("secret", "pd-new-signing-secret-0123456789"));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        Made current = new Made(pd.id(), pd.path(), "pd-new-signing-secret-0123456789");
        String a = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        String b = "PINC" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(pd(pd, "w-old", pdEvent("o-" + a, "incident.triggered", a, "triggered", "2026-01-10T08:00:00Z", "P1"))
            .status()).as("old secret, within the overlap").isEqualTo(202);
        assertThat(pd(current, "w-new", pdEvent("n-" + b, "incident.triggered", b, "triggered", "2026-01-10T08:00:00Z", "P1"))
            .status()).as("new secret").isEqualTo(202);
        assertThat((String) api.get("/api/v1/integrations/" + pd.id()).json("$.previousSecretValidUntil")).isNotNull();

        TestApi.Response made = api.post("/api/v1/integrations", Map.of("type", "incidentio", "name", "io"));
        assertThat((String) made.json("$.secret")).startsWith("whsec_");
        TestApi.Response anon = TestApi.at(port).anonymous().post("/api/v1/integrations", Map.of("type", "generic", "name", "x"));
        assertThat(anon.status()).isEqualTo(401);
        TestApi.Response invalid = api.post("/api/v1/integrations", Map.of("type", "nagios", "name", ""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat((List<String>) invalid.json("$.errors[*].field")).containsExactly("type", "name");
    }

    @Test
    void incidentIoSignedEventsCreateAndResolve() {
        Made io = integration("incidentio", null);
        String id = "01HINC" + UUID.randomUUID().toString().substring(0, 8);
        String created = """
            {"event_type":"public_incident.incident_created_v2","public_incident.incident_created_v2":{"id":"%s",
             "reference":"INC-7","name":"Payments failing","incident_status":{"name":"Investigating","category":"live"},
             "severity":{"name":"Major","rank":2},"permalink":"https://app.incident.io/acme/incidents/7",
             "incident_role_assignments":[{"role":{"name":"Incident Lead","role_type":"lead"},
               "assignee":{"id":"U-IO-1","name":"Robin","email":"robin-nobody@example.test"}}],
             "created_at":"2026-02-01T10:00:00Z","updated_at":"2026-02-01T10:00:00Z"}}""".formatted(id);
        String closed = created.replace("incident_created_v2", "incident_updated_v2")
            .replace("\"category\":\"live\"", "\"category\":\"closed\"")
            .replace("\"updated_at\":\"2026-02-01T10:00:00Z\"", "\"updated_at\":\"2026-02-01T11:00:00Z\"");
        assertThat(io(io, "msg_a" + id, created).status()).isEqualTo(202);
        settled(io);
        IncidentView open = find("incidentio", id).orElseThrow();
        assertThat(open.title()).isEqualTo("INC-7: Payments failing");
        assertThat(open.severity().name()).isEqualTo("SEV2");
        assertThat(io(io, "msg_b" + id, closed).status()).isEqualTo(202);
        assertThat(settled(io)).containsExactly("ACCEPTED", "ACCEPTED");
        IncidentView done = find("incidentio", id).orElseThrow();
        assertThat(done.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(done.resolvedAt()).isEqualTo(Instant.parse("2026-02-01T11:00:00Z"));

        long old = Instant.now().minus(10, ChronoUnit.MINUTES).getEpochSecond();
        byte[] bytes = created.getBytes(StandardCharsets.UTF_8);
        TestApi.Response replayed = hooks.post(io.path(), created, Map.of("webhook-id", "msg_c", "webhook-timestamp",
            "" + old, "webhook-signature", StandardWebhooks.sign(io.secret(), "msg_c", old, bytes)));
        assertThat(replayed.status()).as("outside the 5-minute window").isEqualTo(401);
    }

    private TestApi.Response io(Made i, String msgId, String body) {
        long now = Instant.now().getEpochSecond();
        return hooks.post(i.path(), body, Map.of("webhook-id", msgId, "webhook-timestamp", "" + now,
            "webhook-signature", StandardWebhooks.sign(i.secret(), msgId, now, body.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void grafanaOnCallOpsgenieAndTheGenericWebhookAuthenticateByToken() {
        Made grafana = integration("grafana-oncall", null);
        String group = "IG" + UUID.randomUUID().toString().substring(0, 8);
        String createdG = """
            {"event":{"type":"alert group created","time":"2026-03-01T10:00:00Z"},
             "alert_group":{"id":"%s","title":"Disk full","state":"firing","created_at":"2026-03-01T10:00:00Z",
               "permalinks":{"web":"https://oncall.example.test/ag/%s"}},"alert_payload":{"labels":{"severity":"warning"}}}"""
            .formatted(group, group);
        String resolvedG = createdG.replace("alert group created", "resolve").replace("\"time\":\"2026-03-01T10:00:00Z\"",
            "\"time\":\"2026-03-01T10:20:00Z\"").replace("\"state\":\"firing\"", "\"state\":\"resolved\"");
        assertThat(hooks.post(grafana.path(), createdG, Map.of("Authorization", grafana.secret())).status()).isEqualTo(202);
        assertThat(hooks.post(grafana.path(), resolvedG, Map.of("Authorization", "Bearer " + grafana.secret())).status())
            .isEqualTo(202);
        settled(grafana);
        IncidentView g = find("grafana-oncall", group).orElseThrow();
        assertThat(g.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(g.severity().name()).isEqualTo("SEV3");
        assertThat(g.resolvedAt()).isEqualTo(Instant.parse("2026-03-01T10:20:00Z"));
        assertThat(hooks.post(grafana.path(), createdG, Map.of("Authorization", "Bearer nope")).status()).isEqualTo(401);

        Made opsgenie = integration("opsgenie", null);
        PersonRef kim = person("Kim", Map.of());
        String alert = "og-" + UUID.randomUUID();
        String create = """
            {"action":"Create","alert":{"alertId":"%s","message":"API 500s","priority":"P2","createdAt":1772359200000,
             "updatedAt":1772359200000000000,"username":"System"}}""".formatted(alert);
        String ack = """
            {"action":"Acknowledge","alert":{"alertId":"%s","message":"API 500s","createdAt":1772359200000,
             "updatedAt":1772359500000000000,"username":"%s","userId":"og-user-kim"}}""".formatted(alert, kim.email());
        assertThat(hooks.post(opsgenie.path(), create, Map.of("X-Aftercare-Token", opsgenie.secret())).status()).isEqualTo(202);
        assertThat(hooks.post(opsgenie.path(), ack, Map.of("X-Aftercare-Token", opsgenie.secret())).status()).isEqualTo(202);
        settled(opsgenie);
        IncidentView o = find("opsgenie", alert).orElseThrow();
        assertThat(o.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(o.acknowledgedAt()).isEqualTo(Instant.ofEpochSecond(1772359500L));
        assertThat(o.responders()).extracting(r -> r.personId()).containsExactly(kim.id());

        Made generic = integration("generic", null);
        String ext = "g-" + UUID.randomUUID();
        String event = "{\"externalId\":\"" + ext + "\",\"status\":\"resolved\",\"title\":\"Batch late\","
            + "\"occurredAt\":\"2026-03-02T07:00:00Z\",\"responders\":[{\"email\":\"" + kim.email() + "\",\"role\":\"commander\"}]}";
        assertThat(hooks.post(generic.path(), event, Map.of("Authorization", "Bearer " + generic.secret())).status())
            .isEqualTo(202);
        settled(generic);
        IncidentView x = find("generic", ext).orElseThrow();
        assertThat(x.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(x.responders()).extracting(r -> r.role().name()).containsExactly("COMMANDER");
    }

    @Test
    void theEventsApiTakesATokenIsIdempotentAndNamesInvalidFields() {
        PersonRef lee = person("Lee", Map.of("pagerduty", "PLEE" + UUID.randomUUID().toString().substring(0, 4)));
        String ext = "api-" + UUID.randomUUID();
        String body = """
            {"idempotencyKey":"%s-1","externalId":"%s","status":"triggered","title":"Queue backlog","severity":"P2",
             "service":"billing","responders":[{"externalIdentity":{"provider":"pagerduty","id":"%s"},"role":"RESPONDER"}]}"""
            .formatted(ext, ext, lee.externalIdentities().get("pagerduty"));
        TestApi.Response first = api.send("POST", "/api/v1/events", body, "application/json");
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat((String) first.json("$.incidentId")).isNotNull();
        TestApi.Response again = api.send("POST", "/api/v1/events", body, "application/json");
        assertThat(again.status()).isEqualTo(200);
        assertThat((String) again.json("$.outcome")).isEqualTo("DUPLICATE");
        IncidentView v = find("generic", ext).orElseThrow();
        assertThat(v.severity().name()).isEqualTo("SEV2");
        assertThat(v.responders()).extracting(r -> r.personId()).containsExactly(lee.id());

        TestApi.Response invalid = api.send("POST", "/api/v1/events",
            "{\"externalId\":\"x\",\"status\":\"exploded\"}", "application/json");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat((List<String>) invalid.json("$.errors[*].field")).containsExactly("status");
        assertThat(api.send("POST", "/api/v1/events", "not json", "application/json").status()).isEqualTo(400);
        assertThat(api.send("POST", "/api/v1/events", body, "text/plain").status()).isEqualTo(415);
        assertThat(TestApi.at(port).anonymous().send("POST", "/api/v1/events", body, "application/json").status())
            .isEqualTo(401);
    }

    @Test
    void theEventsApiIsForAdminsSoNoOneElseWritesAnIntegrationsIncident() {
        PersonRef robin = person("Robin", Map.of());
        PersonRef sasha = person("Sasha", Map.of());
        String ext = "api-" + UUID.randomUUID();
        String body = """
            {"externalId":"%s","status":"resolved","title":"Sasha broke it","severity":"SEV1",
             "occurredAt":"2020-01-01T00:00:00Z","responders":[{"email":"%s","role":"RESPONDER"}]}"""
            .formatted(ext, sasha.email());
        TestApi.Response refused = TestApi.at(port).basic(robin.email(), "a-password-of-12+")
            .send("POST", "/api/v1/events", body, "application/json");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(find("generic", ext)).isEmpty();
    }
}
