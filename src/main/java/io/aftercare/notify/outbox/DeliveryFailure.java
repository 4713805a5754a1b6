package io.aftercare.notify.outbox;

import java.time.Duration;

/**
 * A message did not go. Permanent failures become dead letters at once; others are tried again after the backoff
 * or after {@code retryAfter}, whichever is longer.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;
    private final Duration retryAfter;

    public DeliveryFailure(String reason, boolean permanent, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public static DeliveryFailure temporary(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, null, cause);
    }

    public static DeliveryFailure permanent(String reason, Throwable cause) {
        return new DeliveryFailure(reason, true, null, cause);
    }

    public boolean permanent() {
        return permanent;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
