package io.aftercare.insights.teams;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import io.aftercare.shared.Months;

/**
 * The rule set's closed time grid ({@link Months}, rule 4) as team insight uses it: a case counts in the month it
 * opened, with what was answered before the month's release; the month picker lists the newest released months.
 */
public final class ReleasedMonths {

    /** Released months offered in the month picker; older ones stay reachable by their address. */
    static final int LISTED = 12;

    private ReleasedMonths() {
    }

    public static Instant start(YearMonth month) {
        return Months.start(month);
    }

    public static Instant end(YearMonth month) {
        return Months.end(month);
    }

    public static Instant releasedAt(YearMonth month) {
        return Months.releasedAt(month);
    }

    public static YearMonth latest(Instant now) {
        return Months.latestReleased(now);
    }

    /** The newest released months, newest first. */
    public static List<YearMonth> recent(Instant now) {
        return Months.recent(now, LISTED);
    }

    /** The month asked for (blank: the newest released one); anything else, the open month included, is not found. */
    public static YearMonth asked(String month, Instant now) {
        return Months.asked(month, now);
    }
}
