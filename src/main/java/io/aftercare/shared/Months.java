package io.aftercare.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The closed time grid (rule 4): calendar months in UTC, each released {@link #RELEASE_AFTER} after it ends and
 * frozen from then on. Nothing of an open month, and no window that slides with the clock, is ever shown: a window
 * that moves by the second lets a viewer watch one known person cross its edge and read their answer off the
 * difference. Whatever is counted toward a month must be known by {@link #releasedAt}; later answers belong to the
 * next open month.
 */
public final class Months {

    public static final Duration RELEASE_AFTER = Duration.ofDays(7);

    private Months() {
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the month (exclusive end). */
    public static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /** When the month is released. Nothing later than this counts toward it, so its figures never change. */
    public static Instant releasedAt(YearMonth month) {
        return end(month).plus(RELEASE_AFTER);
    }

    public static boolean released(YearMonth month, Instant now) {
        return !now.isBefore(releasedAt(month));
    }

    /** The newest released month at this instant. */
    public static YearMonth latestReleased(Instant now) {
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(1);
        return released(month, now) ? month : month.minusMonths(1);
    }

    /** The newest {@code count} released months, newest first. */
    public static List<YearMonth> recent(Instant now, int count) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth month = latestReleased(now);
        for (int i = 0; i < count; i++) {
            months.add(month.minusMonths(i));
        }
        return months;
    }

    /**
     * The month a viewer asked for (blank: the newest released one). Only whole, released months: no open month and
     * no date range of one's own choosing; anything else is "not found", the same for a month not released yet as
     * for something that is not a month.
     */
    public static YearMonth asked(String month, Instant now) {
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
        throw notReleased();
    }

    /** What asking for a month that is not released gives: "not found", as for one that does not exist. */
    public static DomainException notReleased() {
        return DomainException.notFound("Released month");
    }
}
