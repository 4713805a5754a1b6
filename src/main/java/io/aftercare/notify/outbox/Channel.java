package io.aftercare.notify.outbox;

import java.time.Duration;

import io.aftercare.directory.PersonRef;

/** An outward way to reach a person (e-mail, Slack). */
public interface Channel {

    /** EMAIL or SLACK. */
    String name();

    /** Whether the channel is configured here (an SMTP host, a Slack token). */
    boolean configured();

    /** Whether the channel is configured and can reach this person at all. */
    boolean reaches(PersonRef person);

    /** The shortest time between two tries to one person (a rate limit such as Slack's); zero means none. */
    default Duration minInterval() {
        return Duration.ZERO;
    }

    /** Sends one message; throws {@link DeliveryFailure} when it did not go. */
    void send(OutgoingMessage message, PersonRef person) throws DeliveryFailure;
}
