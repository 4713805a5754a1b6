package io.aftercare.recovery.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.aftercare.directory.QuietHours;

/**
 * When a journal reminder goes out: at the time the person picked, in their time zone, on each of the journal's
 * seven days and never after the seventh. A time inside their quiet hours moves to the end of them on the same day
 * (quiet hours 22:00 to 07:00 and a reminder at 23:30 or 06:00: it comes at 07:00); on their weekend days no
 * reminder comes at all. A time the clocks skip (a spring gap) comes when the clocks have jumped.
 */
final class ReminderTime {

    static final int DAYS = 7;

    private ReminderTime() {
    }

    /** The reminder for the journal's day {@code day} (1 to 7). */
    record Reminder(int day, Instant at) {
    }

    /** The first reminder strictly after {@code after}, or none when the seventh day's has passed. */
    static Optional<Reminder> next(LocalDate startedOn, LocalTime time, QuietHours quiet, Instant after) {
        for (int day = 1; day <= DAYS; day++) {
            LocalDate date = startedOn.plusDays(day - 1L);
            if (weekend(quiet, date)) {
                continue;
            }
            Instant at = at(date, time, quiet);
            if (at.isAfter(after)) {
                return Optional.of(new Reminder(day, at));
            }
        }
        return Optional.empty();
    }

    /** The instant of the reminder on {@code date}: the picked time, or the end of the quiet hours it falls in. */
    static Instant at(LocalDate date, LocalTime time, QuietHours quiet) {
        LocalTime local = QuietHours.within(time, quiet.start(), quiet.end()) ? quiet.end() : time;
        // atZone moves a local time inside a gap forward by the gap's length, to when the clocks have jumped
        ZonedDateTime zoned = date.atTime(local).atZone(quiet.zone());
        return zoned.toInstant();
    }

    private static boolean weekend(QuietHours quiet, LocalDate date) {
        // as QuietHours: a week of weekend days is not kept
        return quiet.weekendDays().size() < 7 && quiet.weekendDays().contains(date.getDayOfWeek());
    }
}
