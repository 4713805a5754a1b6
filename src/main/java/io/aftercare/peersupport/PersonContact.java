package io.aftercare.peersupport;

import java.util.Optional;
import java.util.UUID;

/**
 * How a person can be reached by their own choice of channel, for the supporter who acknowledged their request.
 * Implemented by the notifications module, which keeps each person's channels; peer support only asks.
 */
public interface PersonContact {

    /**
     * @param channel {@code EMAIL} or {@code SLACK}
     * @param address the e-mail address, or the Slack user id
     */
    record Contact(String channel, String address) {
    }

    /** The person's first outward channel that reaches them, or their e-mail address when none does. */
    Optional<Contact> of(UUID personId);
}
