package io.aftercare.notify.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events a subscription can choose, by their {@code type} in the payload. */
enum WebhookEventType {
    CASE_OPENED("case.opened"),
    CASE_CLOSED("case.closed"),
    OUTREACH_REQUESTED("outreach.requested"),
    SUPPORT_REQUESTED("support.requested"),
    SUPPORT_ACKNOWLEDGED("support.acknowledged"),
    OUTREACH_DONE("outreach.done");

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
