package io.aftercare.directory;

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
 * Quiet hours, the one rule care's due times, nudges and the outbox's send times follow: the next allowed time is
 * never inside the person's quiet hours or on their weekend days, and it is the earliest instant at or after the
 * intended one that is not: across time zones with daylight saving, on the days the clocks change, and for quiet
 * hours that run over midnight.
 */
class QuietHoursTest {

    static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "America/Sao_Paulo",
        "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "UTC", "America/St_Johns", "Europe/London",
        "Asia/Tehran", "Africa/Casablanca");

    record Case(Instant intended, ZoneId zone, LocalTime quietStart, LocalTime quietEnd, Set<DayOfWeek> weekend) {

        Instant due() {
            return new QuietHours(zone, quietStart, quietEnd, weekend).next(intended);
        }

        boolean blocked(Instant t) {
            return new QuietHours(zone, quietStart, quietEnd, weekend).blocked(t);
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
        Instant due = next(intended, berlin, LocalTime.of(21, 0), LocalTime.of(8, 0),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(due.atZone(berlin).toString()).isEqualTo("2026-06-11T08:00+02:00[Europe/Berlin]");
    }

    @Test
    void fridayEveningWaitsForMondayMorning() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant intended = ZonedDateTime.parse("2026-06-12T22:00-04:00[America/New_York]").toInstant();
        Instant due = next(intended, newYork, LocalTime.of(21, 0), LocalTime.of(8, 0),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(due.atZone(newYork).toString()).isEqualTo("2026-06-15T08:00-04:00[America/New_York]");
    }

    @Test
    void quietHoursEndingInTheSpringGapEndWhenTheClocksJump() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 29 March 2026: 02:00 becomes 03:00; quiet hours until 02:30 end at the jump, 03:00 summer time
        Instant intended = ZonedDateTime.parse("2026-03-29T01:10+01:00[Europe/Berlin]").toInstant();
        Instant due = next(intended, berlin, LocalTime.of(0, 0), LocalTime.of(2, 30), Set.of());
        assertThat(due.atZone(berlin).toString()).isEqualTo("2026-03-29T03:00+02:00[Europe/Berlin]");
    }

    @Test
    void theClocksGoingBackCanEndQuietHoursEarly() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 1 November 2026: at 02:00 summer time the clocks go back to 01:00; quiet hours from 01:30 to 09:00 are
        // left then, and entered again half an hour later
        Instant intended = ZonedDateTime.parse("2026-11-01T01:45-04:00[America/New_York]").toInstant();
        Instant due = next(intended, newYork, LocalTime.of(1, 30), LocalTime.of(9, 0), Set.of());
        assertThat(due.atZone(newYork).toString()).isEqualTo("2026-11-01T01:00-05:00[America/New_York]");
    }

    @Test
    void noQuietHoursAndNoWeekendMeansRightAway() {
        Instant intended = Instant.parse("2026-06-13T03:00:00Z");
        assertThat(next(intended, ZoneId.of("UTC"), LocalTime.NOON, LocalTime.NOON, Set.of()))
            .isEqualTo(intended);
    }

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Instant next(Instant intended, ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> weekend) {
        return new QuietHours(zone, start, end, weekend).next(intended);
    }

    static Instant at(String zoned) {
        return ZonedDateTime.parse(zoned).toInstant();
    }

    static String local(Instant t, ZoneId zone) {
        return t.atZone(zone).toString();
    }

    @Test
    void overnightQuietHoursOnTheNightTheClocksGoForwardEndAtEightSummerTime() {
        // 28 to 29 March 2026 in Berlin: the night is an hour shorter, quiet hours still end at 08:00 local
        Instant due = next(at("2026-03-28T23:30+01:00[Europe/Berlin]"), BERLIN, LocalTime.of(22, 0),
            LocalTime.of(8, 0), Set.of());
        assertThat(local(due, BERLIN)).isEqualTo("2026-03-29T08:00+02:00[Europe/Berlin]");
        assertThat(due).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void quietHoursEndingInNewYorksSpringGapEndWhenTheClocksJump() {
        // 8 March 2026: 02:00 becomes 03:00; quiet hours from 21:00 until 02:30 end at 03:00 daylight time
        Instant due = next(at("2026-03-07T23:00-05:00[America/New_York]"), NEW_YORK, LocalTime.of(21, 0),
            LocalTime.of(2, 30), Set.of());
        assertThat(local(due, NEW_YORK)).isEqualTo("2026-03-08T03:00-04:00[America/New_York]");
    }

    @Test
    void quietHoursStartingInTheSpringGapHoldFromTheJump() {
        // 29 March 2026 in Berlin there is no 02:15; quiet hours from 02:15 to 06:00 hold from 03:00 summer time
        QuietHours quiet = new QuietHours(BERLIN, LocalTime.of(2, 15), LocalTime.of(6, 0), Set.of());
        Instant beforeJump = at("2026-03-29T01:50+01:00[Europe/Berlin]");
        assertThat(quiet.next(beforeJump)).isEqualTo(beforeJump);
        Instant afterJump = at("2026-03-29T03:10+02:00[Europe/Berlin]");
        assertThat(quiet.blocked(afterJump)).isTrue();
        assertThat(local(quiet.next(afterJump), BERLIN)).isEqualTo("2026-03-29T06:00+02:00[Europe/Berlin]");
    }

    @Test
    void theClocksGoingBackInBerlinCanEndQuietHoursEarly() {
        // 25 October 2026: at 03:00 summer time the clocks go back to 02:00; quiet hours from 02:30 to 09:00 are
        // left then, and entered again half an hour later
        Instant due = next(at("2026-10-25T02:40+02:00[Europe/Berlin]"), BERLIN, LocalTime.of(2, 30),
            LocalTime.of(9, 0), Set.of());
        assertThat(local(due, BERLIN)).isEqualTo("2026-10-25T02:00+01:00[Europe/Berlin]");
    }

    @Test
    void quietHoursEndingInTheAutumnOverlapEndTheFirstTimeTheirEndComes() {
        // 25 October 2026 in Berlin 02:30 happens twice; quiet hours from 23:00 to 02:30 end at the first, summer time
        Instant due = next(at("2026-10-25T01:00+02:00[Europe/Berlin]"), BERLIN, LocalTime.of(23, 0),
            LocalTime.of(2, 30), Set.of());
        assertThat(local(due, BERLIN)).isEqualTo("2026-10-25T02:30+02:00[Europe/Berlin]");
    }

    @Test
    void overnightQuietHoursOnTheNightTheClocksGoBackInNewYorkEndAtEightStandardTime() {
        Instant due = next(at("2026-10-31T22:00-04:00[America/New_York]"), NEW_YORK, LocalTime.of(21, 0),
            LocalTime.of(8, 0), Set.of());
        assertThat(local(due, NEW_YORK)).isEqualTo("2026-11-01T08:00-05:00[America/New_York]");
    }

    @Test
    void aTimeAfterMidnightInsideOvernightQuietHoursWaitsForTheirEndThatMorning() {
        Instant due = next(at("2026-06-11T03:00+02:00[Europe/Berlin]"), BERLIN, LocalTime.of(22, 0),
            LocalTime.of(7, 0), Set.of());
        assertThat(local(due, BERLIN)).isEqualTo("2026-06-11T07:00+02:00[Europe/Berlin]");
    }

    @Test
    void windowsRunOverMidnightAndAnEmptyWindowMatchesNothing() {
        assertThat(QuietHours.within(LocalTime.of(23, 0), LocalTime.of(22, 0), LocalTime.of(8, 0))).isTrue();
        assertThat(QuietHours.within(LocalTime.of(0, 0), LocalTime.of(22, 0), LocalTime.of(8, 0))).isTrue();
        assertThat(QuietHours.within(LocalTime.of(8, 0), LocalTime.of(22, 0), LocalTime.of(8, 0))).isFalse();
        assertThat(QuietHours.within(LocalTime.of(22, 0), LocalTime.of(22, 0), LocalTime.of(8, 0))).isTrue();
        assertThat(QuietHours.within(LocalTime.of(12, 0), LocalTime.of(9, 0), LocalTime.of(17, 0))).isTrue();
        assertThat(QuietHours.within(LocalTime.of(12, 0), LocalTime.NOON, LocalTime.NOON)).isFalse();
    }

    @Test
    void whenEveryDayIsAWeekendDayOnlyTheQuietHoursHold() {
        QuietHours quiet = new QuietHours(BERLIN, LocalTime.of(22, 0), LocalTime.of(8, 0),
            EnumSet.allOf(DayOfWeek.class));
        Instant night = at("2026-06-13T23:00+02:00[Europe/Berlin]");
        assertThat(local(quiet.next(night), BERLIN)).isEqualTo("2026-06-14T08:00+02:00[Europe/Berlin]");
        Instant noon = at("2026-06-14T12:00+02:00[Europe/Berlin]");
        assertThat(quiet.next(noon)).isEqualTo(noon);
    }

    @Test
    void missingQuietHoursMeanNone() {
        Instant night = at("2026-06-13T03:00+02:00[Europe/Berlin]");
        assertThat(new QuietHours(BERLIN, null, LocalTime.of(8, 0), null).next(night)).isEqualTo(night);
        assertThat(QuietHours.none(BERLIN).blocked(night)).isFalse();
    }

    @Test
    void aPersonsQuietHoursAreTheirsInTheirZone() {
        PersonRef p = new PersonRef(java.util.UUID.randomUUID(), "Ada", "ada@example.org", NEW_YORK,
            LocalTime.of(21, 0), LocalTime.of(8, 0), EnumSet.of(DayOfWeek.SUNDAY), null, java.util.Map.of());
        assertThat(p.quietHours()).isEqualTo(new QuietHours(NEW_YORK, LocalTime.of(21, 0), LocalTime.of(8, 0),
            Set.of(DayOfWeek.SUNDAY)));
    }
}
