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

import io.aftercare.care.CareCaseClosed;
import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;
import io.aftercare.notify.outbox.DirectMessages;
import io.aftercare.peersupport.OutreachDone;
import io.aftercare.peersupport.SupportAcknowledged;
import io.aftercare.peersupport.SupportRequested;
import io.aftercare.shared.Hmac;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns care and peer-support events into webhook deliveries: one outbox message per event and subscription that
 * wants it (idempotency key {@code webhook:<event>:<subscription>}), in the event's own transaction, so a redelivered
 * event adds nothing. Payloads carry the event type, the time, opaque ids and stages only: never a person, an
 * answer, a score or a note (decision 0010). Every id is a pseudonym made with the subscription's own salt, so the
 * same case has the same id in every event one receiver gets, and different ids at two receivers.
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

    @ApplicationModuleListener
    void on(CareCaseOpened e) {
        publish(WebhookEventType.CASE_OPENED, "case.opened:" + e.caseId(), e.openedAt(), p -> data(
            "case", p.of("case", e.caseId()), "origin", e.origin(), "stage", "OPEN"));
    }

    @ApplicationModuleListener
    void on(CareCaseClosed e) {
        publish(WebhookEventType.CASE_CLOSED, "case.closed:" + e.caseId(), e.closedAt(), p -> data(
            "case", p.of("case", e.caseId()), "reason", e.reason(), "stage", "CLOSED"));
    }

    @ApplicationModuleListener
    void on(CheckInAnswered e) {
        if (e.outreach() == null || e.outreach() == Outreach.NOBODY) {
            return;
        }
        publish(WebhookEventType.OUTREACH_REQUESTED, "outreach.requested:" + e.checkInId(), e.answeredAt(),
            p -> data("case", p.of("case", e.caseId()), "checkIn", p.of("checkin", e.checkInId()),
                "outreach", e.outreach().name(), "stage", "OPEN"));
    }

    @ApplicationModuleListener
    void on(SupportRequested e) {
        publish(WebhookEventType.SUPPORT_REQUESTED, "support.requested:" + e.requestId(), e.requestedAt(),
            p -> data("request", p.of("request", e.requestId()), "origin", e.origin(),
                "stage", e.supporterId() == null ? "UNASSIGNED" : "ASSIGNED"));
    }

    @ApplicationModuleListener
    void on(SupportAcknowledged e) {
        publish(WebhookEventType.SUPPORT_ACKNOWLEDGED, "support.acknowledged:" + e.requestId(), e.at(),
            p -> data("request", p.of("request", e.requestId()), "stage", "ACKNOWLEDGED"));
    }

    @ApplicationModuleListener
    void on(OutreachDone e) {
        publish(WebhookEventType.OUTREACH_DONE, "outreach.done:" + e.nudgeId(), e.at(),
            p -> data("case", p.of("case", e.caseId()), "nudge", p.of("nudge", e.nudgeId()), "stage", "DONE"));
    }

    /** Opaque ids for one subscription: a prefix and 22 characters of HMAC-SHA256 over kind and id. */
    record Pseudonyms(byte[] salt) {
        String of(String kind, UUID id) {
            if (id == null) {
                return null;
            }
            byte[] mac = Hmac.sha256(salt, (kind + ":" + id).getBytes(StandardCharsets.UTF_8));
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
            body.put("data", data.apply(new Pseudonyms(salt)));
            String text = json.writeValueAsString(body);
            outbox.add("webhook:" + eventKey + ":" + s.id(), s.id(), CHANNEL, type.code(), now, now)
                .ifPresent(id -> store.insertDelivery(new WebhookStore.Delivery(id, s.id(), type.code(), text, now)));
        }
    }
}
