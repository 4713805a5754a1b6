package io.aftercare.peersupport.requests;

/** How one supporter's turn with a request ended, as stored in {@code support_assignment.outcome}. */
public enum AssignmentOutcome {
    /** Still waiting for the supporter to acknowledge. */
    PENDING,
    ACKNOWLEDGED,
    /** The acknowledgement deadline passed; the request moved on. */
    TIMED_OUT,
    /** The person closed the request, or the supporter was erased, before it was acknowledged. */
    WITHDRAWN;

    /** Whether the supporter answered the request one way or the other (what programme health counts). */
    public boolean decided() {
        return this == ACKNOWLEDGED || this == TIMED_OUT;
    }
}
