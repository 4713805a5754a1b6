package io.aftercare.notify.outbox;

import java.util.UUID;

/**
 * One message to send. It carries no content: channels render the text from its kind and day.
 *
 * @param kind     {@code CHECK_IN} or {@code FOLLOW_UP}
 * @param reminder whether this is the one reminder of the step
 * @param key      the message's idempotency key (for a nudge it names the nudge, which its link opens)
 */
public record OutgoingMessage(UUID id, UUID personId, String channel, String kind, UUID stepId, UUID caseId, int day,
                              boolean reminder, int attempt, String key) {
}
