package io.aftercare.insights;

/**
 * One released figure, already coarsened (rule 6). {@link Hidden} is the same for an empty group, a group of one to
 * k − 1, a part hidden by the remainder rule or secondary suppression, and a release refused by the viewer's log: a
 * page shows "Not enough answers to show without identifying anyone" for each and nothing else.
 */
public sealed interface Figure {

    /** Not shown, for whichever reason. */
    record Hidden() implements Figure {
    }

    /**
     * {@code count} of {@code of} (with the percentage to one decimal). At the edges the count is not exact:
     * {@link Edge#FEW} reads "2 or fewer of 40", {@link Edge#ALL_BUT_FEW} "all but 2 or fewer of 40"; a cell of a
     * distribution can be {@link Edge#WITHHELD}; and then {@code count} and {@code percent} are not to be shown.
     */
    record Share(int count, int of, double percent, Edge edge) implements Figure {
    }

    /** The shares of answers 1–2, 3 and 4–5 on a five-point scale, each a {@link Share} of the same respondents. */
    record Bands(Share low, Share middle, Share high) implements Figure {
    }

    /** A mean on the question's scale, rounded to 0.5 under 10 respondents; {@code of} is how many answered. */
    record Mean(double value, int of) implements Figure {
    }

    /** A median; {@code of} is how many answered. */
    record Median(double value, int of) implements Figure {
    }

    /**
     * Whether a share's count is exact, coarsened at an edge, or withheld: a cell of a distribution (a band, a poll
     * question's option) that, shown exactly, would let the total give away a count shown at an edge.
     */
    enum Edge {
        EXACT, FEW, ALL_BUT_FEW, WITHHELD
    }
}
