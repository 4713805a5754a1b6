package io.aftercare.insights.oncall;

import java.util.List;

/**
 * How evenly a rotation's interruptions fell: the most-loaded person's interruptions against the median person's.
 *
 * @param ratio {@code most / median} to one decimal; null when the median is 0 (then any interruption is uneven)
 */
record Fairness(int most, double median, Double ratio) {

    /** Above this the load is uneven enough to say so. */
    static final double UNEVEN = 2.0;

    static Fairness of(List<Integer> interruptions) {
        if (interruptions.isEmpty()) {
            return new Fairness(0, 0, null);
        }
        List<Integer> sorted = interruptions.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        int most = sorted.get(n - 1);
        Double ratio = median == 0 ? null : Math.round(most * 10.0 / median) / 10.0;
        return new Fairness(most, median, ratio);
    }

    public boolean uneven() {
        return ratio == null ? most > 0 : ratio > UNEVEN;
    }
}
