package io.aftercare.care.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Set;

import io.aftercare.care.rules.TriggerRules;

/**
 * When a prompt may reach a person: never in their quiet hours or on their weekend days, in their own time zone,
 * and as soon as possible after the intended time. Daylight-saving changes are handled through the zone's rules.
 */
public final class DueTimes {

    private DueTimes() {
    }

    /**
     * The earliest instant at or after {@code intended} that is neither in the quiet hours (from quietStart up to,
     * not including, quietEnd; they may run over midnight; equal times mean no quiet hours) nor on a weekend day,
     * local to {@code zone}. If every day is a weekend day there is no such instant and {@code intended} is returned.
     */
    public static Instant next(Instant intended, ZoneId zone, LocalTime quietStart, LocalTime quietEnd,
                               Set<DayOfWeek> weekendDays) {
        if (weekendDays.size() >= 7) {
            return intended;
        }
        Instant t = intended;
        // each step moves to a later boundary; a week of days and quiet windows is plenty
        for (int i = 0; i < 64; i++) {
            ZonedDateTime local = t.atZone(zone);
            if (weekendDays.contains(local.getDayOfWeek())) {
                t = notPastAClockChange(t, local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant(), zone);
            } else if (TriggerRules.within(local.toLocalTime(), quietStart, quietEnd)) {
                boolean endIsTomorrow = quietStart.isAfter(quietEnd) && !local.toLocalTime().isBefore(quietStart);
                LocalDateTime end = (endIsTomorrow ? local.toLocalDate().plusDays(1) : local.toLocalDate())
                    .atTime(quietEnd);
                t = notPastAClockChange(t, firstInstantAtOrAfter(end, zone, t), zone);
            } else {
                return t;
            }
        }
        return t;
    }

    /** Whether a prompt at {@code t} would fall into quiet hours or onto a weekend day. */
    public static boolean blocked(Instant t, ZoneId zone, LocalTime quietStart, LocalTime quietEnd,
                                  Set<DayOfWeek> weekendDays) {
        ZonedDateTime local = t.atZone(zone);
        return weekendDays.contains(local.getDayOfWeek())
            || TriggerRules.within(local.toLocalTime(), quietStart, quietEnd);
    }

    /**
     * {@code next}, or the zone's next clock change if it comes first: the clocks going back can leave quiet hours or
     * a weekend day before their local end (quiet hours from 01:30: a quarter of an hour after 01:45 summer time it
     * is 01:00 winter time, outside them), so the time is looked at again there.
     */
    private static Instant notPastAClockChange(Instant t, Instant next, ZoneId zone) {
        ZoneOffsetTransition change = zone.getRules().nextTransition(t);
        return change != null && change.getInstant().isBefore(next) ? change.getInstant() : next;
    }

    /**
     * The first instant not before {@code notBefore} whose local time is {@code local}, or, when a clock change
     * skips {@code local} (a gap), the instant of that change.
     */
    private static Instant firstInstantAtOrAfter(LocalDateTime local, ZoneId zone, Instant notBefore) {
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
