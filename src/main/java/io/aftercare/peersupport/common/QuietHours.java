package io.aftercare.peersupport.common;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import io.aftercare.directory.PersonRef;

/** When a nudge may reach someone: never in their quiet hours or on their weekend days, in their own zone. */
public final class QuietHours {

    private QuietHours() {
    }

    /** Whether the local time is from start up to (not including) end, which may run over midnight; equal times mean none. */
    public static boolean within(LocalTime t, LocalTime start, LocalTime end) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    public static boolean blocked(Instant t, PersonRef p) {
        ZonedDateTime local = t.atZone(p.timeZone());
        return p.weekendDays().contains(local.getDayOfWeek()) || within(local.toLocalTime(), p.quietStart(), p.quietEnd());
    }

    /** The earliest instant at or after {@code intended} outside the person's quiet hours and weekend. */
    public static Instant next(Instant intended, PersonRef p) {
        return next(intended, p.timeZone(), p.quietStart(), p.quietEnd(), p.weekendDays());
    }

    static Instant next(Instant intended, ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> weekend) {
        if (weekend.size() >= 7) {
            return intended;
        }
        Instant t = intended;
        for (int i = 0; i < 64; i++) {
            ZonedDateTime local = t.atZone(zone);
            if (weekend.contains(local.getDayOfWeek())) {
                t = local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            } else if (within(local.toLocalTime(), start, end)) {
                boolean endTomorrow = start.isAfter(end) && !local.toLocalTime().isBefore(start);
                ZonedDateTime endAt = (endTomorrow ? local.toLocalDate().plusDays(1) : local.toLocalDate())
                    .atTime(end).atZone(zone);
                t = endAt.toInstant().isAfter(t) ? endAt.toInstant() : t.plusSeconds(60);
            } else {
                return t;
            }
        }
        return t;
    }
}
