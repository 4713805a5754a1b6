package io.aftercare.care.cases;

/** A step of a case: its one check-in (day 0) or a follow-up; stored by name in {@code care_step.kind}. */
enum StepKind {
    CHECK_IN, FOLLOW_UP
}
