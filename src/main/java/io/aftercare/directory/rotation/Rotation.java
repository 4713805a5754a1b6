package io.aftercare.directory.rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * An on-call rotation of a team: its members take turns in order, each for one shift.
 *
 * @param shiftHours  the length of a shift in hours; a multiple of 24 means whole local days (hand-off at the local
 *                    hand-off time, whatever daylight saving does), anything else a fixed duration
 * @param handoffTime the local time of the first hand-off (and of every hand-off, for whole-day shifts)
 * @param startsOn    the local date of the first hand-off; before it nobody is on call for this rotation
 * @param overrides   someone covering instead of the scheduled person, for a while
 */
public record Rotation(UUID id, UUID teamId, String name, List<UUID> members, int shiftHours, LocalTime handoffTime,
                       ZoneId zone, LocalDate startsOn, List<Override> overrides) {

    public Rotation {
        members = List.copyOf(members);
        overrides = List.copyOf(overrides);
    }

    /** From {@code startsAt} (inclusive) to {@code endsAt} (exclusive), {@code personId} is on call instead. */
    public record Override(UUID id, UUID personId, Instant startsAt, Instant endsAt) {

        boolean covers(Instant at) {
            return !at.isBefore(startsAt) && at.isBefore(endsAt);
        }
    }

    public Duration shiftLength() {
        return Duration.ofHours(shiftHours);
    }

    /** The instant of the first hand-off (a local time skipped by daylight saving moves to just after the gap). */
    public Instant start() {
        return startsOn.atTime(handoffTime).atZone(zone).toInstant();
    }

    boolean wholeDays() {
        return shiftHours % 24 == 0;
    }
}
