package io.aftercare.peersupport.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class MonthGridTest {

    @Test
    void aMonthIsReleasedSevenDaysAfterItEndsInUtc() {
        YearMonth october = YearMonth.of(2026, 10);
        assertThat(MonthGrid.releasedAt(october)).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
        assertThat(MonthGrid.released(october, Instant.parse("2026-11-07T23:59:59Z"))).isFalse();
        assertThat(MonthGrid.released(october, Instant.parse("2026-11-08T00:00:00Z"))).isTrue();
    }

    @Test
    void theNewestReleasedMonthMovesOnlyOnReleaseDays() {
        assertThat(MonthGrid.latestReleased(Instant.parse("2026-12-04T15:00:00Z"))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(MonthGrid.latestReleased(Instant.parse("2026-12-07T23:59:59Z"))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(MonthGrid.latestReleased(Instant.parse("2026-12-08T00:00:00Z"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(MonthGrid.latestReleased(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(MonthGrid.recent(Instant.parse("2026-12-04T15:00:00Z"), 3))
            .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 9), YearMonth.of(2026, 8));
    }
}
