package io.aftercare.insights;

/** What a question works out over its values. */
public enum Statistic {
    /** Values 0 or 1: how many of the respondents are counted ("17 of 40 (42.5%)"). */
    SHARE,
    /** Values 1–5 on an answer scale: the shares in three bands (1–2, 3, 4–5). */
    BANDS,
    /** Values on a scale: the mean, rounded to 0.5 under 10 respondents. */
    MEAN,
    /** Values such as minutes or a change between two measures: the median. */
    MEDIAN
}
