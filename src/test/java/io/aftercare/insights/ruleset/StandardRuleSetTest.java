package io.aftercare.insights.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.Figure.Edge;
import io.aftercare.insights.Question;
import io.aftercare.insights.Release;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;
import io.aftercare.shared.DomainException;

class StandardRuleSetTest {

    static final Instant NOW = Instant.parse("2026-12-10T00:00:00Z");
    static final Window OCTOBER = Window.Months.of(YearMonth.of(2026, 10));
    static final UUID VIEWER = UUID.randomUUID();

    final MemoryReleaseLog log = new MemoryReleaseLog();
    final StandardRuleSet rules = new StandardRuleSet(InsightsProperties.of(5), log, Clock.fixed(NOW, ZoneOffset.UTC));

    static List<UUID> people(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
    }

    /** A cell of these people with {@code yes} of them counted (value 1), the rest not (0). */
    static Cell cell(String label, List<UUID> people, int yes) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            values.add(i < yes ? 1 : 0);
        }
        return new Cell(label, new LinkedHashSet<>(people), values);
    }

    static List<UUID> plus(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    Release share(List<UUID> people, int yes) {
        return rules.release(VIEWER, Question.of("care.stressed", Statistic.SHARE, OCTOBER, cell("all", people, yes)));
    }

    @Test
    void aGroupOfFourBesidesTheViewerIsHiddenLikeAnEmptyOneAndFiveAreShown() {
        assertThat(share(List.of(), 0).whole()).isEqualTo(new Figure.Hidden());
        assertThat(share(people(4), 3).whole()).isEqualTo(new Figure.Hidden());
        List<UUID> withViewer = plus(people(4), List.of(VIEWER));
        assertThat(share(withViewer, 3).whole()).isEqualTo(new Figure.Hidden());
        assertThat(share(people(5), 3).whole()).isEqualTo(new Figure.Share(0, 5, 0, Edge.ALL_BUT_FEW));
    }

    @Test
    void aShareIsExactAwayFromTheEdgesAndOnlyTwoOrFewerAtThem() {
        assertThat(share(people(40), 17).whole()).isEqualTo(new Figure.Share(17, 40, 42.5, Edge.EXACT));
        assertThat(share(people(40), 2).whole()).isEqualTo(new Figure.Share(0, 40, 0, Edge.FEW));
        assertThat(share(people(40), 0).whole()).isEqualTo(new Figure.Share(0, 40, 0, Edge.FEW));
        assertThat(share(people(40), 38).whole()).isEqualTo(new Figure.Share(0, 40, 0, Edge.ALL_BUT_FEW));
        assertThat(share(people(40), 37).whole()).isEqualTo(new Figure.Share(37, 40, 92.5, Edge.EXACT));
    }

    @Test
    void aTrackerPaddedWithOneKnownPersonIsRefusedAndTheSameSetAgainIsNot() {
        List<UUID> team = people(8);
        assertThat(share(team, 4).whole()).isInstanceOf(Figure.Share.class);
        List<UUID> padded = plus(team, people(1));
        assertThat(share(padded, 5).whole()).isEqualTo(new Figure.Hidden());
        List<UUID> fiveMore = plus(team, people(5));
        assertThat(share(fiveMore, 5).whole()).as("overlapping sets differ by k but a difference could be all alike")
            .isEqualTo(new Figure.Hidden());
        assertThat(share(people(6), 3).whole()).as("nobody in common").isInstanceOf(Figure.Share.class);

        List<UUID> shuffled = new ArrayList<>(team);
        Collections.reverse(shuffled);
        int logged = log.size(VIEWER);
        assertThat(share(shuffled, 4).whole()).isEqualTo(share(team, 4).whole()).isInstanceOf(Figure.Share.class);
        assertThat(log.size(VIEWER)).as("the same set again logs nothing new").isEqualTo(logged);
    }

    @Test
    void theViewerDoesNotCountAndTheirOwnAnswerMakesNoDifferentSet() {
        List<UUID> team = people(5);
        assertThat(share(plus(team, List.of(VIEWER)), 3).whole()).isInstanceOf(Figure.Share.class);
        assertThat(share(team, 3).whole()).isInstanceOf(Figure.Share.class);
    }

    @Test
    void anotherViewerHasALogOfTheirOwn() {
        List<UUID> team = people(8);
        share(team, 4);
        Release other = rules.release(UUID.randomUUID(), Question.of("care.stressed", Statistic.SHARE, OCTOBER,
            cell("all", plus(team, people(1)), 4)));
        assertThat(other.whole()).isInstanceOf(Figure.Share.class);
    }

    @Test
    void windowsThatDoNotOverlapAndOtherFiguresAreDecidedApart() {
        List<UUID> team = people(8);
        share(team, 4);
        Question november = Question.of("care.stressed", Statistic.SHARE, Window.Months.of(YearMonth.of(2026, 11)),
            cell("all", plus(team, people(1)), 4));
        assertThat(rules.release(VIEWER, november).whole()).isInstanceOf(Figure.Share.class);
        Question quarter = Question.of("care.stressed", Statistic.SHARE,
            new Window.Months(YearMonth.of(2026, 9), YearMonth.of(2026, 10)), cell("all", plus(team, people(2)), 4));
        assertThat(rules.release(VIEWER, quarter).whole()).as("overlaps October").isEqualTo(new Figure.Hidden());
        Question sleep = Question.of("care.sleep", Statistic.SHARE, OCTOBER, cell("all", plus(team, people(1)), 4));
        assertThat(rules.release(VIEWER, sleep).whole()).isInstanceOf(Figure.Share.class);
    }

    @Test
    void aMonthNotReleasedYetIsNotFound() {
        Question november = Question.of("care.stressed", Statistic.SHARE, Window.Months.of(YearMonth.of(2026, 11)),
            cell("all", people(8), 4));
        Clock early = Clock.fixed(Instant.parse("2026-12-07T23:59:59Z"), ZoneOffset.UTC);
        StandardRuleSet before = new StandardRuleSet(InsightsProperties.of(5), log, early);
        assertThatThrownBy(() -> before.release(VIEWER, november)).isInstanceOf(DomainException.NotFound.class);
        StandardRuleSet after = new StandardRuleSet(InsightsProperties.of(5), log,
            Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC));
        assertThat(after.release(VIEWER, november).whole()).isInstanceOf(Figure.Share.class);
    }

    @Test
    void partsThatCanBeShownAreShownInsteadOfTheWhole() {
        List<UUID> sev1 = people(8);
        List<UUID> sev2 = people(10);
        Release release = rules.release(VIEWER, new Question("care.stressed", Statistic.SHARE, OCTOBER,
            cell("all", plus(sev1, sev2), 4), List.of(cell("SEV1", sev1, 4), cell("SEV2", sev2, 0))));
        assertThat(release.parts()).containsExactly(new Figure.Share(4, 8, 50.0, Edge.EXACT),
            new Figure.Share(0, 10, 0, Edge.FEW));
        assertThat(release.whole()).as("4 of 18 less 4 of 8 would say that nobody in SEV2 was")
            .isEqualTo(new Figure.Hidden());

        Release again = rules.release(VIEWER, Question.of("care.stressed", Statistic.SHARE, OCTOBER,
            cell("all", plus(sev1, sev2), 4)));
        assertThat(again.whole()).as("nor later on its own").isEqualTo(new Figure.Hidden());
    }

    @Test
    void aSmallPartHidesEveryPartButNotTheWhole() {
        List<UUID> sev1 = people(3);
        List<UUID> sev2 = people(10);
        List<UUID> sev3 = people(6);
        List<UUID> all = plus(plus(sev1, sev2), sev3);
        Release release = rules.release(VIEWER, new Question("care.stressed", Statistic.SHARE, OCTOBER,
            cell("all", all, 9), List.of(cell("SEV1", sev1, 1), cell("SEV2", sev2, 5), cell("SEV3", sev3, 3))));
        assertThat(release.parts()).containsOnly(new Figure.Hidden());
        assertThat(release.whole()).isEqualTo(new Figure.Share(9, 19, 47.4, Edge.EXACT));
    }

    @Test
    void partsThatDoNotMakeUpTheWholeAreHidden() {
        List<UUID> sev1 = people(8);
        List<UUID> sev2 = people(10);
        Release release = rules.release(VIEWER, new Question("care.stressed", Statistic.SHARE, OCTOBER,
            cell("all", plus(plus(sev1, sev2), people(1)), 9), List.of(cell("SEV1", sev1, 4), cell("SEV2", sev2, 5))));
        assertThat(release.parts()).containsOnly(new Figure.Hidden());
    }

    @Test
    void bandsMeansAndMedians() {
        List<UUID> team = people(12);
        Cell answers = new Cell("all", new LinkedHashSet<>(team), List.of(1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 1));
        assertThat(rules.release(VIEWER, Question.of("care.mood", Statistic.BANDS, OCTOBER, answers)).whole())
            .isEqualTo(new Figure.Bands(new Figure.Share(4, 12, 33.3, Edge.EXACT),
                new Figure.Share(3, 12, 25.0, Edge.EXACT), new Figure.Share(5, 12, 41.7, Edge.EXACT)));
        assertThat(rules.release(VIEWER, Question.of("care.mood", Statistic.MEAN, OCTOBER, answers)).whole())
            .isEqualTo(new Figure.Mean(3.2, 12));
        assertThat(rules.release(VIEWER, Question.of("care.mood", Statistic.MEDIAN, OCTOBER, answers)).whole())
            .isEqualTo(new Figure.Median(3.0, 12));
        Cell nine = new Cell("nine", new LinkedHashSet<>(people(9)), List.of(1, 1, 1, 1, 1, 1, 1, 1, 2));
        assertThat(rules.release(VIEWER, Question.of("care.sleep", Statistic.MEAN, OCTOBER, nine)).whole())
            .as("to 0.5 under ten, and kept off the end of the scale").isEqualTo(new Figure.Mean(1.5, 9));
    }

    @Test
    void aPollRoundIsDecidedOnItsOwn() {
        UUID round = UUID.randomUUID();
        List<UUID> team = people(6);
        Question q = Question.of("poll.q1", Statistic.SHARE, new Window.PollRound(round), cell("all", team, 3));
        assertThat(rules.release(VIEWER, q).whole()).isEqualTo(new Figure.Share(3, 6, 50.0, Edge.EXACT));
        Question other = Question.of("poll.q1", Statistic.SHARE, new Window.PollRound(UUID.randomUUID()),
            cell("all", plus(team, people(1)), 3));
        assertThat(rules.release(VIEWER, other).whole()).isInstanceOf(Figure.Share.class);
    }

    static Set<UUID> set(List<UUID> people) {
        return new LinkedHashSet<>(people);
    }

    @Test
    void aSetSomeoneWasErasedFromIsGivenTheFigureItWasGivenAndNothingNewIsLogged() {
        List<UUID> ten = people(10);
        Figure before = share(ten, 5).whole();
        assertThat(before).isEqualTo(new Figure.Share(5, 10, 50.0, Edge.EXACT));
        log.erase(ten.get(0));
        int logged = log.size(VIEWER);
        // worked out again without the erased person it would be 4 of 9: the two side by side would give their answer
        assertThat(share(ten.subList(1, 10), 4).whole()).isEqualTo(before);
        assertThat(log.size(VIEWER)).isEqualTo(logged);
        // a set that differs by anyone else is refused as before, and someone new is shown the month as it is
        assertThat(share(plus(ten.subList(2, 10), people(1)), 4).whole()).isEqualTo(new Figure.Hidden());
        assertThat(rules.release(UUID.randomUUID(), Question.of("care.stressed", Statistic.SHARE, OCTOBER,
            cell("all", ten.subList(1, 10), 4))).whole()).isEqualTo(new Figure.Share(4, 9, 44.4, Edge.EXACT));
    }

    @Test
    void theFigureKeptInTheLogReadsBackAsItWasShown() {
        for (Figure figure : List.of(new Figure.Share(17, 40, 42.5, Edge.EXACT), new Figure.Share(0, 9, 0, Edge.FEW),
            new Figure.Bands(new Figure.Share(0, 12, 0, Edge.FEW), new Figure.Share(5, 12, 41.7, Edge.EXACT),
                new Figure.Share(5, 12, 41.7, Edge.EXACT)), new Figure.Mean(2.5, 8), new Figure.Median(95.5, 11))) {
            assertThat(PublishedFigure.read(PublishedFigure.write(figure))).isEqualTo(figure);
        }
    }
}
