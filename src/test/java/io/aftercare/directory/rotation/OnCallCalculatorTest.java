package io.aftercare.directory.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.quicktheories.core.Gen;

import io.aftercare.support.Seeded;

class OnCallCalculatorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BO = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID CY = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID DEV = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    static Rotation rotation(int hours, String startsOn, ZoneId zone, List<UUID> members,
                             Rotation.Override... overrides) {
        return new Rotation(UUID.randomUUID(), UUID.randomUUID(), "primary", members, hours, LocalTime.of(9, 0),
            zone, LocalDate.parse(startsOn), List.of(overrides));
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static UUID who(Rotation r, Instant at) {
        return OnCallCalculator.onCallAt(r, at).orElse(null);
    }

    @Test
    void weeklyShiftsGoRoundRobinInTheGivenOrder() {
        Rotation r = rotation(168, "2026-01-05", BERLIN, List.of(ANA, BO, CY));
        assertThat(who(r, berlin("2026-01-05T09:00"))).isEqualTo(ANA);
        assertThat(who(r, berlin("2026-01-12T08:59"))).isEqualTo(ANA);
        assertThat(who(r, berlin("2026-01-12T09:00"))).isEqualTo(BO);
        assertThat(who(r, berlin("2026-01-19T09:00"))).isEqualTo(CY);
        assertThat(who(r, berlin("2026-01-26T09:00"))).isEqualTo(ANA);
    }

    @Test
    void nobodyIsOnCallBeforeTheFirstHandoff() {
        Rotation r = rotation(24, "2026-01-05", BERLIN, List.of(ANA, BO),
            new Rotation.Override(UUID.randomUUID(), CY, berlin("2026-01-01T00:00"), berlin("2026-01-10T00:00")));
        assertThat(OnCallCalculator.onCallAt(r, berlin("2026-01-05T08:59"))).isEmpty();
        assertThat(OnCallCalculator.onCallAt(r, berlin("2025-12-24T12:00"))).isEmpty();
        assertThat(OnCallCalculator.nextHandoff(r, berlin("2026-01-04T12:00"))).isEqualTo(berlin("2026-01-05T09:00"));
        assertThat(OnCallCalculator.nextPerson(r, berlin("2026-01-04T12:00"))).contains(ANA);
    }

    @Test
    void aRotationWithoutMembersHasNobody() {
        Rotation r = rotation(24, "2026-01-05", BERLIN, List.of());
        assertThat(OnCallCalculator.onCallAt(r, berlin("2026-02-01T12:00"))).isEmpty();
    }

    @Test
    void dailyHandoffStaysAtNineLocalAcrossSpringForward() {
        // Berlin moves from 02:00 to 03:00 on Sunday 29 March 2026: that shift lasts 23 hours
        Rotation r = rotation(24, "2026-03-27", BERLIN, List.of(ANA, BO));
        assertThat(who(r, berlin("2026-03-28T09:00"))).isEqualTo(BO);
        assertThat(who(r, berlin("2026-03-29T08:59"))).isEqualTo(BO);
        assertThat(who(r, berlin("2026-03-29T09:00"))).isEqualTo(ANA);
        assertThat(who(r, berlin("2026-03-30T09:00"))).isEqualTo(BO);
        var shift = OnCallCalculator.scheduledShift(r, berlin("2026-03-28T12:00")).orElseThrow();
        assertThat(Duration.between(shift.startsAt(), shift.endsAt())).isEqualTo(Duration.ofHours(23));
        assertThat(shift.endsAt()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void dailyHandoffStaysAtNineLocalAcrossFallBack() {
        // Berlin moves from 03:00 back to 02:00 on Sunday 25 October 2026: that shift lasts 25 hours
        Rotation r = rotation(24, "2026-10-20", BERLIN, List.of(ANA, BO, CY));
        Instant before = Instant.parse("2026-10-25T07:59:00Z"); // 08:59 CET
        Instant handoff = Instant.parse("2026-10-25T08:00:00Z"); // 09:00 CET
        UUID saturday = who(r, berlin("2026-10-24T09:00"));
        assertThat(who(r, before)).isEqualTo(saturday);
        assertThat(who(r, handoff)).isNotEqualTo(saturday);
        var shift = OnCallCalculator.scheduledShift(r, berlin("2026-10-24T12:00")).orElseThrow();
        assertThat(Duration.between(shift.startsAt(), shift.endsAt())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void fixedLengthShiftsIgnoreDaylightSaving() {
        // 12-hour shifts from 09:00 CET: after the spring change the hand-offs are at 10:00 and 22:00 local
        Rotation r = rotation(12, "2026-03-28", BERLIN, List.of(ANA, BO));
        assertThat(who(r, berlin("2026-03-28T09:00"))).isEqualTo(ANA);
        assertThat(who(r, berlin("2026-03-28T21:00"))).isEqualTo(BO);
        assertThat(who(r, berlin("2026-03-29T09:59"))).isEqualTo(BO);
        assertThat(who(r, berlin("2026-03-29T10:00"))).isEqualTo(ANA);
        assertThat(OnCallCalculator.nextHandoff(r, berlin("2026-03-29T09:00")))
            .isEqualTo(berlin("2026-03-29T10:00"));
    }

    @Test
    void anOverrideReplacesTheScheduledPersonOnlyWhileItLasts() {
        Instant from = berlin("2026-01-13T18:00");
        Instant to = berlin("2026-01-14T06:00");
        Rotation r = rotation(168, "2026-01-05", BERLIN, List.of(ANA, BO),
            new Rotation.Override(UUID.randomUUID(), DEV, from, to));
        assertThat(who(r, from.minusSeconds(1))).isEqualTo(BO);
        assertThat(who(r, from)).isEqualTo(DEV);
        assertThat(who(r, to.minusSeconds(1))).isEqualTo(DEV);
        assertThat(who(r, to)).isEqualTo(BO);
    }

    @Test
    void theLatestStartingOverrideWinsWhenOverridesOverlap() {
        Rotation r = rotation(24, "2026-01-05", BERLIN, List.of(ANA),
            new Rotation.Override(UUID.randomUUID(), BO, berlin("2026-01-10T00:00"), berlin("2026-01-20T00:00")),
            new Rotation.Override(UUID.randomUUID(), CY, berlin("2026-01-12T00:00"), berlin("2026-01-13T00:00")));
        assertThat(who(r, berlin("2026-01-11T12:00"))).isEqualTo(BO);
        assertThat(who(r, berlin("2026-01-12T12:00"))).isEqualTo(CY);
        assertThat(who(r, berlin("2026-01-13T12:00"))).isEqualTo(BO);
    }

    @Test
    void aHandoffTimeSkippedBySpringForwardHappensJustAfterTheGap() {
        Rotation r = new Rotation(UUID.randomUUID(), UUID.randomUUID(), "night", List.of(ANA, BO), 24,
            LocalTime.of(2, 30), BERLIN, LocalDate.parse("2026-03-28"), List.of());
        // 02:30 does not exist on 29 March; the hand-off is at 03:30 CEST (01:30 UTC)
        assertThat(who(r, Instant.parse("2026-03-29T01:29:00Z"))).isEqualTo(ANA);
        assertThat(who(r, Instant.parse("2026-03-29T01:30:00Z"))).isEqualTo(BO);
    }

    /** Every whole-day shift starts at the local hand-off time, whatever the zone and the date. */
    @Test
    void wholeDayShiftsAlwaysStartAtTheLocalHandoffTime() {
        Seeded.qt(300).forAll(integers().between(1, 14), integers().between(1, 5),
                longs().between(0, 3 * 365 * 24 * 60), zones())
            .checkAssert((days, people, minutes, zone) -> {
                List<UUID> members = new ArrayList<>();
                for (int i = 0; i < people; i++) {
                    members.add(new UUID(0, i + 1));
                }
                Rotation r = new Rotation(new UUID(1, 1), new UUID(1, 2), "r", members, days * 24,
                    LocalTime.of(9, 0), ZoneId.of(zone), LocalDate.parse("2025-01-06"), List.of());
                Instant at = r.start().plus(Duration.ofMinutes(minutes));
                var shift = OnCallCalculator.scheduledShift(r, at).orElseThrow();
                ZonedDateTime start = shift.startsAt().atZone(r.zone());
                assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
                assertThat(shift.startsAt()).isBeforeOrEqualTo(at);
                assertThat(shift.endsAt()).isAfter(at);
                assertThat(shift.endsAt().atZone(r.zone()).toLocalDate()).isEqualTo(start.toLocalDate().plusDays(days));
                long index = java.time.temporal.ChronoUnit.DAYS.between(r.startsOn(), start.toLocalDate()) / days;
                assertThat(shift.personId()).isEqualTo(members.get((int) (index % people)));
            });
    }

    /** Consecutive shifts take turns: whoever is on call just before a hand-off is followed by the next member. */
    @Test
    void eachHandoffPassesToTheNextMember() {
        Seeded.qt(300).forAll(integers().between(1, 400), longs().between(0, 2000), zones())
            .checkAssert((hours, shifts, zone) -> {
                List<UUID> members = List.of(ANA, BO, CY);
                Rotation r = new Rotation(new UUID(1, 1), new UUID(1, 2), "r", members, hours, LocalTime.of(9, 0),
                    ZoneId.of(zone), LocalDate.parse("2025-06-01"), List.of());
                Instant handoff = OnCallCalculator.handoff(r, shifts + 1);
                UUID before = who(r, handoff.minusSeconds(1));
                UUID after = who(r, handoff);
                assertThat(members.indexOf(after)).isEqualTo((members.indexOf(before) + 1) % 3);
                assertThat(OnCallCalculator.nextHandoff(r, handoff.minusSeconds(1))).isEqualTo(handoff);
            });
    }

    static Gen<String> zones() {
        return arbitrary().pick(List.of("Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC",
            "Asia/Kolkata", "America/Santiago", "Pacific/Chatham"));
    }
}
