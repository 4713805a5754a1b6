package io.aftercare.notify.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.care.CareCaseClosed;
import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;
import io.aftercare.peersupport.OutreachDone;
import io.aftercare.peersupport.SupportAcknowledged;
import io.aftercare.peersupport.SupportRequested;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.LoopbackReceiver;
import io.aftercare.support.TestApi;

/**
 * The privacy test for outbound webhooks (H2 and PostgreSQL): two worlds that differ only in what one responder
 * answered and chose (an outreach wish, a support request, “I'm OK now”, a case opened for themselves). A receiver
 * subscribed to every event there is gets the same bodies in both, once ids and times are set aside.
 */
@AftercareIT
// the delivery worker runs when the scheduler next looks (every 10 s by default): 200 ms, so that each world's
// deliveries are waited for in well under a second
@TestPropertySource(properties = {"aftercare.scheduler.polling-interval=200ms", "aftercare.notify.poll-interval=200ms",
    "aftercare.notify.webhooks.require-https=false", "aftercare.notify.webhooks.allow-private-addresses=true"})
class WebhookPrivacyIT {

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
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    void publish(Object event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }

    /** Everything a receiver can subscribe to, so that no event type escapes the comparison. */
    String subscribeToEverything(TestApi admin, String path) {
        List<String> all = Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList();
        var created = admin.post("/api/v1/webhook-subscriptions", Map.of("name", "Everything " + path,
            "url", receiver.url(path), "events", all));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json("$.id");
    }

    /** One incident's responder, and what they did afterwards: the only thing that differs between the worlds. */
    void world(boolean reachedForHelp) {
        UUID person = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();
        publish(new CareCaseOpened(caseId, person, "INCIDENT", List.of(UUID.randomUUID()), now));
        if (reachedForHelp) {
            publish(new CheckInAnswered(caseId, UUID.randomUUID(), person, Outreach.PEER_SUPPORTER, now));
            UUID request = UUID.randomUUID();
            UUID supporter = UUID.randomUUID();
            publish(new SupportRequested(request, person, "CHECK_IN", supporter, now.plusSeconds(3600), now));
            publish(new SupportAcknowledged(request, supporter, now));
            publish(new OutreachDone(UUID.randomUUID(), caseId, person, UUID.randomUUID(), now));
            publish(new CareCaseClosed(caseId, person, "PERSON", now));
            // and a week later, a case of their own
            UUID own = UUID.randomUUID();
            publish(new CareCaseOpened(own, person, "SELF", List.of(), now));
            publish(new SupportRequested(UUID.randomUUID(), person, "SELF", null, now.plusSeconds(3600), now));
        } else {
            publish(new CheckInAnswered(caseId, UUID.randomUUID(), person, Outreach.NOBODY, now));
            publish(new CareCaseClosed(caseId, person, "COMPLETED", now));
        }
    }

    List<String> receivedSettled(String path) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received(path).isEmpty());
        int[] last = {-1};
        await().pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
            .until(() -> {
                int now = receiver.received(path).size();
                boolean same = now == last[0];
                last[0] = now;
                return same;
            });
        return receiver.received(path).stream().map(r -> normalised(r.body())).sorted().toList();
    }

    /** Pseudonyms and times differ in any two worlds; everything else must not. */
    static String normalised(String body) {
        return body.replaceAll("\"([a-z]+)_[A-Za-z0-9_-]{22}\"", "\"$1_…\"")
            .replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"…\"");
    }

    @Test
    void whatOneResponderAnsweredOrChoseChangesNothingAReceiverGets() {
        TestApi admin = TestApi.at(port).asAdmin();
        String first = subscribeToEverything(admin, "/world-asked");
        world(true);
        List<String> asked = receivedSettled("/world-asked");
        assertThat(admin.delete("/api/v1/webhook-subscriptions/" + first).status()).isEqualTo(204);

        String second = subscribeToEverything(admin, "/world-quiet");
        world(false);
        List<String> quiet = receivedSettled("/world-quiet");
        assertThat(admin.delete("/api/v1/webhook-subscriptions/" + second).status()).isEqualTo(204);

        assertThat(asked).as("the receiver cannot tell the two worlds apart").isEqualTo(quiet);
        assertThat(quiet).containsExactly(
            "{\"type\":\"case.opened\",\"timestamp\":\"…\",\"data\":{\"case\":\"case_…\",\"stage\":\"OPEN\"}}");
    }

    @Test
    void eventsThatFollowAnAnswerCannotBeSubscribedTo() {
        TestApi admin = TestApi.at(port).asAdmin();
        for (String gone : List.of("case.closed", "outreach.requested", "support.requested", "support.acknowledged",
            "outreach.done")) {
            var refused = admin.post("/api/v1/webhook-subscriptions", Map.of("name", "Wants " + gone,
                "url", receiver.url("/refused"), "events", List.of(gone)));
            assertThat(refused.status()).as(gone).isEqualTo(400);
            assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("events");
        }
    }
}
