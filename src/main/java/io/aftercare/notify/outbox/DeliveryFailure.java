package io.aftercare.notify.outbox;

import java.time.Duration;

/**
 * A message did not go. Permanent failures become dead letters at once; others are tried again after the backoff
 * or after {@code retryAfter}, whichever is longer.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;
    private final Duration retryAfter;

    /** @param retryAfter how long the peer asked us to wait, or null */
    public DeliveryFailure(String reason, boolean permanent, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    /** A failure that a later try may not have. */
    public static DeliveryFailure temporary(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, null, cause);
    }

    /** A failure that no retry will fix. */
    public static DeliveryFailure permanent(String reason, Throwable cause) {
        return new DeliveryFailure(reason, true, null, cause);
    }

    /** Whether no retry will fix it. */
    public boolean permanent() {
        return permanent;
    }

    /** How long the peer asked us to wait (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
