package io.aftercare.insights.teams;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.aftercare.shared.DomainException;

/**
 * The closed time grid of team insight (rule 4): calendar months in UTC, each released {@link #RELEASE_AFTER} after
 * it ends and frozen from then on (answers given later count nowhere). No open month and no range of one's own
 * choosing can be asked for.
 */
public final class ReleasedMonths {

    static final Duration RELEASE_AFTER = Duration.ofDays(7);

    /** Released months offered in the month picker; older ones stay reachable by their address. */
    static final int LISTED = 12;

    private ReleasedMonths() {
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /** When the month is released; anything answered from then on does not count in it. */
    public static Instant releasedAt(YearMonth month) {
        return end(month).plus(RELEASE_AFTER);
    }

    static boolean released(YearMonth month, Instant now) {
        return !now.isBefore(releasedAt(month));
    }

    public static YearMonth latest(Instant now) {
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(1);
        return released(month, now) ? month : month.minusMonths(1);
    }

    /** The newest released months, newest first. */
    static List<YearMonth> recent(Instant now) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth latest = latest(now);
        for (int i = 0; i < LISTED; i++) {
            months.add(latest.minusMonths(i));
        }
        return months;
    }

    /** The month asked for (blank: the newest released one); anything else, the open month included, is not found. */
    public static YearMonth asked(String month, Instant now) {
        if (month == null || month.isBlank()) {
            return latest(now);
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
