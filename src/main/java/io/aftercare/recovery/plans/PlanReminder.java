package io.aftercare.recovery.plans;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.aftercare.directory.QuietHours;

/**
 * When the reminder of a plan goes out: the day before the shift (24 hours before it starts), never inside the
 * person's quiet hours or on their weekend days, in their time zone. If that moment is quiet, the reminder waits for
 * the quiet to end, as long as that is still at least {@link #LEAD} before the shift; otherwise it comes earlier,
 * at the last allowed moment before the quiet began (up to a day earlier). No reminder when no moment fits, or when
 * the moment has passed.
 */
final class PlanReminder {

    /** A reminder comes at least this long before the shift. */
    static final Duration LEAD = Duration.ofHours(2);

    static final Duration DAY_BEFORE = Duration.ofHours(24);

    private static final Duration STEP = Duration.ofMinutes(15);

    private PlanReminder() {
    }

    static Optional<Instant> at(Instant shiftStartsAt, QuietHours quiet, Instant now) {
        Instant intended = shiftStartsAt.minus(DAY_BEFORE);
        Instant latest = shiftStartsAt.minus(LEAD);
        Instant chosen = null;
        if (!quiet.blocked(intended)) {
            chosen = intended;
        } else {
            Instant later = quiet.next(intended);
            if (!later.isAfter(latest)) {
                chosen = later;
            } else {
                // back in steps of a quarter of an hour, to the last allowed moment before the quiet began
                Instant t = intended.minus(STEP);
                for (int i = 0; i < 4 * 24 && chosen == null; i++, t = t.minus(STEP)) {
                    if (!quiet.blocked(t)) {
                        chosen = t;
                    }
                }
            }
        }
        if (chosen == null || !chosen.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(chosen);
    }
}
