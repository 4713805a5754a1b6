package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrendChartTest {

    static final Instant START = Instant.parse("2026-09-03T10:00:00Z");

    static TrendChart.Point point(int day, double value) {
        return new TrendChart.Point(START.plusSeconds(day * 86_400L), "Day " + day, "Day " + day, value);
    }

    @Test
    void fewerThanThreePointsMakeNoChart() {
        assertThat(TrendChart.of("c", "T", "b", List.of(point(0, 1), point(1, 2)), ZoneOffset.UTC, s -> s))
            .isEmpty();
    }

    @Test
    void pointsSpreadAcrossTheWidthWithFiveAtTheTopAndOneAtTheBottom() {
        TrendChart chart = TrendChart.of("trend-x", "Going over it", "lower is better",
            List.of(point(1, 5), point(7, 3), point(30, 1)), ZoneOffset.UTC, all -> "Going over it: " + all).orElseThrow();

        assertThat(chart.line()).isEqualTo("26,8 169,48 312,88");
        assertThat(chart.guides()).containsExactly(new TrendChart.Guide(8, 5), new TrendChart.Guide(48, 3),
            new TrendChart.Guide(88, 1));
        assertThat(chart.description()).isEqualTo("Going over it: Day 1: 5; Day 7: 3; Day 30: 1");
        assertThat(chart.firstLabel()).isEqualTo("4 Sep");
        assertThat(chart.lastLabel()).isEqualTo("3 Oct");
        assertThat(chart.viewBox()).isEqualTo("0 0 320 112");
        assertThat(chart.labelY()).isEqualTo(106);
        assertThat(chart.dotsMarkup()).isEqualTo("<circle class=\"dot\" r=\"3.5\" cx=\"26.0\" cy=\"8.0\"></circle>"
            + "<circle class=\"dot\" r=\"3.5\" cx=\"169.0\" cy=\"48.0\"></circle>"
            + "<circle class=\"dot\" r=\"3.5\" cx=\"312.0\" cy=\"88.0\"></circle>");
    }

    @Test
    void answersAllGivenOnOneDayAreLabelledByTheirStepsNotByThatDayTwice() {
        List<TrendChart.Point> oneDay = List.of(
            new TrendChart.Point(START, "Day 1, 3 Sep", "Day 1", 4),
            new TrendChart.Point(START.plusSeconds(600), "Day 7, 3 Sep", "Day 7", 2),
            new TrendChart.Point(START.plusSeconds(1200), "Day 30, 3 Sep", "Day 30", 1));
        TrendChart chart = TrendChart.of("c", "T", "b", oneDay, ZoneOffset.UTC, s -> s).orElseThrow();

        assertThat(chart.firstLabel()).isEqualTo("Day 1");
        assertThat(chart.lastLabel()).isEqualTo("Day 30");
    }

    @Test
    void halfPointsKeepTheirHalf() {
        assertThat(TrendChart.number(2.5)).isEqualTo("2.5");
        assertThat(TrendChart.number(3.0)).isEqualTo("3");
    }
}
