package io.aftercare.insights.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.aftercare.insights.Figure;
import io.aftercare.insights.Figure.Edge;

/**
 * Decision 0074: a count shown as "2 or fewer" or "all but 2 or fewer", or withheld, can never be worked out exactly
 * from the other figures of its distribution and the total. The proof is exhaustive, not sampled: for each size, every
 * possible set of counts is run through {@link Distribution#together}, the sets are grouped by what a reader is shown,
 * and within each group every count that is not shown exactly must still have at least two possible values. A reader
 * who knows the rule itself, and so which cells it withholds for which counts, learns no more than the group.
 */
class DistributionTest {

    /** A distribution's shape: how many cells, whether respondents may choose none, and which cells are summed. */
    record Shape(String name, int cells, boolean skippable, Set<Integer> summed, int largest) {
    }

    static final List<Shape> SHAPES = List.of(
        new Shape("a five-point answer's three bands", 3, false, Set.of(), 40),
        new Shape("a poll question of five options with its top two summed", 5, true, Set.of(3, 4), 12),
        new Shape("the same, no option skipped", 5, false, Set.of(3, 4), 14),
        new Shape("a poll question of four options", 4, true, Set.of(), 14),
        new Shape("a poll question of seven options", 7, true, Set.of(), 8));

    @Test
    void noCountShownAtAnEdgeOrWithheldCanBeWorkedOutExactly() {
        List<String> failures = new ArrayList<>();
        for (Shape shape : SHAPES) {
            for (int of = 3; of <= shape.largest(); of++) {
                int respondents = of;
                List<int[]> all = new ArrayList<>();
                counts(shape.cells(), of, shape.skippable(), counts -> all.add(counts.clone()));
                Map<List<Figure.Share>, List<int[]>> byCoarse = new HashMap<>();
                all.forEach(c -> byCoarse.computeIfAbsent(coarse(shape, c, respondents), x -> new ArrayList<>())
                    .add(c));
                Set<List<Figure.Share>> outputs = new HashSet<>();
                all.forEach(c -> outputs.add(shown(shape, c, respondents)));
                for (List<Figure.Share> shown : outputs) {
                    // every set of counts whose figures read as these: the same where shown, exact where withheld
                    List<int[]> possible = byCoarse.entrySet().stream().filter(e -> readsAs(e.getKey(), shown))
                        .flatMap(e -> e.getValue().stream()).toList();
                    for (int i = 0; i < shown.size(); i++) {
                        if (shown.get(i).edge() == Edge.EXACT) {
                            continue;
                        }
                        int cell = i;
                        Set<Integer> values = new TreeSet<>();
                        possible.forEach(c -> values.add(cell < shape.cells() ? c[cell] : sum(shape, c)));
                        if (values.size() < 2) {
                            failures.add(shape.name() + " of " + of + ": " + shown + " gives cell " + i
                                + " as " + values);
                        }
                    }
                }
            }
        }
        assertThat(failures).as("counts that can be worked out exactly").isEmpty();
    }

    /** Whether figures worked out from some counts ({@code coarse}) read as what is shown (withheld: any count). */
    private static boolean readsAs(List<Figure.Share> coarse, List<Figure.Share> shown) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).edge() != Edge.WITHHELD && !coarse.get(i).equals(shown.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void sixPeopleTwoInEachBandWithholdTheFirstBand() {
        // each band "2 or fewer of 6" would say two each: nothing is exact, so a band at an edge is withheld
        Figure.Bands bands = Coarse.bands(List.of(1, 2, 3, 3, 4, 5));
        assertThat(List.of(bands.low(), bands.middle(), bands.high())).extracting(Figure.Share::edge)
            .containsExactly(Edge.WITHHELD, Edge.FEW, Edge.FEW);
    }

    @Test
    void whatIsShownExactlyIsTrueAndNothingIsWithheldWithoutNeed() {
        for (Shape shape : SHAPES) {
            for (int of = 3; of <= Math.min(14, shape.largest()); of++) {
                int respondents = of;
                counts(shape.cells(), of, shape.skippable(), counts -> {
                    List<Figure.Share> shown = shown(shape, counts, respondents);
                    List<Figure.Share> coarse = coarse(shape, counts, respondents);
                    for (int i = 0; i < shown.size(); i++) {
                        Figure.Share s = shown.get(i);
                        if (s.edge() != Edge.WITHHELD) {
                            assertThat(s).isEqualTo(coarse.get(i));
                        }
                    }
                    if (coarse.stream().allMatch(s -> s.edge() == Edge.EXACT)) {
                        assertThat(shown).as("every count exact: nothing to give away").isEqualTo(coarse);
                    }
                });
            }
        }
    }

    @Test
    void theTalksPollKeepsItsHeadlineAndWithholdsOneOptionBesideASmallOne() {
        // "how stressed": 3, 8, 12, 11, 6 of 40 — nothing at an edge, so all of it, and 17 stressed or very stressed
        Shape poll = SHAPES.get(1);
        List<Figure.Share> stress = shown(poll, new int[] {3, 8, 12, 11, 6}, 40);
        assertThat(stress).extracting(Figure.Share::edge).containsOnly(Edge.EXACT);
        assertThat(stress.get(5).count()).isEqualTo(17);
        // "coworkers reach out to me": 9, 14, 11, 5, 1 of 40; "often or always" 6 less "often" 5 gave "always" 1
        List<Figure.Share> reached = shown(poll, new int[] {9, 14, 11, 5, 1}, 40);
        assertThat(reached).extracting(Figure.Share::edge)
            .containsExactly(Edge.EXACT, Edge.EXACT, Edge.EXACT, Edge.WITHHELD, Edge.FEW, Edge.EXACT);
        assertThat(reached.get(5).count()).isEqualTo(6);
    }

    @Test
    void aBandAtAnEdgeBesideTwoExactOnesWithholdsTheFirstOfThem() {
        Figure.Bands bands = Coarse.bands(List.of(1, 3, 3, 3, 4, 4, 4, 4, 5));
        assertThat(bands.low().edge()).isEqualTo(Edge.FEW);
        assertThat(bands.middle().edge()).isEqualTo(Edge.WITHHELD);
        assertThat(bands.high()).isEqualTo(new Figure.Share(5, 9, 55.6, Edge.EXACT));
        assertThat(Coarse.bands(List.of(1, 1, 1, 3, 3, 3, 5, 5, 5)).low()).isEqualTo(new Figure.Share(3, 9, 33.3,
            Edge.EXACT));
    }

    private static List<Figure.Share> coarse(Shape shape, int[] counts, int of) {
        List<Figure.Share> cells = new ArrayList<>();
        for (int c : counts) {
            cells.add(Coarse.share(c, of));
        }
        if (!shape.summed().isEmpty()) {
            cells.add(Coarse.share(sum(shape, counts), of));
        }
        return cells;
    }

    private static List<Figure.Share> shown(Shape shape, int[] counts, int of) {
        List<Figure.Share> coarse = coarse(shape, counts, of);
        boolean summed = !shape.summed().isEmpty();
        return Distribution.together(coarse.subList(0, shape.cells()), shape.skippable(), shape.summed(),
            summed ? coarse.get(shape.cells()) : null);
    }

    private static int sum(Shape shape, int[] counts) {
        return shape.summed().stream().mapToInt(i -> counts[i]).sum();
    }

    /** Every way of {@code cells} counts adding up to {@code of} (or to at most {@code of} when skippable). */
    private static void counts(int cells, int of, boolean skippable, Consumer<int[]> each) {
        fill(new int[cells], 0, of, skippable, each);
    }

    private static void fill(int[] counts, int at, int left, boolean skippable, Consumer<int[]> each) {
        if (at == counts.length - 1) {
            for (int c = skippable ? 0 : left; c <= left; c++) {
                counts[at] = c;
                each.accept(counts);
            }
            return;
        }
        for (int c = 0; c <= left; c++) {
            counts[at] = c;
            fill(counts, at + 1, left - c, skippable, each);
        }
    }
}
