package io.aftercare.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import io.aftercare.directory.QuietHours;
import io.aftercare.support.Seeded;

/**
 * An outward message's send time: never before it is due, never while paused, never in quiet hours or on a
 * weekend day, never on a local day that already has the cap, and a time that passes every rule is kept as it is —
 * across time zones with daylight saving.
 */
class SendTimeTest {

    static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
        "Asia/Kolkata", "Pacific/Chatham", "UTC", "America/St_Johns", "Asia/Tehran", "America/Sao_Paulo");
    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    /** A person's rules: their zone, quiet hours and weekend days. */
    record Rules(ZoneId zone, LocalTime quietStart, LocalTime quietEnd, Set<DayOfWeek> weekend) {

        QuietHours quiet() {
            return new QuietHours(zone, quietStart, quietEnd, weekend);
        }
    }

    /** A message due at {@code due}, with the times already set for others, a daily cap and maybe a pause. */
    record Case(Instant due, Rules rules, List<Instant> timed, int cap, int pauseDays) {
    }

    static Gen<ZoneId> zones() {
        return arbitrary().pick(ZONES).map(name -> ZoneId.of(name));
    }

    /** Quarter hours. */
    static Gen<LocalTime> times() {
        return integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, (q % 4) * 15));
    }

    static Gen<Instant> instants() {
        return longs().between(0, Duration.ofDays(730).toMinutes()).map(m -> BASE.plusSeconds(m * 60));
    }

    static Gen<Set<DayOfWeek>> weekends() {
        return lists().of(arbitrary().enumValues(DayOfWeek.class)).ofSizeBetween(0, 6)
            .map(days -> days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
    }

    static Gen<Case> cases() {
        Gen<Rules> rules = zones().zip(times(), times(), weekends(), Rules::new);
        return instants().zip(rules, lists().of(instants()).ofSizeBetween(0, 12), integers().between(1, 3),
            integers().between(-1, 20), Case::new);
    }

    @Test
    void sendTimeKeepsEveryRule() {
        Seeded.qt(2000).forAll(cases()).checkAssert(c -> {
            Rules r = c.rules();
            ZoneId zone = r.zone();
            LocalDate paused = c.pauseDays() < 0 ? null : c.due().atZone(zone).toLocalDate().plusDays(c.pauseDays());
            Instant at = SendTime.decide(c.due(), r.quiet(), paused, c.timed(), c.cap());
            ZonedDateTime local = at.atZone(zone);

            assertThat(at).isAfterOrEqualTo(c.due());
            if (paused != null) {
                assertThat(local.toLocalDate()).isAfter(paused);
            }
            assertThat(r.weekend()).doesNotContain(local.getDayOfWeek());
            assertThat(QuietHours.within(local.toLocalTime(), r.quietStart(), r.quietEnd())).isFalse();
            assertThat(SendTime.countOn(local.toLocalDate(), zone, c.timed())).isLessThan(c.cap());
            // a time that passes every rule is not moved again
            assertThat(SendTime.decide(at, r.quiet(), paused, c.timed(), c.cap())).isEqualTo(at);
        });
    }

    @Test
    void aTimeThatBreaksNoRuleIsKept() {
        Seeded.qt(500).forAll(instants(), zones()).checkAssert((due, zone) ->
            assertThat(SendTime.decide(due, QuietHours.none(zone), null, List.of(), 2))
                .isEqualTo(due));
    }

    @Test
    void theDailyCapSpreadsMessagesOverDays() {
        Seeded.qt(300).forAll(instants(), zones(), integers().between(3, 8)).checkAssert((due, zone, n) -> {
            List<Instant> sent = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                QuietHours quiet = new QuietHours(zone, LocalTime.of(22, 0), LocalTime.of(7, 0), Set.of());
                sent.add(SendTime.decide(due, quiet, null, sent, 2));
            }
            sent.stream().map(t -> t.atZone(zone).toLocalDate()).distinct()
                .forEach(d -> assertThat(SendTime.countOn(d, zone, sent)).isLessThanOrEqualTo(2));
            assertThat(sent).hasSize(n);
        });
    }

    @Test
    void aCheckInDueAtNightInBerlinOnAFridayWaitsForMonday() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant fridayNight = ZonedDateTime.of(2026, 3, 6, 23, 30, 0, 0, berlin).toInstant();
        QuietHours quiet = new QuietHours(berlin, LocalTime.of(22, 0), LocalTime.of(8, 0),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        Instant at = SendTime.decide(fridayNight, quiet, null, List.of(), 2);
        assertThat(at).isEqualTo(ZonedDateTime.of(2026, 3, 9, 8, 0, 0, 0, berlin).toInstant());
    }

    @Test
    void aThirdMessageOnOneDayWaitsForTheNextMorning() {
        ZoneId ny = ZoneId.of("America/New_York");
        Instant noon = ZonedDateTime.of(2026, 6, 2, 12, 0, 0, 0, ny).toInstant();
        List<Instant> today = List.of(noon.minusSeconds(3600), noon.minusSeconds(7200));
        QuietHours quiet = new QuietHours(ny, LocalTime.of(22, 0), LocalTime.of(8, 0), Set.of());
        Instant at = SendTime.decide(noon, quiet, null, today, 2);
        assertThat(at).isEqualTo(ZonedDateTime.of(2026, 6, 3, 8, 0, 0, 0, ny).toInstant());
    }

    @Test
    void pausedMessagesWaitForTheDayAfterThePause() {
        ZoneId utc = ZoneId.of("UTC");
        Instant due = Instant.parse("2026-06-02T10:00:00Z");
        Instant at = SendTime.decide(due, QuietHours.none(utc), LocalDate.of(2026, 6, 5), List.of(), 2);
        assertThat(at).isEqualTo(Instant.parse("2026-06-06T00:00:00Z"));
    }

    @Test
    void theClocksGoingBackCanEndQuietHoursEarlyForAMessageToo() {
        // 1 November 2026 in New York: at 02:00 daylight time the clocks go back to 01:00, outside quiet hours
        // from 01:30; the message goes then rather than at 09:00
        ZoneId ny = ZoneId.of("America/New_York");
        Instant due = ZonedDateTime.parse("2026-11-01T01:45-04:00[America/New_York]").toInstant();
        Instant at = SendTime.decide(due, new QuietHours(ny, LocalTime.of(1, 30), LocalTime.of(9, 0), Set.of()), null,
            List.of(), 2);
        assertThat(at.atZone(ny).toString()).isEqualTo("2026-11-01T01:00-05:00[America/New_York]");
    }
}
