package io.aftercare.notify.outbox;

import java.time.Duration;

/**
 * An outward channel whose recipient is not a person but something of its own (a webhook subscription): the outbox
 * row's recipient id is that thing's id, and the worker hands the message over without a directory look-up.
 */
public interface DirectChannel {

    /** The outbox channel name, e.g. WEBHOOK. */
    String name();

    /** The shortest time between two tries to one recipient; zero means no limit. */
    default Duration minInterval() {
        return Duration.ZERO;
    }

    /** Sends one message; throws {@link DeliveryFailure} when it did not go. */
    void send(OutgoingMessage message) throws DeliveryFailure;
}
