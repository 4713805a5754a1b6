package io.aftercare.notify.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;

import io.aftercare.directory.QuietHours;

/**
 * When an outward message may go: not before it is due, not while messages are paused, never in the person's quiet
 * hours or on their weekend days (the directory's {@link QuietHours}), and not on a local day that already has
 * {@code cap} messages. A message is only ever delayed, never dropped. Pure: the same arguments give the same instant.
 */
public final class SendTime {

    private SendTime() {
    }

    /**
     * @param earliest     when the message is due
     * @param quiet        the person's quiet hours and weekend days, in their time zone
     * @param pausedUntil  no message on or before this local date (null: not paused)
     * @param alreadyTimed send times of the person's other outward messages
     * @param cap          messages per local day (at least 1)
     */
    public static Instant decide(Instant earliest, QuietHours quiet, LocalDate pausedUntil,
                                 Collection<Instant> alreadyTimed, int cap) {
        ZoneId zone = quiet.zone();
        Instant t = earliest;
        if (pausedUntil != null && !t.atZone(zone).toLocalDate().isAfter(pausedUntil)) {
            t = startOfDay(pausedUntil.plusDays(1), zone);
        }
        // each round moves to a later day; a year of days is far more than any input needs
        for (int i = 0; i < 2000; i++) {
            t = quiet.next(t);
            LocalDate day = t.atZone(zone).toLocalDate();
            if (countOn(day, zone, alreadyTimed) < Math.max(1, cap)) {
                return t;
            }
            t = startOfDay(day.plusDays(1), zone);
        }
        return t;
    }

    static long countOn(LocalDate day, ZoneId zone, Collection<Instant> times) {
        return times.stream().filter(x -> x.atZone(zone).toLocalDate().equals(day)).count();
    }

    private static Instant startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
