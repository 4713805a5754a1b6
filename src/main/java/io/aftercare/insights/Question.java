package io.aftercare.insights;

import java.util.List;
import java.util.Objects;

/**
 * One figure asked for: a stable name ({@code "care.stressed"}, {@code "poll.q1.stressed"}), what is worked out over
 * the values, the closed window it covers, the whole group and, optionally, its parts (by severity, by hours, by
 * team) to which the remainder rule and secondary suppression apply. The parts must split the whole (each person in
 * exactly one part, the cells built from membership snapshots, see {@link Cell}); a question gives its whole or its
 * parts, never both (decision 0038). The release log compares sets within one figure name, so the same values are
 * always asked about under the same name.
 */
public record Question(String figure, Statistic statistic, Window window, Cell whole, List<Cell> parts) {

    public Question {
        Objects.requireNonNull(figure);
        Objects.requireNonNull(statistic);
        Objects.requireNonNull(window);
        Objects.requireNonNull(whole);
        parts = List.copyOf(parts);
    }

    public static Question of(String figure, Statistic statistic, Window window, Cell whole) {
        return new Question(figure, statistic, window, whole, List.of());
    }
}
