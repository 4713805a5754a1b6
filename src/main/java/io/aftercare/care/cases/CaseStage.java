package io.aftercare.care.cases;

/** Where a care case stands; stored by name in {@code care_case.stage}. */
enum CaseStage {

    /** Opened, its check-in not answered yet. */
    OPENED,
    /** The check-in was answered (or “I'm fine”). */
    CHECKED_IN,
    /** A follow-up has fallen due. */
    FOLLOWING_UP,
    /** Closed by the person or by its last follow-up; steps still to come pass quietly. */
    CLOSED;

    boolean open() {
        return this != CLOSED;
    }

    /**
     * The stage a closed case goes back to when it is reopened: as far as it had come before it was closed.
     *
     * @param followedUp whether a follow-up of the case has fallen due
     * @param checkedIn  whether its check-in was answered
     */
    static CaseStage reopened(boolean followedUp, boolean checkedIn) {
        return followedUp ? FOLLOWING_UP : checkedIn ? CHECKED_IN : OPENED;
    }
}
