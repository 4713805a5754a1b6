package io.aftercare.peersupport.health;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.aftercare.shared.DomainException;

/**
 * The closed time grid of programme health: calendar months in UTC, each released {@link #RELEASE_AFTER} after it
 * ends and frozen from then on. Nothing of the open month, and no window that slides with the clock, is ever shown:
 * a window that moves by the second lets a viewer watch one known case cross its edge and read that person's
 * outcome off the difference.
 */
final class MonthGrid {

    static final Duration RELEASE_AFTER = Duration.ofDays(7);

    private MonthGrid() {
    }

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the month (exclusive end). */
    static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /**
     * When the month is released. Outcomes later than this never count, so that the month's figures stay the same
     * whenever they are worked out again.
     */
    static Instant releasedAt(YearMonth month) {
        return end(month).plus(RELEASE_AFTER);
    }

    static boolean released(YearMonth month, Instant now) {
        return !now.isBefore(releasedAt(month));
    }

    /** The newest released month at this instant. */
    static YearMonth latestReleased(Instant now) {
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(1);
        return released(month, now) ? month : month.minusMonths(1);
    }

    /** The newest {@code count} released months, newest first. */
    static List<YearMonth> recent(Instant now, int count) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth month = latestReleased(now);
        for (int i = 0; i < count; i++) {
            months.add(month.minusMonths(i));
        }
        return months;
    }

    /**
     * The month a viewer asked for (blank: the newest released one). Only whole, released months: no open month and
     * no date range of one's own choosing; anything else is "not found", the same for a month not released yet.
     */
    static YearMonth asked(String month, Instant now) {
        if (month == null || month.isBlank()) {
            return latestReleased(now);
        }
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.getYear() >= 2000 && released(parsed, now)) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // the same answer as for a month not released yet
        }
        throw DomainException.notFound("Released month");
    }
}
