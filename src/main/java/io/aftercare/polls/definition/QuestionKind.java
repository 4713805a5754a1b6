package io.aftercare.polls.definition;

/** How a question is answered. Every question may be skipped. */
public enum QuestionKind {
    /** One of five ordered choices (not at all … very, never … always). */
    SCALE,
    /** One of its choices. */
    ONE,
    /** Any of its choices. */
    MANY
}
