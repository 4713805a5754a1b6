package io.aftercare.insights.ruleset;

import java.util.List;
import java.util.Set;

import io.aftercare.insights.Figure;
import io.aftercare.insights.Figure.Edge;
import io.aftercare.insights.Statistic;

/**
 * Rule 6, coarse outputs: what is worked out over one group's values, as it may be shown. Pure and deterministic
 * (rule 7): the same values give the same figure, with no randomness at all.
 */
final class Coarse {

    /** "2 or fewer" and "all but 2 or fewer": a count this close to either end is not shown exactly. */
    static final int FEW = 2;

    private Coarse() {
    }

    static Figure figure(Statistic statistic, List<Integer> values) {
        return switch (statistic) {
            case SHARE -> share(values.stream().filter(v -> v != 0).count(), values.size());
            case BANDS -> bands(values);
            case MEAN -> mean(values);
            case MEDIAN -> median(values);
        };
    }

    /**
     * The three bands of a five-point answer, each a share of the same people, so that the total less two exact
     * bands would give the third: a band is withheld where that would tell a count shown at an edge (decision 0074).
     */
    static Figure.Bands bands(List<Integer> values) {
        List<Figure.Share> bands = Distribution.together(List.of(
            share(values.stream().filter(v -> v <= 2).count(), values.size()),
            share(values.stream().filter(v -> v == 3).count(), values.size()),
            share(values.stream().filter(v -> v >= 4).count(), values.size())), false, Set.of(), null);
        return new Figure.Bands(bands.get(0), bands.get(1), bands.get(2));
    }

    /**
     * {@code count} of {@code of}, exact with its percentage to one decimal, or only "2 or fewer" / "all but 2 or
     * fewer" at the edges, where the count and percentage are left at 0 so that they cannot be shown by mistake. In a
     * group of three, "all but 2 or fewer" would otherwise mean all three.
     */
    static Figure.Share share(long count, int of) {
        boolean few = count <= FEW;
        boolean allButFew = of - count <= FEW;
        if (few && allButFew) {
            // in a group of three or four both are true: the nearer end, so that neither reads as one exact count
            few = 2 * count <= of;
        }
        if (few) {
            return new Figure.Share(0, of, 0, Edge.FEW);
        }
        if (allButFew) {
            return new Figure.Share(0, of, 0, Edge.ALL_BUT_FEW);
        }
        return new Figure.Share((int) count, of, Math.round(1000.0 * count / of) / 10.0, Edge.EXACT);
    }

    /**
     * The mean, to 0.5 under ten respondents and to 0.1 from ten. On the five-point answer scale it is kept off the
     * ends (1.5 to 4.5 under ten, 1.2 to 4.8 from ten): a mean of exactly 1 would say what every one of them answered.
     */
    static Figure.Mean mean(List<Integer> values) {
        double mean = values.stream().mapToInt(Integer::intValue).average().orElse(0);
        boolean few = values.size() < 10;
        double step = few ? 0.5 : 0.1;
        double rounded = Math.round(mean / step) * step;
        if (values.stream().allMatch(v -> v >= 1 && v <= 5)) {
            double margin = few ? 0.5 : 0.2;
            rounded = Math.max(1 + margin, Math.min(5 - margin, rounded));
        }
        return new Figure.Mean(Math.round(rounded * 10) / 10.0, values.size());
    }

    /** The median (the mean of the two middle values for an even number of them). */
    static Figure.Median median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return new Figure.Median(median, n);
    }
}
