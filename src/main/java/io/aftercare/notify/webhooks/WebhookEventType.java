package io.aftercare.notify.webhooks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a subscription can choose, by their {@code type} in the payload. Only events whose existence follows
 * from no one's answer or choice (decision 0010): {@code case.closed}, {@code outreach.requested},
 * {@code support.requested}, {@code support.acknowledged} and {@code outreach.done} are no longer sent.
 */
enum WebhookEventType {
    CASE_OPENED("case.opened");

    private final String code;

    WebhookEventType(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<WebhookEventType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
