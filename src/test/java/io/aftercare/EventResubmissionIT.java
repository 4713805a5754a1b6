package io.aftercare;

import static io.aftercare.peersupport.SupportFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.People;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.recovery.JournalPromptReady;
import io.aftercare.recovery.PlanReminderDue;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.LoopbackReceiver;
import io.aftercare.support.TestApi;

/**
 * An event whose listener did not finish (its instance died) is handed to the listener again by the instance that
 * is alive, once it is {@code aftercare.events.stale-after} old; and every listener given an event again changes
 * nothing: no second case, step, inbox or outward message, support case, nudge, support request, webhook delivery or
 * recovery reminder (decision 0043).
 *
 * <p>The test lets a whole care flow run (an incident resolved with two responders, their check-ins due, one answered
 * with a wish for a peer supporter, that request closed, a webhook told of the cases, recovery's reminders sent), then
 * makes every publication of it incomplete and old, as an instance killed mid-delivery leaves them, and waits for the
 * resubmission to complete them all again.
 */
@AftercareIT
@TestPropertySource(properties = {"aftercare.care.check-in-delay=0s", "aftercare.scheduler.polling-interval=200ms",
    "aftercare.events.stale-after=1s", "aftercare.events.check-every=500ms", "aftercare.notify.poll-interval=200ms",
    "aftercare.notify.webhooks.require-https=false", "aftercare.notify.webhooks.allow-private-addresses=true"})
class EventResubmissionIT {

    /** What each listener makes, by the listener that makes it. */
    static final Map<String, String> EFFECTS = effects();

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    static LoopbackReceiver receiver;

    @BeforeAll
    static void receiver() throws IOException {
        receiver = LoopbackReceiver.start();
    }

    @AfterAll
    static void closeReceiver() {
        receiver.close();
    }

    private static Map<String, String> effects() {
        Map<String, String> effects = new LinkedHashMap<>();
        effects.put("care cases (IncidentResolvedListener)", "SELECT COUNT(*) FROM care_case");
        effects.put("care incidents per person (IncidentResolvedListener)", "SELECT COUNT(*) FROM care_case_incident");
        effects.put("care steps (IncidentResolvedListener)", "SELECT COUNT(*) FROM care_step");
        effects.put("messages (CheckInDueListener, PeerSupportListener)", "SELECT COUNT(*) FROM notify_message");
        effects.put("support cases (NudgeListener)", "SELECT COUNT(*) FROM support_case");
        effects.put("nudges (NudgeListener)", "SELECT COUNT(*) FROM support_nudge");
        effects.put("support requests (RequestListener)", "SELECT COUNT(*) FROM support_request");
        effects.put("webhook deliveries (WebhookEvents)", "SELECT COUNT(*) FROM notify_webhook_delivery");
        effects.put("recovery reminders (RecoveryListener)",
            "SELECT COUNT(*) FROM notify_message WHERE kind IN ('JOURNAL_PROMPT', 'PLAN_REMINDER')");
        return effects;
    }

    long incomplete() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
            .single();
    }

    Map<String, Long> effectsNow() {
        Map<String, Long> now = new LinkedHashMap<>();
        EFFECTS.forEach((name, sql) -> now.put(name, jdbc.sql(sql).query(Long.class).single()));
        return now;
    }

    @Test
    void everyListenerGivenItsEventAgainAfterAnInstanceDiedChangesNothing() {
        Person sam = person(people, "Sam Resubmitted", null);
        Person kim = person(people, "Kim Resubmitted", null);
        TestApi admin = TestApi.at(port).asAdmin();
        var subscription = admin.post("/api/v1/webhook-subscriptions", Map.of("name", "Resubmitted",
            "url", receiver.url("/hooks"), "events", List.of("case.opened")));
        assertThat(subscription.status()).as(subscription.body()).isEqualTo(201);
        var incident = admin.post("/api/v1/incidents", Map.of("title", "Queue stuck " + UUID.randomUUID(),
            "severity", "SEV2", "responders", List.of(Map.of("personId", sam.id().toString(), "role", "RESPONDER"),
                Map.of("personId", kim.id().toString(), "role", "RESPONDER"))));
        assertThat(incident.status()).as(incident.toString()).isEqualTo(201);
        assertThat(admin.post("/api/v1/incidents/" + incident.json("$.id") + "/resolve", "{}").status())
            .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM notify_message WHERE channel = 'INBOX' AND person_id IN (?, ?)")
            .params(sam.id(), kim.id()).query(Long.class).single() == 2);
        UUID checkIn = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = 'CHECK_IN'")
            .param(sam.id()).query(UUID.class).single();
        var answered = sam.api(port).post("/api/v1/me/check-ins/" + checkIn, Map.of("stress", 2,
            "effects", List.of(), "outreach", "PEER_SUPPORTER"));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "SELECT COUNT(*) FROM support_request WHERE person_id = ?").param(sam.id()).query(Long.class).single() == 1);
        UUID request = jdbc.sql("SELECT id FROM support_request WHERE person_id = ?").param(sam.id())
            .query(UUID.class).single();
        // recovery's two reminders, as recovery publishes them
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new JournalPromptReady(sam.id(), 1, Instant.now()));
            events.publishEvent(new PlanReminderDue(UUID.randomUUID(), sam.id()));
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/hooks").size() == 2);
        // Sam is done with it: a request made again now would be a new one, which is what must not happen
        assertThat(sam.api(port).post("/api/v1/me/support-requests/" + request + "/close", "{}").status())
            .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> incomplete() == 0);
        Map<String, Long> before = effectsNow();

        // as an instance killed mid-delivery leaves them: published long ago, never completed
        int reset = jdbc.sql("""
                UPDATE event_publication SET completion_date = NULL, status = 'PROCESSING', publication_date = ?""")
            .param(Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).update();
        List<String> listeners = jdbc.sql("SELECT DISTINCT listener_id FROM event_publication").query(String.class)
            .list();
        assertThat(reset).isPositive();
        assertThat(String.join("\n", listeners)).contains("IncidentResolvedListener", "CheckInDueListener",
            "NudgeListener", "RequestListener", "WebhookEvents", "RecoveryListener");

        await().atMost(Duration.ofSeconds(60)).until(() -> incomplete() == 0);
        assertThat(effectsNow()).as("every effect once, after every event was delivered again")
            .containsExactlyEntriesOf(before);
        assertThat(jdbc.sql("SELECT status FROM support_request WHERE person_id = ?").param(sam.id())
            .query(String.class).list()).as("Sam's one request, still closed").containsExactly("CLOSED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> receiver.received("/hooks").size() == 2);
        assertThat(receiver.received("/hooks")).as("each case.opened once at the receiver").hasSize(2);
    }
}
