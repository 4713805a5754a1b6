package io.aftercare.care.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.aftercare.care.cases.CareViews.CheckInAnswerView;
import io.aftercare.care.cases.CareViews.FollowUpAnswerView;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.care.cases.OwnTrends.Better;
import io.aftercare.care.cases.OwnTrends.Construct;
import io.aftercare.care.cases.OwnTrends.Direction;
import io.aftercare.care.cases.OwnTrends.Sentence;
import io.aftercare.care.cases.OwnTrends.Trends;
import io.aftercare.shared.TrendChart;

/** My aftercare's sentences and charts, from a person's own answers, with the words the page shows. */
class OwnTrendsTest {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final Instant START = Instant.parse("2026-09-03T09:00:00Z");

    final OwnTrends trends = new OwnTrends(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/care");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** One case: a check-in, then follow-ups whose rumination items are all the given value. */
    static List<StepView> caseWith(UUID caseId, Instant start, int stress, int... rumination) {
        List<StepView> steps = new ArrayList<>();
        steps.add(new StepView(UUID.randomUUID(), caseId, "CHECK_IN", 0, start, "ANSWERED", null, start, List.of(),
            new CheckInAnswerView(stress, List.of(), "NOBODY", null), null));
        int[] days = {1, 7, 30};
        for (int i = 0; i < rumination.length; i++) {
            Instant at = start.plus(Duration.ofDays(days[i]));
            steps.add(new StepView(UUID.randomUUID(), caseId, "FOLLOW_UP", days[i], at, "ANSWERED", null, at,
                List.of(), null, new FollowUpAnswerView(Map.of("rumination1", rumination[i], "rumination2",
                    rumination[i], "rumination3", rumination[i]), null)));
        }
        return steps;
    }

    Trends of(List<StepView> steps) {
        return trends.of(steps, UTC, Locale.ENGLISH);
    }

    Sentence about(Trends t, Construct construct) {
        return t.sentences().stream().filter(s -> s.construct() == construct).findFirst().orElse(null);
    }

    @Test
    void goingOverItThatComesDownSaysSoAndThatLowerIsBetter() {
        Trends t = of(caseWith(UUID.randomUUID(), START, 4, 4, 3, 2));

        Sentence s = about(t, Construct.RUMINATION);
        assertThat(s.direction()).isEqualTo(Direction.DOWN);
        assertThat(s.easier()).isTrue();
        assertThat(s.text()).isEqualTo("Going over it has come down since day 1 (lower is better).");
    }

    @Test
    void goingOverItThatGoesUpSaysSoCalmlyAndPointsToSomeoneToTalkTo() {
        Sentence s = about(of(caseWith(UUID.randomUUID(), START, 2, 2, 3)), Construct.RUMINATION);

        assertThat(s.direction()).isEqualTo(Direction.UP);
        assertThat(s.easier()).isFalse();
        assertThat(s.text()).isEqualTo("Going over it has gone up since day 1 (lower is better). That happens;"
            + " talking it over with someone you trust can help.");
    }

    @Test
    void lessThanHalfAPointIsAboutTheSame() {
        Sentence s = about(of(caseWith(UUID.randomUUID(), START, 3, 3, 3, 3)), Construct.RUMINATION);

        assertThat(s.direction()).isEqualTo(Direction.SAME);
        assertThat(s.text()).isEqualTo("Going over it has stayed about the same since day 1 (lower is better).");
    }

    @Test
    void whereHigherIsBetterGoingUpIsTheEasierWayAndComingDownTheHarder() {
        UUID caseId = UUID.randomUUID();
        List<OwnTrends.Value> up = List.of(new OwnTrends.Value(START, caseId, 1, 2),
            new OwnTrends.Value(START.plusSeconds(9), caseId, 7, 4));
        List<OwnTrends.Value> down = List.of(new OwnTrends.Value(START, caseId, 1, 4),
            new OwnTrends.Value(START.plusSeconds(9), caseId, 7, 2));

        Sentence better = trends.sentence(Construct.RUMINATION, Better.HIGHER, up, UTC, Locale.ENGLISH)
            .orElseThrow();
        Sentence worse = trends.sentence(Construct.RUMINATION, Better.HIGHER, down, UTC, Locale.ENGLISH)
            .orElseThrow();

        assertThat(better.easier()).isTrue();
        assertThat(better.text()).isEqualTo("Going over it has gone up since day 1 (higher is better).");
        assertThat(worse.easier()).isFalse();
        assertThat(worse.text()).startsWith("Going over it has come down since day 1 (higher is better). That happens;");
    }

    @Test
    void oneAnswerMakesNoSentenceAndFewerThanThreeMakeNoChart() {
        Trends one = of(caseWith(UUID.randomUUID(), START, 4, 4));
        assertThat(about(one, Construct.RUMINATION)).as("one follow-up: nothing to compare").isNull();
        assertThat(about(one, Construct.STRESS)).as("one check-in").isNull();
        assertThat(one.charts()).isEmpty();

        Trends two = of(caseWith(UUID.randomUUID(), START, 4, 4, 2));
        assertThat(about(two, Construct.RUMINATION)).isNotNull();
        assertThat(two.charts()).as("two dots are not a chart").isEmpty();

        Trends three = of(caseWith(UUID.randomUUID(), START, 4, 4, 3, 2));
        assertThat(three.charts()).extracting(TrendChart::id).containsExactly("trend-rumination");
    }

    @Test
    void noAnswersAtAllIsEmpty() {
        assertThat(of(List.of()).empty()).isTrue();
    }

    @Test
    void stressIsComparedWithTheCheckInOfTheCaseBeforeByDate() {
        List<StepView> steps = new ArrayList<>(caseWith(UUID.randomUUID(), START, 4));
        steps.addAll(caseWith(UUID.randomUUID(), START.plus(Duration.ofDays(20)), 2));

        Sentence s = about(of(steps), Construct.STRESS);

        assertThat(s.text()).isEqualTo("Stress after an incident has come down since 3 Sep (lower is better).");
    }

    @Test
    void aChartSaysWhichWayIsBetterAndCarriesEveryValueAsText() {
        TrendChart chart = of(caseWith(UUID.randomUUID(), START, 4, 4, 3, 2)).charts().get(0);

        assertThat(chart.title()).isEqualTo("Going over it");
        assertThat(chart.better()).isEqualTo("lower is better");
        assertThat(chart.description()).isEqualTo("Going over it, from 1 to 5, lower is better:"
            + " Day 1, 4 Sep: 4; Day 7, 10 Sep: 3; Day 30, 3 Oct: 2.");
        assertThat(chart.dots()).hasSize(3);
        // higher values are drawn higher up (smaller y), the first on the left
        assertThat(chart.dots().get(0).y()).isLessThan(chart.dots().get(2).y());
        assertThat(chart.dots().get(0).x()).isLessThan(chart.dots().get(2).x());
        assertThat(chart.firstLabel()).isEqualTo("4 Sep");
        assertThat(chart.lastLabel()).isEqualTo("3 Oct");
    }

    @Test
    void aMeasureWithASentenceButOnlyTwoAnswersIsNamedAsWaitingForItsChart() {
        Trends two = of(caseWith(UUID.randomUUID(), START, 4, 4, 2));
        assertThat(two.charts()).isEmpty();
        assertThat(two.waiting()).containsExactly("Going over it");

        Trends three = of(caseWith(UUID.randomUUID(), START, 4, 4, 3, 2));
        assertThat(three.waiting()).isEmpty();
    }
}
