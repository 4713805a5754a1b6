package io.aftercare.insights;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The only way a figure about people's answers is shown to anyone (docs/privacy.md, "Aggregates", rules 1–8):
 * at least {@link #k()} respondents not counting the viewer, the remainder rule and secondary suppression across a
 * question's parts, closed and frozen windows, a per-viewer log of released respondent sets, coarse outputs, and
 * the same answer for the same set. Whether a figure is shown depends only on <em>who</em> is in the sets, never on
 * what they answered, so a refusal tells nobody anything.
 */
public interface RuleSet {

    /** The minimum number of respondents besides the viewer ({@code aftercare.insights.k}: 5, never below 3). */
    int k();

    /**
     * Releases one question to one viewer: its whole group and each of its parts, each either shown (coarsened) or
     * hidden. What is shown is recorded against the viewer, so that a later question cannot be combined with it to
     * single anyone out.
     */
    Release release(UUID viewer, Question question);

    /**
     * Rule 6 across the options of one single-choice question, each released on its own over the same respondents:
     * the respondents less the exact options would give the count of one shown as "2 or fewer", so options are
     * withheld ({@link Figure.Edge#WITHHELD}, exact ones first) until no option, nor the sum shown beside them, can be
     * worked out to one count (decision 0074). Depends only on the figures given, never on a count they do not show.
     *
     * @param options   each option's figure as {@link #release} gave it, in the question's order
     * @param summed    the options (by index from 0) whose sum is shown too ("often or always"), or empty
     * @param sum       the sum's figure as {@link #release} gave it, or null
     * @param skippable whether a respondent may have chosen no option
     * @return the options, then the sum when there is one, as they may be shown
     */
    List<Figure> together(List<Figure> options, Set<Integer> summed, Figure sum, boolean skippable);
}
