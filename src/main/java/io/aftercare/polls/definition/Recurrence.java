package io.aftercare.polls.definition;

/** Whether a poll runs once or again every quarter (a new round three months after the last one opened). */
public enum Recurrence {
    ONCE, QUARTERLY
}
