package io.aftercare.directory.rotation;

import static io.aftercare.directory.rotation.OnCallCalculatorTest.ANA;
import static io.aftercare.directory.rotation.OnCallCalculatorTest.BERLIN;
import static io.aftercare.directory.rotation.OnCallCalculatorTest.BO;
import static io.aftercare.directory.rotation.OnCallCalculatorTest.CY;
import static io.aftercare.directory.rotation.OnCallCalculatorTest.berlin;
import static io.aftercare.directory.rotation.OnCallCalculatorTest.rotation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aftercare.directory.OnCallShift;
import io.aftercare.support.Seeded;

/** A person's shifts in a period, against rotations worked out by hand and against asking hour by hour. */
class OnCallShiftsTest {

    static List<String> spans(List<OnCallShift> shifts) {
        return shifts.stream().map(s -> s.startsAt() + "/" + s.endsAt() + (s.overridden() ? " override" : ""))
            .toList();
    }

    static String span(String from, String to) {
        return berlin(from) + "/" + berlin(to);
    }

    @Test
    void weeklyTurnsOfThreeGiveEveryThirdWeek() {
        Rotation r = rotation(168, "2026-01-05", BERLIN, List.of(ANA, BO, CY));
        // Ana: 5-12 Jan, 26 Jan-2 Feb, 16-23 Feb
        assertThat(spans(OnCallCalculator.shifts(r, ANA, berlin("2026-01-01T00:00"), berlin("2026-02-20T00:00"))))
            .containsExactly(span("2026-01-05T09:00", "2026-01-12T09:00"),
                span("2026-01-26T09:00", "2026-02-02T09:00"), span("2026-02-16T09:00", "2026-02-23T09:00"));
        // Bo: 12-19 Jan, 2-9 Feb
        assertThat(spans(OnCallCalculator.shifts(r, BO, berlin("2026-01-01T00:00"), berlin("2026-02-20T00:00"))))
            .containsExactly(span("2026-01-12T09:00", "2026-01-19T09:00"),
                span("2026-02-02T09:00", "2026-02-09T09:00"));
    }

    @Test
    void aShiftRunningIntoOrOutOfThePeriodKeepsItsRealStartAndEnd() {
        Rotation r = rotation(168, "2026-01-05", BERLIN, List.of(ANA, BO));
        assertThat(spans(OnCallCalculator.shifts(r, ANA, berlin("2026-01-08T12:00"), berlin("2026-01-20T00:00"))))
            .containsExactly(span("2026-01-05T09:00", "2026-01-12T09:00"),
                span("2026-01-19T09:00", "2026-01-26T09:00"));
        // the period ends exactly at a hand-off: the shift starting then is not in it
        assertThat(spans(OnCallCalculator.shifts(r, ANA, berlin("2026-01-12T09:00"), berlin("2026-01-19T09:00"))))
            .isEmpty();
    }

    @Test
    void anOverrideInTheMiddleSplitsTheShiftAndGivesTheCoverTheirOwn() {
        Rotation r = rotation(168, "2026-01-05", BERLIN, List.of(ANA, BO),
            new Rotation.Override(UUID.randomUUID(), CY, berlin("2026-01-07T18:00"), berlin("2026-01-08T08:00")));
        assertThat(spans(OnCallCalculator.shifts(r, ANA, berlin("2026-01-05T00:00"), berlin("2026-01-12T00:00"))))
            .containsExactly(span("2026-01-05T09:00", "2026-01-07T18:00"),
                span("2026-01-08T08:00", "2026-01-12T09:00"));
        // Cy is no member, yet the override is a shift of theirs
        assertThat(spans(OnCallCalculator.shifts(r, CY, berlin("2026-01-01T00:00"), berlin("2026-02-01T00:00"))))
            .containsExactly(span("2026-01-07T18:00", "2026-01-08T08:00") + " override");
    }

    @Test
    void dailyShiftsAcrossSpringForwardLastTwentyThreeHours() {
        // Berlin jumps from 02:00 to 03:00 on 29 March 2026
        Rotation r = rotation(24, "2026-03-27", BERLIN, List.of(ANA, BO));
        List<OnCallShift> bo = OnCallCalculator.shifts(r, BO, berlin("2026-03-28T00:00"), berlin("2026-03-29T12:00"));
        assertThat(spans(bo)).containsExactly(span("2026-03-28T09:00", "2026-03-29T09:00"));
        assertThat(Duration.between(bo.get(0).startsAt(), bo.get(0).endsAt())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void nothingBeforeTheFirstHandoffNorForAStranger() {
        Rotation r = rotation(24, "2026-01-05", BERLIN, List.of(ANA, BO));
        assertThat(OnCallCalculator.shifts(r, ANA, berlin("2025-12-01T00:00"), berlin("2026-01-05T09:00"))).isEmpty();
        assertThat(OnCallCalculator.shifts(r, CY, berlin("2026-01-01T00:00"), berlin("2026-03-01T00:00"))).isEmpty();
    }

    /**
     * Generated rotations (length, zone, members, overrides on whole hours): an instant lies in one of the
     * person's stretches exactly when the calculator says they are on call then, checked in the middle of every hour.
     */
    @Test
    void theStretchesAreExactlyTheHoursThePersonIsOnCall() {
        List<ZoneId> zones = List.of(BERLIN, ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("UTC"), ZoneId.of("Australia/Sydney"));
        List<UUID> people = List.of(ANA, BO, CY);
        int[] lengths = {8, 12, 24, 48, 168};
        Seeded.tries(60, random -> {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            List<UUID> members = new ArrayList<>(people.subList(0, 1 + random.nextInt(3)));
            java.util.Collections.shuffle(members, new java.util.Random(random.nextLong()));
            LocalDate startsOn = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
            Instant base = startsOn.atStartOfDay(zone).toInstant();
            List<Rotation.Override> overrides = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                Instant start = base.plus(Duration.ofHours(random.nextInt(24 * 40) - 24 * 3));
                overrides.add(new Rotation.Override(UUID.randomUUID(), people.get(random.nextInt(3)), start,
                    start.plus(Duration.ofHours(1 + random.nextInt(72)))));
            }
            Rotation r = new Rotation(UUID.randomUUID(), UUID.randomUUID(), "generated", members,
                lengths[random.nextInt(lengths.length)], LocalTime.of(random.nextInt(24), 0), zone, startsOn,
                overrides);
            UUID person = people.get(random.nextInt(3));
            Instant from = base.plus(Duration.ofHours(random.nextInt(24 * 20) - 24 * 5));
            Instant to = from.plus(Duration.ofHours(1 + random.nextInt(24 * 30)));
            List<OnCallShift> shifts = OnCallCalculator.shifts(r, person, from, to);
            for (Instant t = from.plus(Duration.ofMinutes(30)); t.isBefore(to); t = t.plus(Duration.ofHours(1))) {
                Instant at = t;
                boolean onCall = person.equals(OnCallCalculator.onCallAt(r, at).orElse(null));
                boolean inStretch = shifts.stream().anyMatch(s -> !at.isBefore(s.startsAt()) && at.isBefore(s.endsAt()));
                assertThat(inStretch).as("%s at %s in %s", person, at, r).isEqualTo(onCall);
            }
            for (int i = 1; i < shifts.size(); i++) {
                assertThat(shifts.get(i).startsAt()).isAfterOrEqualTo(shifts.get(i - 1).endsAt());
            }
            shifts.forEach(s -> assertThat(s.startsAt()).isBefore(to));
            shifts.forEach(s -> assertThat(s.endsAt()).isAfter(from));
        });
    }
    /**
     * Generated rotations over a year: the stretches are exactly those found by asking who is on call between every
     * two hand-offs and override edges (how they were worked out before only the person's own shifts were looked at).
     */
    @Test
    void theSameStretchesAsAskingAtEveryHandoff() {
        List<ZoneId> zones = List.of(BERLIN, ZoneId.of("America/New_York"), ZoneId.of("Australia/Sydney"),
            ZoneId.of("UTC"));
        List<UUID> people = List.of(ANA, BO, CY);
        int[] lengths = {8, 12, 24, 48, 168};
        Seeded.tries(200, random -> {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            List<UUID> members = new ArrayList<>();
            for (int i = random.nextInt(6); i >= 0; i--) {
                members.add(people.get(random.nextInt(3)));
            }
            LocalDate startsOn = LocalDate.of(2025, 6, 1).plusDays(random.nextInt(400));
            Instant base = startsOn.atStartOfDay(zone).toInstant();
            List<Rotation.Override> overrides = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                Instant start = base.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 300) - 60 * 24 * 30));
                overrides.add(new Rotation.Override(UUID.randomUUID(), people.get(random.nextInt(3)), start,
                    start.plus(Duration.ofMinutes(30 + random.nextInt(60 * 24 * 20)))));
            }
            int length = lengths[random.nextInt(lengths.length)];
            Rotation r = new Rotation(UUID.randomUUID(), UUID.randomUUID(), "generated", members,
                length, LocalTime.of(random.nextInt(24), random.nextBoolean() ? 0 : 30), zone,
                startsOn, overrides);
            UUID person = people.get(random.nextInt(3));
            Instant from = base.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 200) - 60 * 24 * 60));
            Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 365)));
            assertThat(OnCallCalculator.shifts(r, person, from, to)).as("%s from %s to %s in %s", person, from, to, r)
                .isEqualTo(askingAtEveryHandoff(r, person, from, to));
        });
    }

    /** The stretches found by asking who is on call after every hand-off and override edge, one by one. */
    static List<OnCallShift> askingAtEveryHandoff(Rotation rotation, UUID personId, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        Instant last = to.minusNanos(1);
        Instant lo = from;
        Instant hi = to;
        var first = OnCallCalculator.scheduledShift(rotation, from);
        if (first.isPresent() && first.get().startsAt().isBefore(lo)) {
            lo = first.get().startsAt();
        }
        var end = OnCallCalculator.scheduledShift(rotation, last);
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
        java.util.TreeSet<Instant> edges = new java.util.TreeSet<>(List.of(lo, hi));
        if (!rotation.members().isEmpty()) {
            for (long index = OnCallCalculator.shiftIndex(rotation, lo) + 1; ; index++) {
                Instant handoff = OnCallCalculator.handoff(rotation, index);
                if (!handoff.isBefore(hi)) {
                    break;
                }
                edges.add(handoff);
            }
        }
        for (Rotation.Override o : rotation.overrides()) {
            for (Instant edge : List.of(o.startsAt(), o.endsAt())) {
                if (edge.isAfter(lo) && edge.isBefore(hi)) {
                    edges.add(edge);
                }
            }
        }
        List<OnCallShift> stretches = new ArrayList<>();
        String previousLabel = null;
        Instant a = null;
        for (Instant b : edges) {
            Instant at = a;
            if (at != null && personId.equals(OnCallCalculator.onCallAt(rotation, at).orElse(null))) {
                var override = rotation.overrides().stream().filter(o -> o.covers(at))
                    .max(java.util.Comparator.comparing(Rotation.Override::startsAt));
                String label = override.map(o -> "o" + o.id())
                    .orElseGet(() -> "s" + OnCallCalculator.shiftIndex(rotation, at));
                OnCallShift previous = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
                if (previous != null && previous.endsAt().equals(at) && label.equals(previousLabel)) {
                    stretches.set(stretches.size() - 1, new OnCallShift(previous.teamId(), previous.rotationId(),
                        previous.rotationName(), previous.startsAt(), b, previous.overridden()));
                } else {
                    stretches.add(new OnCallShift(rotation.teamId(), rotation.id(), rotation.name(), at, b,
                        override.isPresent()));
                }
                previousLabel = label;
            }
            a = b;
        }
        return stretches.stream().filter(s -> s.startsAt().isBefore(to) && s.endsAt().isAfter(from)).toList();
    }
}
