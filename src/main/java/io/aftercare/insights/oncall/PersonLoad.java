package io.aftercare.insights.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import io.aftercare.directory.OnCallShift;

/**
 * One person's on-call load in one calendar month of their own time zone: operational data (who was paged when),
 * never a care answer. Worked out when asked, never stored.
 *
 * @param business        interruptions in business hours (08–18 Monday to Friday)
 * @param off             interruptions in off hours (18–22 on weekdays, 08–22 at the weekend)
 * @param sleep           interruptions in sleep hours (22–08 every day)
 * @param onCallMinutes   minutes of the month they were on call, in any rotation (overlaps counted once)
 * @param monthMinutes    minutes in the month (a daylight-saving month is an hour shorter or longer)
 * @param incidentsOnCall interruptions that started while they were on call
 * @param longestRun      the most days in a row with at least one interruption (0 without any)
 * @param shortestRest    the fewest days without interruptions between two days with one; null with fewer than
 *                        two separate runs
 */
record PersonLoad(YearMonth month, ZoneId zone, int business, int off, int sleep, long onCallMinutes,
                  long monthMinutes, int incidentsOnCall, int longestRun, Integer shortestRest) {

    /** PagerDuty's lines: about 2 interruptions a person a month is healthy, 7 is high, 19 signals burnout. */
    static final int HEALTHY = 2;
    static final int HIGH = 7;
    static final int BURNOUT = 19;
    /** The SRE book: at most 25% of an engineer's time on call. */
    static final double SHARE_LINE = 25.0;
    /** The SRE book: more than 2 incidents per 12-hour shift is too many to follow up well. */
    static final double PER_SHIFT_LINE = 2.0;
    private static final long SHIFT_MINUTES = 12 * 60;

    /** How the month's interruptions compare with PagerDuty's lines. */
    enum Level {
        HEALTHY, ABOVE_HEALTHY, HIGH, BURNOUT
    }

    public int interruptions() {
        return business + off + sleep;
    }

    public Level level() {
        int n = interruptions();
        if (n >= BURNOUT) {
            return Level.BURNOUT;
        }
        if (n >= HIGH) {
            return Level.HIGH;
        }
        return n > HEALTHY ? Level.ABOVE_HEALTHY : Level.HEALTHY;
    }

    /** The share of the month on call, in percent to one decimal. */
    public double sharePercent() {
        return monthMinutes == 0 ? 0 : Math.round(onCallMinutes * 1000.0 / monthMinutes) / 10.0;
    }

    public boolean shareTooHigh() {
        return sharePercent() > SHARE_LINE;
    }

    /** Incidents per 12 hours on call, to one decimal; null when they were not on call this month. */
    public Double perShift() {
        if (onCallMinutes == 0) {
            return null;
        }
        return Math.round(incidentsOnCall * 10.0 * SHIFT_MINUTES / onCallMinutes) / 10.0;
    }

    public boolean tooManyPerShift() {
        Double perShift = perShift();
        return perShift != null && perShift > PER_SHIFT_LINE;
    }

    /**
     * Works out the month from the person's shifts (any that overlap it) and the start of every incident they
     * responded to (any time; those outside the month are left out).
     */
    static PersonLoad of(YearMonth month, ZoneId zone, List<OnCallShift> shifts, List<Instant> incidents) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<Instant[]> onCall = merged(shifts, from, to);
        long onCallMinutes = onCall.stream().mapToLong(s -> Duration.between(s[0], s[1]).toMinutes()).sum();
        int business = 0;
        int off = 0;
        int sleep = 0;
        int duringShift = 0;
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Instant at : incidents) {
            if (at.isBefore(from) || !at.isBefore(to)) {
                continue;
            }
            switch (HoursKind.at(at, zone)) {
                case BUSINESS -> business++;
                case OFF -> off++;
                case SLEEP -> sleep++;
            }
            if (onCall.stream().anyMatch(s -> !at.isBefore(s[0]) && at.isBefore(s[1]))) {
                duringShift++;
            }
            days.add(LocalDate.ofInstant(at, zone));
        }
        int longest = 0;
        int run = 0;
        Integer rest = null;
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null && previous.plusDays(1).equals(day)) {
                run++;
            } else {
                if (previous != null) {
                    int gap = (int) (day.toEpochDay() - previous.toEpochDay() - 1);
                    rest = rest == null ? gap : Math.min(rest, gap);
                }
                run = 1;
            }
            longest = Math.max(longest, run);
            previous = day;
        }
        return new PersonLoad(month, zone, business, off, sleep, onCallMinutes,
            Duration.between(from, to).toMinutes(), duringShift, longest, rest);
    }

    /** The shifts cut to the month and joined where they touch or overlap, so no minute counts twice. */
    private static List<Instant[]> merged(List<OnCallShift> shifts, Instant from, Instant to) {
        List<Instant[]> cut = new ArrayList<>();
        for (OnCallShift s : shifts) {
            Instant a = s.startsAt().isBefore(from) ? from : s.startsAt();
            Instant b = s.endsAt().isAfter(to) ? to : s.endsAt();
            if (b.isAfter(a)) {
                cut.add(new Instant[] {a, b});
            }
        }
        cut.sort(Comparator.comparing(s -> s[0]));
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] s : cut) {
            Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !s[0].isAfter(last[1])) {
                if (s[1].isAfter(last[1])) {
                    last[1] = s[1];
                }
            } else {
                merged.add(new Instant[] {s[0], s[1]});
            }
        }
        return merged;
    }
}
