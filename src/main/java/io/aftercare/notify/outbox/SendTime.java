package io.aftercare.notify.outbox;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collection;
import java.util.Set;

/**
 * When an outward message may go: not before it is due, not while messages are paused, never in the person's quiet
 * hours or on their weekend days (local to their time zone), and not on a local day that already has {@code cap}
 * messages. A message is only ever delayed, never dropped. Pure: the same arguments give the same instant.
 */
public final class SendTime {

    private SendTime() {
    }

    /**
     * @param earliest     when the message is due
     * @param quietStart   start of quiet hours, local (inclusive); equal to quietEnd means none; may run overnight
     * @param quietEnd     end of quiet hours, local (exclusive)
     * @param pausedUntil  no message on or before this local date (null: not paused)
     * @param alreadyTimed send times of the person's other outward messages
     * @param cap          messages per local day (at least 1)
     */
    public static Instant decide(Instant earliest, ZoneId zone, LocalTime quietStart, LocalTime quietEnd,
                                 Set<DayOfWeek> weekendDays, LocalDate pausedUntil,
                                 Collection<Instant> alreadyTimed, int cap) {
        Instant t = earliest;
        if (pausedUntil != null && !t.atZone(zone).toLocalDate().isAfter(pausedUntil)) {
            t = startOfDay(pausedUntil.plusDays(1), zone);
        }
        boolean everyDayOff = weekendDays.size() >= 7;
        // each round moves to a later boundary; a year of days is far more than any input needs
        for (int i = 0; i < 2000; i++) {
            ZonedDateTime local = t.atZone(zone);
            LocalDate day = local.toLocalDate();
            if (!everyDayOff && weekendDays.contains(local.getDayOfWeek())) {
                t = startOfDay(day.plusDays(1), zone);
            } else if (within(local.toLocalTime(), quietStart, quietEnd)) {
                boolean endIsTomorrow = quietStart.isAfter(quietEnd) && !local.toLocalTime().isBefore(quietStart);
                t = firstAtOrAfter((endIsTomorrow ? day.plusDays(1) : day).atTime(quietEnd), zone, t);
            } else if (countOn(day, zone, alreadyTimed) >= Math.max(1, cap)) {
                t = startOfDay(day.plusDays(1), zone);
            } else {
                return t;
            }
        }
        return t;
    }

    /** Whether a local time is inside quiet hours, from start up to but not including end; equal times mean none. */
    static boolean within(LocalTime time, LocalTime start, LocalTime end) {
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    static long countOn(LocalDate day, ZoneId zone, Collection<Instant> times) {
        return times.stream().filter(x -> x.atZone(zone).toLocalDate().equals(day)).count();
    }

    private static Instant startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant not before {@code notBefore} at local time {@code local}; in a clock-change gap, the change. */
    private static Instant firstAtOrAfter(LocalDateTime local, ZoneId zone, Instant notBefore) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        ZonedDateTime candidate = local.atZone(zone);
        if (candidate.toInstant().isBefore(notBefore)) {
            candidate = candidate.withLaterOffsetAtOverlap();
        }
        return candidate.toInstant();
    }
}
