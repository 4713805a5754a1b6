package io.aftercare.peersupport.requests;

import java.time.Duration;
import java.time.Instant;

/**
 * How long something has been waiting, as coordinators see it: three bands, never a time of day. An exact time
 * would let a coordinator line a request up with a check-in after a known incident, and so with a known responder.
 */
public enum CoarseAge {
    /** Less than 24 hours. */
    UNDER_A_DAY,
    /** From 24 hours up to (not including) 72 hours. */
    ONE_TO_TWO_DAYS,
    /** 72 hours or more. */
    THREE_DAYS_OR_MORE;

    static CoarseAge between(Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            return UNDER_A_DAY;
        }
        return age.compareTo(Duration.ofDays(3)) < 0 ? ONE_TO_TWO_DAYS : THREE_DAYS_OR_MORE;
    }

    /** The message key of this band's words. */
    public String messageKey() {
        return "support.programme.age." + name();
    }
}
