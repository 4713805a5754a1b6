package io.aftercare.incidents.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.ResponderRole;

/** Small rules every incident use case shares: times stored to the microsecond, trimmed text, default roles. */
final class IncidentInputs {

    private IncidentInputs() {
    }

    /** Now, as the database keeps it. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static ResponderRole roleOrDefault(NewResponder r) {
        return r.role() == null ? ResponderRole.RESPONDER : r.role();
    }

    static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
