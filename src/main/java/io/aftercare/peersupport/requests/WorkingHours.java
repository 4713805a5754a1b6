package io.aftercare.peersupport.requests;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** Deadlines counted in working time: "1 working hour" in the supporter's own zone, hours and weekend. */
final class WorkingHours {

    private WorkingHours() {
    }

    /**
     * The instant when {@code working} of working time has passed since {@code from}. Working time is
     * from start up to (not including) end, local time, on days that are not weekend days; if start is not before end, or every day is a
     * weekend day, time counts as plain time.
     */
    static Instant after(Instant from, Duration working, ZoneId zone, LocalTime start, LocalTime end,
                         Set<DayOfWeek> weekend) {
        if (!start.isBefore(end) || weekend.size() >= 7) {
            return from.plus(working);
        }
        Duration left = working;
        ZonedDateTime t = from.atZone(zone);
        for (int i = 0; i < 400; i++) {
            if (weekend.contains(t.getDayOfWeek()) || !t.toLocalTime().isBefore(end)) {
                t = t.toLocalDate().plusDays(1).atTime(start).atZone(zone);
                continue;
            }
            if (t.toLocalTime().isBefore(start)) {
                t = t.toLocalDate().atTime(start).atZone(zone);
                continue;
            }
            ZonedDateTime dayEnd = t.toLocalDate().atTime(end).atZone(zone);
            Duration today = Duration.between(t, dayEnd);
            if (left.compareTo(today) <= 0) {
                return t.plus(left).toInstant();
            }
            left = left.minus(today);
            t = dayEnd;
        }
        return from.plus(working);
    }

    static boolean within(Instant at, ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> weekend) {
        ZonedDateTime t = at.atZone(zone);
        return !weekend.contains(t.getDayOfWeek()) && !t.toLocalTime().isBefore(start) && t.toLocalTime().isBefore(end);
    }
}
