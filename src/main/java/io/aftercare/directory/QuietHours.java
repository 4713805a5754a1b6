package io.aftercare.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.Set;

/**
 * When nothing may reach a person: from {@code start} up to (not including) {@code end} every day, local to their
 * time zone, and all day on their weekend days. The window may run over midnight (21:00 to 08:00); equal times mean
 * no quiet hours. If every day of the week is a weekend day, weekend days are not kept (nothing could ever be sent)
 * but the quiet hours still are.
 *
 * <p>The one place for this rule: care's due times, peer-support nudges and the outbox's send times all ask it.
 * Daylight-saving changes go through the zone's rules: quiet hours ending in a spring gap end when the clocks jump,
 * and the clocks going back can leave quiet hours or a weekend day before their local end.
 *
 * @param zone        the person's time zone
 * @param start       start of the quiet hours, local (inclusive); null means none
 * @param end         end of the quiet hours, local (exclusive); null means none
 * @param weekendDays days on which nothing is sent at all
 */
public record QuietHours(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> weekendDays) {

    public QuietHours {
        if (zone == null) {
            throw new IllegalArgumentException("a time zone is needed");
        }
        if (start == null || end == null) {
            start = LocalTime.MIDNIGHT;
            end = LocalTime.MIDNIGHT;
        }
        weekendDays = weekendDays == null || weekendDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekendDays));
    }

    /** No quiet hours and no weekend: every instant is allowed. */
    public static QuietHours none(ZoneId zone) {
        return new QuietHours(zone, null, null, Set.of());
    }

    /**
     * Whether the local time {@code t} lies from {@code start} up to (not including) {@code end}, a window that may
     * run over midnight; equal times are an empty window. Also used for other daily windows (sleep hours).
     */
    public static boolean within(LocalTime t, LocalTime start, LocalTime end) {
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** Whether something at {@code t} would fall into the quiet hours or onto a weekend day. */
    public boolean blocked(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        return weekend(local) || within(local.toLocalTime(), start, end);
    }

    /**
     * The earliest instant at or after {@code intended} that is neither in the quiet hours nor on a weekend day.
     * Only ever later, never earlier; an allowed {@code intended} is returned as it is.
     */
    public Instant next(Instant intended) {
        Instant t = intended;
        // each step moves to a later boundary; a week of days and quiet windows is plenty
        for (int i = 0; i < 64; i++) {
            ZonedDateTime local = t.atZone(zone);
            if (weekend(local)) {
                t = notPastAClockChange(t, local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
            } else if (within(local.toLocalTime(), start, end)) {
                boolean endIsTomorrow = start.isAfter(end) && !local.toLocalTime().isBefore(start);
                LocalDateTime endAt = (endIsTomorrow ? local.toLocalDate().plusDays(1) : local.toLocalDate()).atTime(end);
                t = notPastAClockChange(t, firstInstantAtOrAfter(endAt, t));
            } else {
                return t;
            }
        }
        return t;
    }

    private boolean weekend(ZonedDateTime local) {
        return weekendDays.size() < 7 && weekendDays.contains(local.getDayOfWeek());
    }

    /**
     * {@code next}, or the zone's next clock change if it comes first: the clocks going back can leave quiet hours or
     * a weekend day before their local end (quiet hours from 01:30: a quarter of an hour after 01:45 summer time it
     * is 01:00 winter time, outside them), so the time is looked at again there.
     */
    private Instant notPastAClockChange(Instant t, Instant next) {
        ZoneOffsetTransition change = zone.getRules().nextTransition(t);
        return change != null && change.getInstant().isBefore(next) ? change.getInstant() : next;
    }

    /**
     * The first instant not before {@code notBefore} whose local time is {@code local}, or, when a clock change
     * skips {@code local} (a gap), the instant of that change.
     */
    private Instant firstInstantAtOrAfter(LocalDateTime local, Instant notBefore) {
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
