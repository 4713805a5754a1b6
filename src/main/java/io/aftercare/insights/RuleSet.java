package io.aftercare.insights;

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
}
