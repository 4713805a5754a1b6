package io.aftercare.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;

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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * An outward message's send time: never before it is due, never while paused, never in quiet hours or on a
 * weekend day, never on a local day that already has the cap, and a time that passes every rule is kept as it is —
 * across time zones with daylight saving.
 */
class SendTimeTest {

    static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
        "Asia/Kolkata", "Pacific/Chatham", "UTC", "America/St_Johns", "Asia/Tehran", "America/Sao_Paulo");
    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, (q % 4) * 15));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, Duration.ofDays(730).toMinutes()).map(m -> BASE.plusSeconds(m * 60));
    }

    @Provide
    Arbitrary<Set<DayOfWeek>> weekends() {
        return Arbitraries.of(DayOfWeek.class).set().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Instant>> timed() {
        return instants().list().ofMaxSize(12);
    }

    @Property(tries = 2000)
    void sendTimeKeepsEveryRule(@ForAll("instants") Instant due, @ForAll("zones") ZoneId zone,
                                @ForAll("times") LocalTime quietStart, @ForAll("times") LocalTime quietEnd,
                                @ForAll("weekends") Set<DayOfWeek> weekend, @ForAll("timed") List<Instant> timed,
                                @ForAll @IntRange(min = 1, max = 3) int cap,
                                @ForAll @IntRange(min = -1, max = 20) int pauseDays) {
        LocalDate paused = pauseDays < 0 ? null : due.atZone(zone).toLocalDate().plusDays(pauseDays);
        Instant at = SendTime.decide(due, zone, quietStart, quietEnd, weekend, paused, timed, cap);
        ZonedDateTime local = at.atZone(zone);

        assertThat(at).isAfterOrEqualTo(due);
        if (paused != null) {
            assertThat(local.toLocalDate()).isAfter(paused);
        }
        assertThat(weekend).doesNotContain(local.getDayOfWeek());
        assertThat(SendTime.within(local.toLocalTime(), quietStart, quietEnd)).isFalse();
        assertThat(SendTime.countOn(local.toLocalDate(), zone, timed)).isLessThan(cap);
        // a time that passes every rule is not moved again
        assertThat(SendTime.decide(at, zone, quietStart, quietEnd, weekend, paused, timed, cap)).isEqualTo(at);
    }

    @Property(tries = 500)
    void aTimeThatBreaksNoRuleIsKept(@ForAll("instants") Instant due, @ForAll("zones") ZoneId zone) {
        assertThat(SendTime.decide(due, zone, LocalTime.NOON, LocalTime.NOON, Set.of(), null, List.of(), 2))
            .isEqualTo(due);
    }

    @Property(tries = 300)
    void theDailyCapSpreadsMessagesOverDays(@ForAll("instants") Instant due, @ForAll("zones") ZoneId zone,
                                            @ForAll @Size(min = 3, max = 8) List<@IntRange(min = 0, max = 0) Integer> n) {
        List<Instant> sent = new java.util.ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            sent.add(SendTime.decide(due, zone, LocalTime.of(22, 0), LocalTime.of(7, 0), Set.of(), null, sent, 2));
        }
        sent.stream().map(t -> t.atZone(zone).toLocalDate()).distinct()
            .forEach(d -> assertThat(SendTime.countOn(d, zone, sent)).isLessThanOrEqualTo(2));
        assertThat(sent).hasSize(n.size());
    }

    @Test
    void aCheckInDueAtNightInBerlinOnAFridayWaitsForMonday() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant fridayNight = ZonedDateTime.of(2026, 3, 6, 23, 30, 0, 0, berlin).toInstant();
        Instant at = SendTime.decide(fridayNight, berlin, LocalTime.of(22, 0), LocalTime.of(8, 0),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null, List.of(), 2);
        assertThat(at).isEqualTo(ZonedDateTime.of(2026, 3, 9, 8, 0, 0, 0, berlin).toInstant());
    }

    @Test
    void aThirdMessageOnOneDayWaitsForTheNextMorning() {
        ZoneId ny = ZoneId.of("America/New_York");
        Instant noon = ZonedDateTime.of(2026, 6, 2, 12, 0, 0, 0, ny).toInstant();
        List<Instant> today = List.of(noon.minusSeconds(3600), noon.minusSeconds(7200));
        Instant at = SendTime.decide(noon, ny, LocalTime.of(22, 0), LocalTime.of(8, 0), Set.of(), null, today, 2);
        assertThat(at).isEqualTo(ZonedDateTime.of(2026, 6, 3, 8, 0, 0, 0, ny).toInstant());
    }

    @Test
    void pausedMessagesWaitForTheDayAfterThePause() {
        ZoneId utc = ZoneId.of("UTC");
        Instant due = Instant.parse("2026-06-02T10:00:00Z");
        Instant at = SendTime.decide(due, utc, LocalTime.NOON, LocalTime.NOON, Set.of(), LocalDate.of(2026, 6, 5),
            List.of(), 2);
        assertThat(at).isEqualTo(Instant.parse("2026-06-06T00:00:00Z"));
    }
}
