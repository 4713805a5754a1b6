package io.aftercare.notify.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An admin-made webhook endpoint: where, which events, whether it is on. Never its secret. */
record Subscription(UUID id, String name, String url, List<WebhookEventType> events, boolean enabled,
                    String disabledReason, Instant createdAt, Instant updatedAt) {

    public boolean wants(WebhookEventType type) {
        return enabled && events.contains(type);
    }

    /** The event codes, for pages and the API. */
    public List<String> eventCodes() {
        return events.stream().map(WebhookEventType::code).toList();
    }
}
