package io.aftercare.insights.teams;

import java.time.YearMonth;
import java.util.List;

import io.aftercare.insights.Figure;

/**
 * What one viewer may read of one released month, for a team or the whole organisation: every figure as the rule
 * set released it, with its sentence. The page, its CSV and the API are all made from this one value, so they show
 * the same figures with the same suppression.
 */
public record InsightReport(YearMonth month, String monthLabel, List<Section> sections) {

    public InsightReport {
        sections = List.copyOf(sections);
    }

    /** A group of figures about one thing ("Stress after incidents"), with its heading and chart. */
    public record Section(String id, String heading, List<Line> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One released figure.
     *
     * @param figure the question's stable name ({@code care.stressed.severity})
     * @param group  which part of the question ({@code all}, {@code SEV1}, {@code SLEEP}, …)
     * @param label  what it is about, in words
     * @param text   the plain sentence; for a hidden figure, "Not enough answers to show without identifying anyone"
     * @param bars   what the chart draws, from the released figure only; empty when nothing is shown
     */
    public record Line(String figure, String group, String label, String text, Figure released, List<Bar> bars) {
        public Line {
            bars = List.copyOf(bars);
        }

        public boolean hidden() {
            return released instanceof Figure.Hidden;
        }
    }

    /** One bar (or one band of a stacked bar), as a share of 100. */
    public record Bar(double percent, String kind) {
    }
}
