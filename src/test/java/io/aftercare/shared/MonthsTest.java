package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class MonthsTest {

    @Test
    void aMonthIsReleasedSevenDaysAfterItEndsInUtc() {
        YearMonth october = YearMonth.of(2026, 10);
        assertThat(Months.releasedAt(october)).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
        assertThat(Months.released(october, Instant.parse("2026-11-07T23:59:59Z"))).isFalse();
        assertThat(Months.released(october, Instant.parse("2026-11-08T00:00:00Z"))).isTrue();
    }

    @Test
    void theNewestReleasedMonthMovesOnlyOnReleaseDays() {
        assertThat(Months.latestReleased(Instant.parse("2026-12-04T15:00:00Z"))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(Months.latestReleased(Instant.parse("2026-12-07T23:59:59Z"))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(Months.latestReleased(Instant.parse("2026-12-08T00:00:00Z"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(Months.latestReleased(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(Months.recent(Instant.parse("2026-12-04T15:00:00Z"), 3))
            .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 9), YearMonth.of(2026, 8));
    }
}
