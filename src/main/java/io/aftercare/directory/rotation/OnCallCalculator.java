package io.aftercare.directory.rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.OnCallShift;
import io.aftercare.shared.ReadOnce;

/**
 * Who is on call for a team at an instant.
 *
 * <p>Shifts of whole days hand off at the rotation's local hand-off time every N days, so a daily 09:00 hand-off
 * stays at 09:00 across daylight-saving changes (that shift is 23 or 25 hours long). Other shift lengths are fixed
 * durations counted from the first hand-off. An override covering the instant replaces the scheduled person (the
 * latest-starting override wins when several overlap). Before the first hand-off nobody is on call for the rotation,
 * not even by override.
 */
@Component
public class OnCallCalculator {

    private final RotationRepository rotations;

    OnCallCalculator(RotationRepository rotations) {
        this.rotations = rotations;
    }

    /** One person per rotation that has someone on call, in rotation order. */
    public List<UUID> onCall(UUID teamId, Instant at) {
        List<UUID> people = new ArrayList<>();
        for (Rotation rotation : rotations.ofTeam(teamId)) {
            onCallAt(rotation, at).ifPresent(people::add);
        }
        return people;
    }

    /** The team's rotations, as kept. */
    public List<Rotation> rotationsOf(UUID teamId) {
        return rotations.ofTeam(teamId);
    }

    /**
     * The person's shifts overlapping the period, from every rotation they are in, by start. Their rotations are read
     * once a page (several tools on My aftercare ask for shifts in different periods).
     */
    public List<OnCallShift> shifts(UUID personId, Instant from, Instant to) {
        List<OnCallShift> all = new ArrayList<>();
        for (Rotation rotation : ReadOnce.read("directory.rotationsInvolving", personId,
            () -> List.copyOf(rotations.involving(personId)))) {
            all.addAll(shifts(rotation, personId, from, to));
        }
        all.sort(Comparator.comparing(OnCallShift::startsAt).thenComparing(OnCallShift::endsAt));
        return all;
    }

    /** At most this many hand-offs are looked at in one period (an hourly rotation for more than ten years). */
    static final int MAX_HANDOFFS = 100_000;

    /**
     * The person's stretches on call in the rotation that overlap {@code from} (inclusive) to {@code to} (exclusive),
     * by start, with their real starts and ends: whoever is on call is constant between two hand-offs or override
     * edges, and neighbouring pieces of the same regular shift or the same override are one stretch.
     */
    public static List<OnCallShift> shifts(Rotation rotation, UUID personId, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        Instant last = to.minusNanos(1);
        Instant lo = from;
        Instant hi = to;
        Optional<Shift> first = scheduledShift(rotation, from);
        if (first.isPresent() && first.get().startsAt().isBefore(lo)) {
            lo = first.get().startsAt();
        }
        Optional<Shift> end = scheduledShift(rotation, last);
        if (end.isPresent() && end.get().endsAt().isAfter(hi)) {
            hi = end.get().endsAt();
        }
        for (Rotation.Override o : rotation.overrides()) {
            if (o.covers(from) && o.startsAt().isBefore(lo)) {
                lo = o.startsAt();
            }
            if (o.covers(last) && o.endsAt().isAfter(hi)) {
                hi = o.endsAt();
            }
        }
        if (lo.isBefore(rotation.start())) {
            lo = rotation.start();
        }
        if (!hi.isAfter(lo)) {
            return List.of();
        }
        // Whoever is on call changes only at a hand-off or an override's edge. The person's stretches begin and end
        // only at the edges of their own regular shifts and at overrides' edges, so those are the only hand-offs
        // looked at: the rotation's other members' shifts are skipped whole (a year of daily turns among six is
        // about 60 shifts of the person's, not 365 hand-offs, each asked who is on call).
        TreeSet<Instant> edges = new TreeSet<>();
        edges.add(lo);
        edges.add(hi);
        List<UUID> members = rotation.members();
        if (!members.isEmpty()) {
            long firstIndex = shiftIndex(rotation, lo);
            long lastIndex = Math.min(shiftIndex(rotation, hi.minusNanos(1)), firstIndex + MAX_HANDOFFS);
            int size = members.size();
            for (int position = 0; position < size; position++) {
                if (!personId.equals(members.get(position))) {
                    continue;
                }
                for (long index = firstIndex + Math.floorMod(position - firstIndex, (long) size);
                     index <= lastIndex; index += size) {
                    addInside(edges, handoff(rotation, index), lo, hi);
                    addInside(edges, handoff(rotation, index + 1), lo, hi);
                }
            }
        }
        for (Rotation.Override o : rotation.overrides()) {
            addInside(edges, o.startsAt(), lo, hi);
            addInside(edges, o.endsAt(), lo, hi);
        }
        List<OnCallShift> stretches = new ArrayList<>();
        String previousLabel = null;
        Instant previousEdge = null;
        for (Instant b : edges) {
            Instant a = previousEdge;
            if (a != null && personId.equals(onCallAt(rotation, a).orElse(null))) {
                Optional<Rotation.Override> override = rotation.overrides().stream().filter(o -> o.covers(a))
                    .max(Comparator.comparing(Rotation.Override::startsAt));
                String label = override.map(o -> "o" + o.id()).orElseGet(() -> "s" + shiftIndex(rotation, a));
                OnCallShift previous = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
                if (previous != null && previous.endsAt().equals(a) && Objects.equals(label, previousLabel)) {
                    stretches.set(stretches.size() - 1, new OnCallShift(previous.teamId(), previous.rotationId(),
                        previous.rotationName(), previous.startsAt(), b, previous.overridden()));
                } else {
                    stretches.add(new OnCallShift(rotation.teamId(), rotation.id(), rotation.name(), a, b,
                        override.isPresent()));
                }
                previousLabel = label;
            }
            previousEdge = b;
        }
        return stretches.stream().filter(s -> s.startsAt().isBefore(to) && s.endsAt().isAfter(from)).toList();
    }

    private static void addInside(TreeSet<Instant> edges, Instant edge, Instant lo, Instant hi) {
        if (edge.isAfter(lo) && edge.isBefore(hi)) {
            edges.add(edge);
        }
    }

    /** A shift: who, from when to when; {@code overridden} when an override put them there. */
    public record Shift(UUID personId, Instant startsAt, Instant endsAt, boolean overridden) {
    }

    /** Who is on call for the rotation at that instant, overrides included. */
    public static Optional<UUID> onCallAt(Rotation rotation, Instant at) {
        if (at.isBefore(rotation.start())) {
            return Optional.empty();
        }
        Optional<Rotation.Override> override = rotation.overrides().stream().filter(o -> o.covers(at))
            .max(Comparator.comparing(Rotation.Override::startsAt));
        if (override.isPresent()) {
            return Optional.of(override.get().personId());
        }
        return scheduledShift(rotation, at).map(Shift::personId);
    }

    /** The regular shift (ignoring overrides) that contains the instant; empty before the start or without members. */
    public static Optional<Shift> scheduledShift(Rotation rotation, Instant at) {
        if (rotation.members().isEmpty() || at.isBefore(rotation.start())) {
            return Optional.empty();
        }
        long index = shiftIndex(rotation, at);
        UUID person = rotation.members().get((int) Math.floorMod(index, (long) rotation.members().size()));
        return Optional.of(new Shift(person, handoff(rotation, index), handoff(rotation, index + 1), false));
    }

    /** The next regular hand-off after the instant (the start itself, before the rotation begins). */
    public static Instant nextHandoff(Rotation rotation, Instant at) {
        if (at.isBefore(rotation.start())) {
            return rotation.start();
        }
        return handoff(rotation, shiftIndex(rotation, at) + 1);
    }

    /** Who takes over at the next regular hand-off after the instant, ignoring overrides. */
    public static Optional<UUID> nextPerson(Rotation rotation, Instant at) {
        if (rotation.members().isEmpty()) {
            return Optional.empty();
        }
        long next = at.isBefore(rotation.start()) ? 0 : shiftIndex(rotation, at) + 1;
        return Optional.of(rotation.members().get((int) Math.floorMod(next, (long) rotation.members().size())));
    }

    /** The instant of the hand-off that starts shift number {@code index} (0 = the first). */
    static Instant handoff(Rotation rotation, long index) {
        if (rotation.wholeDays()) {
            LocalDate date = rotation.startsOn().plusDays(index * (rotation.shiftHours() / 24));
            return date.atTime(rotation.handoffTime()).atZone(rotation.zone()).toInstant();
        }
        return rotation.start().plus(Duration.ofHours(rotation.shiftHours()).multipliedBy(index));
    }

    /** The number of the shift containing the instant, which is not before the start. */
    static long shiftIndex(Rotation rotation, Instant at) {
        long index;
        if (rotation.wholeDays()) {
            LocalDate local = at.atZone(rotation.zone()).toLocalDate();
            long days = ChronoUnit.DAYS.between(rotation.startsOn(), local);
            index = Math.floorDiv(days, rotation.shiftHours() / 24);
        } else {
            long seconds = Duration.between(rotation.start(), at).getSeconds();
            index = Math.floorDiv(seconds, rotation.shiftHours() * 3600L);
        }
        // the estimate is off by at most one near a local hand-off: settle it on real instants
        while (index > 0 && handoff(rotation, index).isAfter(at)) {
            index--;
        }
        while (!handoff(rotation, index + 1).isAfter(at)) {
            index++;
        }
        return Math.max(index, 0);
    }
}
