package io.aftercare.recovery.battingaverage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import io.aftercare.directory.OnCallShift;
import io.aftercare.incidents.RespondedIncident;

/**
 * A person's incidents in the context of their own record, with only the facts there is enough data to be kind
 * about (docs/recovery.md); a fact there is too little data for is null. Never compared with anyone else.
 *
 * @param incidentsLastYear          incidents the person was in, in the last 365 days
 * @param incidentsInAll             incidents the person was in, ever (as far as Aftercare knows)
 * @param shiftsLastYear             on-call shifts they completed in the last 365 days; null when none
 * @param daysBetweenLastTwo         days from their previous incident to their latest; null with fewer than two, or
 *                                   when the two were less than {@value #MIN_DAYS_APART} days apart
 * @param changesLastYear            deploys for their teams and services in the last 365 days; null below
 *                                   {@value #MIN_CHANGES} or fewer than {@value #MIN_CHANGES_PER_INCIDENT} per
 *                                   incident
 * @param changesPerIncident         {@code changesLastYear} per incident in the last 365 days, rounded down; null when
 *                                   {@code changesLastYear} is, or when there was no incident in that time
 */
public record BattingAverage(int incidentsLastYear, int incidentsInAll, Integer shiftsLastYear,
                             Integer daysBetweenLastTwo, Long changesLastYear, Long changesPerIncident) {

    /** Fewer changes than this in a year say too little to put an incident in context. */
    public static final long MIN_CHANGES = 50;

    /** "1 incident in 4 changes" is not a kind sentence: the changes are only shown from this many per incident. */
    public static final long MIN_CHANGES_PER_INCIDENT = 10;

    /** Two incidents close together are not put side by side: the gap is only shown from this many days. */
    public static final int MIN_DAYS_APART = 30;

    static final Duration YEAR = Duration.ofDays(365);

    /** Whether there is anything to show at all: at least one incident, or at least one shift. */
    public boolean enoughData() {
        return incidentsInAll > 0 || shiftsLastYear != null;
    }

    /**
     * @param incidents the person's incidents, any order
     * @param shifts    the person's shifts overlapping the last year (a shift not yet over is not counted)
     * @param changes   deploys for the person's teams and services in the last year
     */
    public static BattingAverage of(List<RespondedIncident> incidents, List<OnCallShift> shifts, long changes,
                                    Instant now) {
        Instant yearAgo = now.minus(YEAR);
        List<Instant> starts = incidents.stream().map(RespondedIncident::startedAt).filter(t -> !t.isAfter(now))
            .sorted(Comparator.naturalOrder()).toList();
        int lastYear = (int) starts.stream().filter(t -> !t.isBefore(yearAgo)).count();
        int done = (int) shifts.stream().filter(s -> !s.endsAt().isAfter(now) && !s.endsAt().isBefore(yearAgo))
            .count();
        Integer apart = null;
        if (starts.size() >= 2) {
            long days = ChronoUnit.DAYS.between(starts.get(starts.size() - 2), starts.get(starts.size() - 1));
            apart = days >= MIN_DAYS_APART ? (int) days : null;
        }
        Long shownChanges = null;
        Long perIncident = null;
        if (changes >= MIN_CHANGES && (lastYear == 0 || changes / lastYear >= MIN_CHANGES_PER_INCIDENT)) {
            shownChanges = changes;
            perIncident = lastYear == 0 ? null : changes / lastYear;
        }
        return new BattingAverage(lastYear, starts.size(), done == 0 ? null : done, apart, shownChanges, perIncident);
    }
}
