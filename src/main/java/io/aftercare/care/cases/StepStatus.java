package io.aftercare.care.cases;

/** Where a step stands; stored by name in {@code care_step.status}. */
enum StepStatus {

    /** Planned, with its job; not shown to anyone yet. */
    SCHEDULED,
    /** Fell due and waits for an answer. */
    PENDING,
    /** Answered with the form (or the API's body). */
    ANSWERED,
    /** “Not now”. */
    NOT_NOW,
    /** “I'm fine, thanks”. */
    FINE,
    /** Passed quietly: the case was closed or muted, or the person opted out. */
    SKIPPED,
    /** A later step came before this one was answered. */
    LAPSED;

    /** The status a one-click response leaves its step in. */
    static StepStatus of(Answers.QuickResponse response) {
        return switch (response) {
            case NOT_NOW -> NOT_NOW;
            case FINE -> FINE;
        };
    }

    /** Whether a check-in in this status counts as checked in (for the case's stage). */
    boolean checkedIn() {
        return this == ANSWERED || this == FINE;
    }
}
