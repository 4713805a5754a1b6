package io.aftercare.insights.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.aftercare.insights.Figure;
import io.aftercare.insights.Figure.Edge;

/**
 * Rule 6 across the cells of one distribution (decision 0074): the three bands of a five-point answer, or the options
 * of a single-choice poll question with the sum of two of them ("often or always"). Each cell is a share of the same
 * respondents, so the total less the exact cells gives the others: a cell that reads "2 or fewer" would be worked out
 * exactly. Here cells are withheld ({@link Edge#WITHHELD}), one at a time in a fixed order, until no cell that is not
 * exact (nor the sum) can be narrowed to one count from the figures shown and the total. Pure and deterministic
 * (rule 7): it reads only the figures shown, never a count that is not. What it does not stop: a reader who knows
 * that a withheld cell was most likely exact (3 or more) can narrow some small groups further (decision 0074).
 */
final class Distribution {

    private Distribution() {
    }

    /**
     * The cells as they may be shown together.
     *
     * @param cells     each cell's share, as {@link Coarse#share} gives it, all of the same respondents
     * @param skippable whether a respondent may have chosen none of the cells (a skipped poll question), so that
     *                  the cells add up to at most the respondents rather than exactly
     * @param summed    the cells (by index) whose sum is shown too, or empty
     * @param sum       the share of the summed cells, or null when none is shown
     * @return the cells, then the sum if there is one, with those that must not be shown exactly withheld
     */
    static List<Figure.Share> together(List<Figure.Share> cells, boolean skippable, Set<Integer> summed,
                                       Figure.Share sum) {
        List<Figure.Share> shown = new ArrayList<>(cells);
        if (sum != null) {
            shown.add(sum);
        }
        if (shown.isEmpty()) {
            return shown;
        }
        int of = shown.get(0).of();
        Ranges ranges = new Ranges(of);
        int sumAt = sum != null ? cells.size() : -1;
        while (true) {
            int pinned = new Model(shown, ranges, skippable, summed, sumAt).pinned();
            if (pinned < 0) {
                return shown;
            }
            int next = nextToWithhold(shown, summed, sumAt, pinned);
            if (next < 0) {
                return shown;
            }
            shown.set(next, withheld(of));
        }
    }

    /**
     * The cell withheld next, in a fixed order: an exact cell on the pinned cell's side of the sum, then any exact
     * cell, then the sum if exact; and only when nothing exact is left (every cell at an edge: six people, two in
     * each band), a cell at an edge in the same order. So a withheld cell can stand for any count.
     */
    private static int nextToWithhold(List<Figure.Share> shown, Set<Integer> summed, int sumAt, int pinned) {
        int cells = sumAt < 0 ? shown.size() : sumAt;
        boolean inSum = pinned == sumAt || summed.contains(pinned);
        for (boolean exactOnly : new boolean[] {true, false}) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < cells; i++) {
                    Edge edge = shown.get(i).edge();
                    boolean sameSide = summed.contains(i) == inSum;
                    if ((pass == 1 || sameSide) && edge != Edge.WITHHELD && (edge == Edge.EXACT || !exactOnly)) {
                        return i;
                    }
                }
            }
            if (sumAt >= 0 && shown.get(sumAt).edge() != Edge.WITHHELD
                && (shown.get(sumAt).edge() == Edge.EXACT || !exactOnly)) {
                return sumAt;
            }
        }
        return -1;
    }

    static Figure.Share withheld(int of) {
        return new Figure.Share(0, of, 0, Edge.WITHHELD);
    }

    /** A closed range of counts. */
    private record Range(int low, int high) {

        static final Range NONE = new Range(1, 0);

        boolean empty() {
            return low > high;
        }

        Range plus(Range other) {
            return empty() || other.empty() ? NONE : new Range(low + other.low, high + other.high);
        }

        /** {@code this − other}: every a − b. */
        Range minus(Range other) {
            return empty() || other.empty() ? NONE : new Range(low - other.high, high - other.low);
        }

        Range and(Range other) {
            Range r = new Range(Math.max(low, other.low), Math.min(high, other.high));
            return r.empty() ? NONE : r;
        }

        int size() {
            return empty() ? 0 : high - low + 1;
        }
    }

    /** The counts each edge can stand for among {@code of} respondents, read off {@link Coarse#share} itself. */
    private static final class Ranges {

        private final Range few;
        private final Range allButFew;
        private final Range any;

        Ranges(int of) {
            Range f = Range.NONE;
            Range a = Range.NONE;
            for (int c = 0; c <= of; c++) {
                Range one = new Range(c, c);
                switch (Coarse.share(c, of).edge()) {
                    case FEW -> f = f.empty() ? one : new Range(f.low, c);
                    case ALL_BUT_FEW -> a = a.empty() ? one : new Range(a.low, c);
                    default -> {
                    }
                }
            }
            this.few = f;
            this.allButFew = a;
            this.any = new Range(0, of);
        }

        Range of(Figure.Share share) {
            return switch (share.edge()) {
                case EXACT -> new Range(share.count(), share.count());
                case FEW -> few;
                case ALL_BUT_FEW -> allButFew;
                case WITHHELD -> any;
            };
        }
    }

    /**
     * What a reader knows: each cell within its range, the summed cells' total within the sum's range, and all cells
     * (with the skipped, when they may be) adding up to the respondents. The summed cells and the others are two
     * sides whose totals are ranges too; a cell's possible counts are its range and what its side's total leaves.
     */
    private record Model(List<Figure.Share> shown, Ranges ranges, boolean skippable, Set<Integer> summed,
                         int sumAt) {

        /** The first cell (or the sum) that is not exact and has only one possible count, or −1. */
        int pinned() {
            int of = shown.get(0).of();
            int cells = sumAt < 0 ? shown.size() : sumAt;
            Range inSum = new Range(0, 0);
            Range rest = skippable ? new Range(0, of) : new Range(0, 0);
            for (int i = 0; i < cells; i++) {
                Range r = ranges.of(shown.get(i));
                if (summed.contains(i)) {
                    inSum = inSum.plus(r);
                } else {
                    rest = rest.plus(r);
                }
            }
            Range sumShown = sumAt < 0 ? new Range(0, of) : ranges.of(shown.get(sumAt));
            Range all = new Range(of, of);
            Range sumSide = inSum.and(sumShown).and(all.minus(rest));
            Range restSide = rest.and(all.minus(sumSide));
            if (sumAt >= 0 && shown.get(sumAt).edge() != Edge.EXACT && sumSide.size() < 2) {
                return sumAt;
            }
            for (int i = 0; i < cells; i++) {
                if (shown.get(i).edge() == Edge.EXACT) {
                    continue;
                }
                Range own = ranges.of(shown.get(i));
                boolean in = summed.contains(i);
                Range others = in || !skippable ? new Range(0, 0) : new Range(0, of);
                for (int j = 0; j < cells; j++) {
                    if (j != i && summed.contains(j) == in) {
                        others = others.plus(ranges.of(shown.get(j)));
                    }
                }
                if (own.and((in ? sumSide : restSide).minus(others)).size() < 2) {
                    return i;
                }
            }
            return -1;
        }
    }
}
