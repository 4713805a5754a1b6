package io.aftercare.notify.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Puts messages for a {@link DirectChannel} into the outbox: same idempotency, backoff and dead letters. */
@Component
public class DirectMessages {

    private final Outbox outbox;

    DirectMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Adds a message for the recipient unless one with the same key exists.
     *
     * @return the new message's id, or empty when the key was there already
     */
    public Optional<UUID> add(String key, UUID recipientId, String channel, String kind, Instant notBefore,
                              Instant now) {
        UUID id = UUID.randomUUID();
        return outbox.add(id, key, recipientId, channel, kind, null, null, 0, false, notBefore, now)
            ? Optional.of(id) : Optional.empty();
    }
}
