package io.aftercare.notify;

import static io.aftercare.notify.NotifyFixtures.incident;
import static io.aftercare.notify.NotifyFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.care.CareCases;
import io.aftercare.care.CareCaseOpened;
import io.aftercare.directory.Directory;
import io.aftercare.directory.People;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.notify.NotifyFixtures.Person;
import io.aftercare.shared.StandardWebhooks;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.LoopbackReceiver;
import io.aftercare.support.LoopbackReceiver.Received;
import io.aftercare.support.TestApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks end to end on a real database (H2 and PostgreSQL), with a loopback receiver: a case opened
 * arrives signed (Standard Webhooks) and with nothing that names the person; failures are retried with the same
 * webhook-id and then become a dead letter; 410 switches the subscription off; every try is in the delivery log.
 */
@AftercareIT
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@TestPropertySource(properties = {"aftercare.care.check-in-delay=2h", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.notify.poll-interval=200ms", "aftercare.notify.initial-backoff=100ms",
    "aftercare.notify.max-backoff=200ms", "aftercare.notify.max-attempts=3",
    "aftercare.notify.webhooks.require-https=false", "aftercare.notify.webhooks.allow-private-addresses=true"})
class WebhookIT {

    static LoopbackReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = LoopbackReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    CareCases care;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Directory directory;

    @Autowired
    MockMvc mvc;

    TestApi admin;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        admin = TestApi.at(port).asAdmin();
    }

    /** Each test has its own subscriptions: later tests' events must not reach earlier tests' receivers. */
    @AfterEach
    void removeSubscriptions() {
        List<String> ids = admin.get("/api/v1/webhook-subscriptions").json("$[*].id");
        ids.forEach(id -> assertThat(admin.delete("/api/v1/webhook-subscriptions/" + id).status()).isEqualTo(204));
    }

    record Created(UUID id, String secret) {
    }

    Created subscribe(String path, List<String> events) {
        var created = admin.post("/api/v1/webhook-subscriptions", Map.of("name", "Ops " + path,
            "url", receiver.url(path), "events", events));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Created(UUID.fromString(created.json("$.id")), created.json("$.secret"));
    }

    static boolean signedWith(String secret, Received r) {
        return StandardWebhooks.verify(secret, r.header("webhook-id"), r.header("webhook-timestamp"),
            r.header("webhook-signature"), r.body().getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    @Test
    void aCaseOpenedArrivesSignedWithOpaqueIdsAndNothingThatNamesThePerson() throws Exception {
        Created sub = subscribe("/ok", List.of("case.opened"));
        assertThat(sub.secret()).startsWith("whsec_");
        Person robin = person(people, "Robin Hookman");
        var incident = incident(robin.id());
        care.incidentResolved(incident);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/ok").size() == 1);
        Received r = receiver.received("/ok").get(0);
        assertThat(signedWith(sub.secret(), r)).as("verifies with the secret shown once").isTrue();
        assertThat(signedWith(StandardWebhooks.newSecret(), r)).as("and with no other").isFalse();
        assertThat(r.header("webhook-id")).startsWith("msg_");
        assertThat(r.header("content-type")).isEqualTo("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("type").asString()).isEqualTo("case.opened");
        assertThat(body.get("data").get("case").asString()).startsWith("case_");
        assertThat(body.get("data").get("stage").asString()).isEqualTo("OPEN");
        UUID caseId = jdbc.sql("SELECT id FROM care_case WHERE person_id = ?").param(robin.id()).query(UUID.class)
            .single();
        assertThat(r.body()).doesNotContain(robin.id().toString(), "Robin", "Hookman", robin.email(),
            caseId.toString(), incident.incidentId().toString(), incident.title());

        var log = admin.get("/api/v1/webhook-subscriptions/" + sub.id() + "/deliveries");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.<List<String>>json("$[*].outcome")).containsExactly("DELIVERED");
        assertThat(log.<List<Integer>>json("$[*].status")).containsExactly(200);
        assertThat(log.<String>json("$[0].webhookId")).isEqualTo(r.header("webhook-id"));
        assertThat(admin.get("/api/v1/webhook-subscriptions/" + sub.id()).body()).doesNotContain(sub.secret());
        assertThat(admin.get("/api/v1/webhook-subscriptions").body()).doesNotContain(sub.secret());
        String sealed = jdbc.sql("SELECT secret_sealed FROM notify_webhook_subscription WHERE id = ?")
            .param(sub.id()).query(String.class).single();
        assertThat(sealed).doesNotContain(sub.secret().substring(6));
    }

    @Test
    void eachReceiverGetsItsOwnPseudonymsAndARedeliveredEventIsSentOnce() throws Exception {
        Created sub = subscribe("/mine", List.of("case.opened"));
        Created other = subscribe("/mine-other", List.of("case.opened"));
        UUID caseId = UUID.randomUUID();
        UUID personId = UUID.randomUUID();
        CareCaseOpened opened = new CareCaseOpened(caseId, personId, "INCIDENT", List.of(UUID.randomUUID()),
            Instant.now());
        transactions.executeWithoutResult(tx -> events.publishEvent(opened));
        transactions.executeWithoutResult(tx -> events.publishEvent(opened));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/mine").size() == 1
            && receiver.received("/mine-other").size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
            .until(() -> receiver.received("/mine").size() == 1);
        Received r = receiver.received("/mine").get(0);
        assertThat(signedWith(sub.secret(), r)).isTrue();
        assertThat(r.body()).doesNotContain(personId.toString(), caseId.toString(), "INCIDENT");
        JsonNode data = json.readTree(r.body()).get("data");
        JsonNode otherData = json.readTree(receiver.received("/mine-other").get(0).body()).get("data");
        assertThat(otherData.get("case").asString()).as("each receiver gets its own pseudonyms")
            .isNotEqualTo(data.get("case").asString());
        assertThat(signedWith(other.secret(), receiver.received("/mine-other").get(0))).isTrue();
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameIdThenTheDeliveryIsADeadLetterInTheLog() throws Exception {
        receiver.answer("/down", 503, Map.of("Retry-After", "1"));
        Created sub = subscribe("/down", List.of("case.opened"));
        care.incidentResolved(incident(person(people, "Sasha Down").id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND channel = 'WEBHOOK' AND status = 'DEAD'")
            .param(sub.id()).query(Long.class).single() == 1);
        List<Received> tries = receiver.received("/down");
        assertThat(tries).hasSize(3);
        assertThat(tries).extracting(t -> t.header("webhook-id")).containsOnly(tries.get(0).header("webhook-id"));
        assertThat(tries).allSatisfy(t -> assertThat(signedWith(sub.secret(), t)).isTrue());
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).as("Retry-After: 1 over the 100 ms backoff")
            .isGreaterThanOrEqualTo(Duration.ofMillis(900));

        var log = admin.get("/api/v1/webhook-subscriptions/" + sub.id() + "/deliveries");
        assertThat(log.<List<String>>json("$[*].outcome")).containsExactly("FAILED", "FAILED", "FAILED");
        assertThat(log.<List<Integer>>json("$[*].status")).containsExactly(503, 503, 503);

        AftercareUser me = new AftercareUser(directory.personByEmail(TestApi.ADMIN_EMAIL).orElseThrow().id(),
            TestApi.ADMIN_EMAIL, EnumSet.of(Role.ADMIN), false, null, true);
        String page = mvc.perform(get("/admin/webhooks/" + sub.id()).with(user(me))).andReturn().getResponse()
            .getContentAsString();
        assertThat(page).contains("Recent deliveries").contains("Failed, will try again").contains("503")
            .doesNotContain(sub.secret());
        String dead = mvc.perform(get("/admin/dead-letters").with(user(me))).andReturn().getResponse()
            .getContentAsString();
        assertThat(dead).contains("A webhook subscription").contains("<td>Webhook</td>").doesNotContain(">WEBHOOK<");
    }

    @Test
    void aReceiverThatIsGoneSwitchesTheSubscriptionOff() {
        receiver.answer("/gone", 410, Map.of());
        Created sub = subscribe("/gone", List.of("case.opened"));
        care.incidentResolved(incident(person(people, "Alex Gone").id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.get("/api/v1/webhook-subscriptions/" + sub.id())
            .<Boolean>json("$.enabled"));
        assertThat(receiver.received("/gone")).hasSize(1);
        assertThat(admin.get("/api/v1/webhook-subscriptions/" + sub.id() + "/deliveries")
            .<List<String>>json("$[*].outcome")).containsExactly("GONE");
        // later events are not queued for it at all
        care.incidentResolved(incident(person(people, "Alex Later").id()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
            receiver.received("/gone").size() == 1);
    }

    @Test
    void badSubscriptionsAreProblemsWithFieldErrors() {
        var bad = admin.post("/api/v1/webhook-subscriptions", Map.of("name", "", "url", "ftp://example.com/x",
            "events", List.of("case.reopened")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<List<String>>json("$.errors[*].field")).containsExactly("name", "url", "events");
        var none = admin.post("/api/v1/webhook-subscriptions", Map.of("name", "x", "url", "http://example.com/x",
            "events", List.of()));
        assertThat(none.<List<String>>json("$.errors[*].field")).containsExactly("events");
        assertThat(TestApi.at(port).get("/api/v1/webhook-subscriptions").status()).isEqualTo(401);
    }
}
