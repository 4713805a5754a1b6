package io.aftercare.polls.definition;

/**
 * What a template's question stands for, so that the results can say it in the talk's words and draw the reach-out
 * gap. A question made from scratch has none.
 */
public enum QuestionRole {
    /** How stressed: the headline is "were stressed or very stressed" (the two highest choices). */
    STRESS,
    /** How often coworkers reach out to the person. */
    REACHED_OUT_TO,
    /** How often the person reaches out to coworkers. */
    REACHES_OUT
}
