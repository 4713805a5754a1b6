package io.aftercare.notify.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCaseOpened;
import io.aftercare.notify.outbox.DirectMessages;
import io.aftercare.shared.Hmac;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns care events into webhook deliveries: one outbox message per event and subscription that wants it
 * (idempotency key {@code webhook:<event>:<subscription>}), in the event's own transaction, so a redelivered event
 * adds nothing. Payloads carry the event type, the time, opaque ids and a stage only: never a person, an answer, a
 * personal choice, a score or a note, and no event is sent whose mere existence follows from one (decision 0010).
 * Every id is a pseudonym made with the subscription's own salt and the event type, so two receivers, or two event
 * types at one receiver, see different ids for the same case.
 */
@Component
class WebhookEvents {

    static final String CHANNEL = "WEBHOOK";

    private final WebhookStore store;
    private final DirectMessages outbox;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    WebhookEvents(WebhookStore store, DirectMessages outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Only a case that an incident opened is told: a case someone opened for themselves (or on a suggestion) exists
     * because of their own choice, so even its bare existence would tell a receiver what they chose. No origin.
     */
    @ApplicationModuleListener
    void on(CareCaseOpened e) {
        if (!"INCIDENT".equals(e.origin())) {
            return;
        }
        publish(WebhookEventType.CASE_OPENED, "case.opened:" + e.caseId(), e.openedAt(), p -> data(
            "case", p.of("case", e.caseId()), "stage", "OPEN"));
    }

    /*
     * Not sent, on purpose (decision 0010, amended): a case closing (its time follows “I'm OK now”), an outreach
     * wish, a support request or its acknowledgement (each exists only because someone asked), and an outreach done
     * after a nudge (nudges are withdrawn when the person answers “nobody”). Each of these would differ if one person
     * had answered differently, and the receiver's readers are not the people the answer is for.
     */

    /**
     * Opaque ids for one subscription and one event type: a prefix and 22 characters of HMAC-SHA256, keyed with the
     * subscription's secret salt, over the event type, the kind and the id. The same case has different ids in two
     * event types, so a receiver cannot link one event to another.
     */
    record Pseudonyms(byte[] salt, String eventType) {
        String of(String kind, UUID id) {
            if (id == null) {
                return null;
            }
            byte[] mac = Hmac.sha256(salt, (eventType + ":" + kind + ":" + id).getBytes(StandardCharsets.UTF_8));
            return kind + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
        }
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    void publish(WebhookEventType type, String eventKey, Instant at, Function<Pseudonyms, Map<String, Object>> data) {
        Instant now = clock.instant();
        Instant occurred = (at == null ? now : at).truncatedTo(ChronoUnit.SECONDS);
        for (Subscription s : store.list()) {
            if (!s.wants(type)) {
                continue;
            }
            byte[] salt = Base64.getDecoder().decode(store.salt(s.id()).orElseThrow());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type.code());
            body.put("timestamp", occurred.toString());
            body.put("data", data.apply(new Pseudonyms(salt, type.code())));
            String text = json.writeValueAsString(body);
            outbox.add("webhook:" + eventKey + ":" + s.id(), s.id(), CHANNEL, type.code(), now, now)
                .ifPresent(id -> store.insertDelivery(new WebhookStore.Delivery(id, s.id(), type.code(), text, now)));
        }
    }
}
