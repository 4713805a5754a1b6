package io.aftercare.recovery.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aftercare.directory.QuietHours;
import io.aftercare.support.Seeded;

/** The journal reminder's time: the picked local time, out of quiet hours, on weekdays, during the seven days only. */
class ReminderTimeTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    private static QuietHours quiet(String zone, String start, String end, DayOfWeek... weekend) {
        return new QuietHours(ZoneId.of(zone), start == null ? null : LocalTime.parse(start),
            end == null ? null : LocalTime.parse(end), Set.of(weekend));
    }

    private static ZonedDateTime local(Instant at, QuietHours q) {
        return at.atZone(q.zone());
    }

    @Test
    void aTimeOutsideQuietHoursIsKeptInThePersonsOwnZone() {
        QuietHours berlin = quiet("Europe/Berlin", "22:00", "07:00");
        assertThat(ReminderTime.at(MONDAY, LocalTime.of(19, 30), berlin))
            .isEqualTo(Instant.parse("2026-11-02T18:30:00Z"));
        QuietHours kolkata = quiet("Asia/Kolkata", null, null);
        assertThat(ReminderTime.at(MONDAY, LocalTime.of(9, 0), kolkata))
            .isEqualTo(Instant.parse("2026-11-02T03:30:00Z"));
    }

    @Test
    void aTimeInsideQuietHoursThatCrossMidnightMovesToTheirEndThatMorning() {
        QuietHours berlin = quiet("Europe/Berlin", "22:00", "07:00");
        assertThat(ReminderTime.at(MONDAY, LocalTime.of(23, 30), berlin))
            .isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
        assertThat(ReminderTime.at(MONDAY, LocalTime.of(6, 0), berlin))
            .isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
        assertThat(ReminderTime.at(MONDAY, LocalTime.of(7, 0), berlin)).as("the end itself is outside")
            .isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
        // Auckland is 13 hours ahead in November (summer time): 09:00 there is 20:00 UTC the day before
        QuietHours auckland = quiet("Pacific/Auckland", "21:00", "09:00");
        assertThat(ReminderTime.at(MONDAY, LocalTime.of(8, 59), auckland))
            .isEqualTo(Instant.parse("2026-11-01T20:00:00Z"));
    }

    @Test
    void aTimeInsideDaytimeQuietHoursMovesToTheirEnd() {
        QuietHours losAngeles = quiet("America/Los_Angeles", "12:00", "13:00");
        assertThat(local(ReminderTime.at(MONDAY, LocalTime.of(12, 30), losAngeles), losAngeles).toLocalTime())
            .isEqualTo(LocalTime.of(13, 0));
    }

    @Test
    void aTimeTheClocksSkipComesWhenTheyHaveJumped() {
        QuietHours berlin = quiet("Europe/Berlin", null, null);
        assertThat(ReminderTime.at(LocalDate.of(2026, 3, 29), LocalTime.of(2, 30), berlin))
            .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void oneReminderADayForSevenDaysNoneOnWeekendDaysAndNoneAfterTheSeventh() {
        LocalDate friday = LocalDate.of(2026, 11, 6);
        QuietHours q = quiet("Europe/London", "22:00", "07:00", DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        Instant startedAt = friday.atTime(8, 0).atZone(q.zone()).toInstant();
        List<Integer> days = new java.util.ArrayList<>();
        Instant after = startedAt;
        for (Optional<ReminderTime.Reminder> r = ReminderTime.next(friday, LocalTime.of(19, 0), q, after);
             r.isPresent(); r = ReminderTime.next(friday, LocalTime.of(19, 0), q, after)) {
            days.add(r.get().day());
            assertThat(local(r.get().at(), q).toLocalTime()).isEqualTo(LocalTime.of(19, 0));
            after = r.get().at();
        }
        // Friday is day 1, Saturday and Sunday (2, 3) are weekend days, Thursday is day 7
        assertThat(days).containsExactly(1, 4, 5, 6, 7);
    }

    @Test
    void turnedOnAfterTodaysTimeTheFirstReminderIsTomorrows() {
        QuietHours q = quiet("Europe/Berlin", "22:00", "07:00");
        Instant evening = MONDAY.atTime(20, 0).atZone(q.zone()).toInstant();
        assertThat(ReminderTime.next(MONDAY, LocalTime.of(19, 0), q, evening)).get()
            .extracting(ReminderTime.Reminder::day).isEqualTo(2);
        Instant lastDay = MONDAY.plusDays(6).atTime(20, 0).atZone(q.zone()).toInstant();
        assertThat(ReminderTime.next(MONDAY, LocalTime.of(19, 0), q, lastDay)).as("after day 7's").isEmpty();
    }

    @Test
    void noReminderIsEverInsideQuietHoursOrOutsideTheWeek() {
        List<String> zones = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Adelaide",
            "Pacific/Chatham", "UTC", "America/Sao_Paulo");
        Seeded.tries(300, random -> {
            QuietHours q = new QuietHours(ZoneId.of(zones.get(random.nextInt(zones.size()))),
                LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)),
                LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)), Set.of());
            LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            LocalTime time = LocalTime.of(random.nextInt(24), random.nextInt(60));
            Instant after = start.atStartOfDay(q.zone()).toInstant().minusMillis(1);
            int count = 0;
            for (var r = ReminderTime.next(start, time, q, after); r.isPresent();
                 r = ReminderTime.next(start, time, q, after)) {
                assertThat(q.blocked(r.get().at())).as("%s at %s", q, r.get()).isFalse();
                LocalDate date = r.get().at().atZone(q.zone()).toLocalDate();
                assertThat(date).isBetween(start, start.plusDays(6));
                after = r.get().at();
                count++;
            }
            assertThat(count).isEqualTo(7);
        });
    }
}
