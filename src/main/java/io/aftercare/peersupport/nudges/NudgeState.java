package io.aftercare.peersupport.nudges;

/** Where a nudge stands ({@code support_nudge.status}). */
enum NudgeState {
    /** Waiting out its recipient's quiet hours. */
    SCHEDULED,
    /** Shown to its recipient; never taken back. */
    DELIVERED,
    /** Its recipient said "I reached out". */
    DONE,
    /** Dropped before delivery: the person closed their case, opted out, or no longer wished it. */
    WITHDRAWN,
    /** Chosen, but not nudged: they have a recent case of their own open. Never shown to anyone but them. */
    SKIPPED;

    /** What its recipient sees: delivered, and done once they reached out. */
    static final java.util.List<NudgeState> SHOWN = java.util.List.of(DELIVERED, DONE);
}
