package io.aftercare.recovery.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aftercare.directory.QuietHours;
import io.aftercare.support.Seeded;

/** The reminder the day before a shift: in the person's zone, never in their quiet hours, windows over midnight. */
class PlanReminderTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    static QuietHours quiet(ZoneId zone, String start, String end) {
        return new QuietHours(zone, LocalTime.parse(start), LocalTime.parse(end), Set.of());
    }

    @Test
    void outsideQuietHoursItIsTwentyFourHoursBefore() {
        Instant shift = local("2026-12-08T09:00", BERLIN);
        assertThat(PlanReminder.at(shift, quiet(BERLIN, "21:00", "08:00"), LONG_AGO))
            .contains(local("2026-12-07T09:00", BERLIN));
    }

    @Test
    void aQuietWindowOverMidnightMakesItWaitUntilMorning() {
        // shift at 06:00 Berlin: 24 hours before is 06:00, inside 21:00-08:00, so 08:00 the day before
        Instant shift = local("2026-12-08T06:00", BERLIN);
        assertThat(PlanReminder.at(shift, quiet(BERLIN, "21:00", "08:00"), LONG_AGO))
            .contains(local("2026-12-07T08:00", BERLIN));
    }

    @Test
    void theQuietHoursAreThePersonsOwnZoneNotTheShifts() {
        // a shift at 09:00 Berlin is 03:00 in New York: the reminder at 03:00 New York time would be in quiet hours
        // 22:00-07:00 there, so it waits for 07:00 New York, which is 13:00 Berlin
        Instant shift = local("2026-12-08T09:00", BERLIN);
        assertThat(PlanReminder.at(shift, quiet(NEW_YORK, "22:00", "07:00"), LONG_AGO))
            .contains(local("2026-12-07T07:00", NEW_YORK))
            .contains(local("2026-12-07T13:00", BERLIN));
    }

    @Test
    void whenWaitingWouldBeTooLateItComesBeforeTheQuietBegan() {
        // quiet 18:00-09:00 Tokyo, shift at 20:00: 24 hours before is quiet, it waits until 09:00 on the day (11
        // hours before the shift)
        Instant shift = local("2026-12-08T20:00", TOKYO);
        assertThat(PlanReminder.at(shift, quiet(TOKYO, "18:00", "09:00"), LONG_AGO))
            .contains(local("2026-12-08T09:00", TOKYO));
        // quiet 10:00-09:00 (all but one hour), shift at 10:00: waiting until 09:00 on the day is less than two hours
        // before it, so the reminder goes at 09:45 the day before, the last quarter-hour before the quiet began
        Instant morning = local("2026-12-08T10:00", TOKYO);
        assertThat(PlanReminder.at(morning, quiet(TOKYO, "10:00", "09:00"), LONG_AGO))
            .contains(local("2026-12-07T09:45", TOKYO));
    }

    @Test
    void weekendDaysAreQuietAllDay() {
        // shift on Monday 7 December 2026 at 09:00: Sunday is a weekend day, so the reminder waits until Monday
        // 00:00 (still more than two hours before the shift)
        Instant shift = local("2026-12-07T09:00", BERLIN);
        QuietHours weekend = new QuietHours(BERLIN, null, null, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(PlanReminder.at(shift, weekend, LONG_AGO)).contains(local("2026-12-07T00:00", BERLIN));
    }

    @Test
    void noReminderOnceItsMomentHasPassed() {
        Instant shift = local("2026-12-08T09:00", BERLIN);
        assertThat(PlanReminder.at(shift, QuietHours.none(BERLIN), local("2026-12-07T10:00", BERLIN))).isEmpty();
    }

    /** Generated zones, windows (over midnight or not) and shifts: never quiet, never late, never past. */
    @Test
    void generatedShiftsAndQuietHours() {
        List<ZoneId> zones = List.of(BERLIN, NEW_YORK, TOKYO, ZoneId.of("Australia/Adelaide"), ZoneId.of("UTC"),
            ZoneId.of("America/St_Johns"));
        Seeded.tries(500, random -> {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            QuietHours q = new QuietHours(zone, LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)),
                LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)),
                random.nextBoolean() ? Set.of() : Set.of(DayOfWeek.of(1 + random.nextInt(7))));
            Instant shift = Instant.parse("2026-01-01T00:00:00Z")
                .plus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 365)));
            Instant now = shift.minus(Duration.ofHours(48));
            var at = PlanReminder.at(shift, q, now);
            if (at.isPresent()) {
                assertThat(q.blocked(at.get())).as("%s in %s", at.get(), q).isFalse();
                assertThat(at.get()).isBefore(shift.minus(PlanReminder.LEAD).plusNanos(1))
                    .isAfter(now);
            }
            if (!q.blocked(shift.minus(PlanReminder.DAY_BEFORE))) {
                assertThat(at).contains(shift.minus(PlanReminder.DAY_BEFORE));
            }
        });
    }
}
