package io.aftercare.care.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import io.aftercare.support.Seeded;

/**
 * A prompt's due time is never inside the person's quiet hours or on their weekend days, and it is the earliest
 * instant at or after the intended one that is not: across time zones with daylight saving, and on the days the
 * clocks change.
 */
class DueTimesPropertiesTest {

    static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "America/Sao_Paulo",
        "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "UTC", "America/St_Johns", "Europe/London",
        "Asia/Tehran", "Africa/Casablanca");

    record Case(Instant intended, ZoneId zone, LocalTime quietStart, LocalTime quietEnd, Set<DayOfWeek> weekend) {

        Instant due() {
            return DueTimes.next(intended, zone, quietStart, quietEnd, weekend);
        }

        boolean blocked(Instant t) {
            return DueTimes.blocked(t, zone, quietStart, quietEnd, weekend);
        }
    }

    static Gen<ZoneId> zones() {
        return arbitrary().pick(ZONES).map(name -> ZoneId.of(name));
    }

    /** Quarter hours. */
    static Gen<LocalTime> times() {
        return integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, (q % 4) * 15));
    }

    static Gen<Set<DayOfWeek>> weekends() {
        return lists().of(arbitrary().enumValues(DayOfWeek.class)).ofSizeBetween(0, 6)
            .map(days -> days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
    }

    /** Minutes around 2025–2027, often close to a daylight-saving change. */
    static Gen<Instant> instants() {
        Gen<Instant> anyMinute = longs().between(0, 3L * 365 * 24 * 60)
            .map(m -> Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofMinutes(m)));
        Gen<Instant> nearChange = arbitrary().pick(List.of(
                "2026-03-29T00:30:00Z", "2026-10-25T00:30:00Z", "2026-03-08T06:30:00Z", "2026-11-01T05:30:00Z",
                "2026-04-04T14:30:00Z", "2026-10-03T15:00:00Z", "2026-04-05T13:30:00Z"))
            .zip(integers().between(-180, 180), (s, m) -> Instant.parse(s).plus(Duration.ofMinutes(m)));
        return Generate.oneOf(anyMinute, nearChange);
    }

    static Gen<Case> cases() {
        return instants().zip(zones(), times(), times(), weekends(), Case::new);
    }

    @Test
    void dueTimeIsNeverInQuietHoursOrOnAWeekendDay() {
        Seeded.qt(400).forAll(cases()).checkAssert(c -> {
            Instant due = c.due();
            assertThat(due).isAfterOrEqualTo(c.intended());
            assertThat(c.blocked(due)).as("%s is %s local", due, due.atZone(c.zone())).isFalse();
        });
    }

    @Test
    void dueTimeIsTheEarliestFreeInstant() {
        Seeded.qt(300).forAll(cases()).checkAssert(c -> {
            Instant due = c.due();
            // every minute before it (from the intended one) is blocked: nothing earlier would have done
            for (Instant t = c.intended(); t.isBefore(due); t = t.plus(Duration.ofMinutes(1))) {
                assertThat(c.blocked(t))
                    .as("%s (%s local) is free, but the due time is %s", t, t.atZone(c.zone()), due.atZone(c.zone()))
                    .isTrue();
            }
        });
    }

    @Test
    void overnightQuietHoursMoveAPromptToTheirEnd() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant intended = ZonedDateTime.parse("2026-06-10T23:30+02:00[Europe/Berlin]").toInstant();
        Instant due = DueTimes.next(intended, berlin, LocalTime.of(21, 0), LocalTime.of(8, 0),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(due.atZone(berlin).toString()).isEqualTo("2026-06-11T08:00+02:00[Europe/Berlin]");
    }

    @Test
    void fridayEveningWaitsForMondayMorning() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant intended = ZonedDateTime.parse("2026-06-12T22:00-04:00[America/New_York]").toInstant();
        Instant due = DueTimes.next(intended, newYork, LocalTime.of(21, 0), LocalTime.of(8, 0),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(due.atZone(newYork).toString()).isEqualTo("2026-06-15T08:00-04:00[America/New_York]");
    }

    @Test
    void quietHoursEndingInTheSpringGapEndWhenTheClocksJump() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 29 March 2026: 02:00 becomes 03:00; quiet hours until 02:30 end at the jump, 03:00 summer time
        Instant intended = ZonedDateTime.parse("2026-03-29T01:10+01:00[Europe/Berlin]").toInstant();
        Instant due = DueTimes.next(intended, berlin, LocalTime.of(0, 0), LocalTime.of(2, 30), Set.of());
        assertThat(due.atZone(berlin).toString()).isEqualTo("2026-03-29T03:00+02:00[Europe/Berlin]");
    }

    @Test
    void theClocksGoingBackCanEndQuietHoursEarly() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 1 November 2026: at 02:00 summer time the clocks go back to 01:00; quiet hours from 01:30 to 09:00 are
        // left then, and entered again half an hour later
        Instant intended = ZonedDateTime.parse("2026-11-01T01:45-04:00[America/New_York]").toInstant();
        Instant due = DueTimes.next(intended, newYork, LocalTime.of(1, 30), LocalTime.of(9, 0), Set.of());
        assertThat(due.atZone(newYork).toString()).isEqualTo("2026-11-01T01:00-05:00[America/New_York]");
    }

    @Test
    void noQuietHoursAndNoWeekendMeansRightAway() {
        Instant intended = Instant.parse("2026-06-13T03:00:00Z");
        assertThat(DueTimes.next(intended, ZoneId.of("UTC"), LocalTime.NOON, LocalTime.NOON, Set.of()))
            .isEqualTo(intended);
    }
}
