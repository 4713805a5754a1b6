package io.aftercare.insights.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.aftercare.insights.Figure;
import io.aftercare.insights.Question;
import io.aftercare.insights.Release;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;

/**
 * The end-of-shift answers reach anyone but the person only as the rule set releases them: one value per person
 * (the median of their answers), the month as a closed window, and nothing at all until a rule set is in place.
 */
class TeamEffortTest {

    static final UUID TEAM = UUID.randomUUID();
    static final UUID LEAD = UUID.randomUUID();
    static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID BO = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    static OnCallWords words() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/oncall");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new OnCallWords(messages);
    }

    static EffortStore store() {
        return new EffortStore(null) {
            @Override
            List<Answer> teamAnswers(UUID teamId, java.time.Instant from, java.time.Instant to) {
                assertThat(teamId).isEqualTo(TEAM);
                assertThat(from).isEqualTo(java.time.Instant.parse("2026-11-01T00:00:00Z"));
                assertThat(to).isEqualTo(java.time.Instant.parse("2026-12-01T00:00:00Z"));
                return List.of(new Answer(ANA, 5), new Answer(ANA, 1), new Answer(ANA, 4), new Answer(BO, 2),
                    new Answer(BO, 3));
            }
        };
    }

    static TeamEffort with(RuleSet rules) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (rules != null) {
            beans.addBean("ruleSet", rules);
        }
        return new TeamEffort(store(), beans.getBeanProvider(RuleSet.class),
            java.time.Clock.fixed(java.time.Instant.parse("2026-12-20T00:00:00Z"), java.time.ZoneOffset.UTC));
    }

    static RuleSet answering(Figure figure, AtomicReference<Question> asked) {
        return new RuleSet() {
            @Override
            public int k() {
                return 5;
            }

            @Override
            public Release release(UUID viewer, Question question) {
                asked.set(question);
                return new Release(figure, List.of());
            }

            @Override
            public List<Figure> together(List<Figure> options, java.util.Set<Integer> summed, Figure sum,
                                         boolean skippable) {
                throw new AssertionError("the effort question is a figure of its own, not a poll's options");
            }
        };
    }

    @Test
    void theRuleSetIsAskedAboutEachPersonOnceWithTheMedianOfTheirAnswers() {
        AtomicReference<Question> asked = new AtomicReference<>();
        var released = with(answering(new Figure.Hidden(), asked)).release(LEAD, TEAM, "Payments", NOVEMBER);

        Question q = asked.get();
        assertThat(q.statistic()).isEqualTo(Statistic.BANDS);
        assertThat(q.window()).isEqualTo(Window.Months.of(NOVEMBER));
        assertThat(q.whole().people()).containsExactlyInAnyOrder(ANA, BO);
        // Ana answered 5, 1 and 4 (median 4); Bo 2 and 3 (the lower middle, 2)
        assertThat(q.whole().values()).containsExactly(4, 2);
        assertThat(released).contains(new Figure.Hidden());
    }

    @Test
    void aHiddenFigureReadsTheSameWhateverTheReasonAndBandsReadAsSharesOfPeople() {
        assertThat(words().effort(new Figure.Hidden(), NOVEMBER, Locale.ENGLISH))
            .isEqualTo("Not enough answers to show without identifying anyone.");
        var bands = new Figure.Bands(new Figure.Share(0, 12, 0, Figure.Edge.FEW),
            new Figure.Share(0, 12, 0, Figure.Edge.WITHHELD), new Figure.Share(6, 12, 50.0, Figure.Edge.EXACT));
        assertThat(words().effort(bands, NOVEMBER, Locale.ENGLISH)).isEqualTo("How much effort shifts took in "
            + "November 2026, for the 12 people who answered: a lot or everything they had, 6 (50%); a fair amount, "
            + "some (not shown, so that a small count beside it cannot be worked out from the total); none or a little, "
            + "a few or none.");
    }

    @Test
    void nothingIsShownUntilARuleSetIsInPlace() {
        assertThat(with(null).release(LEAD, TEAM, "Payments", NOVEMBER)).isEmpty();
    }
}
