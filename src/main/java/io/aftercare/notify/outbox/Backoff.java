package io.aftercare.notify.outbox;

import java.time.Duration;

/** Exponential backoff: initial, doubled after each failure, at most max; a longer Retry-After wins. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int failures, Duration initial, Duration max, Duration retryAfter) {
        Duration wait = initial;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
