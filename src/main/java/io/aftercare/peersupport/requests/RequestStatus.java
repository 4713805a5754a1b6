package io.aftercare.peersupport.requests;

import java.util.List;

/**
 * Where a support request stands, as stored in {@code support_request.status}. The person sees fewer states than
 * this ({@link #asSeenByPerson()}): whether a supporter has it yet but not acknowledged is not theirs to wait on.
 */
public enum RequestStatus {
    /** Nobody eligible was free: it waits for a coordinator's "Try again". */
    UNASSIGNED,
    /** With a supporter who has not acknowledged it yet; their deadline runs. */
    ASSIGNED,
    /** The supporter said they will be in touch; the contact deadline runs. */
    ACKNOWLEDGED,
    /** They talked. */
    CONTACT_MADE,
    CLOSED;

    /** What a supporter holds: counted as their current load. */
    static final List<RequestStatus> HELD = List.of(ASSIGNED, ACKNOWLEDGED, CONTACT_MADE);

    boolean open() {
        return this != CLOSED;
    }

    /** Whether the supporter is shown how to reach the person: once they said they will be in touch, until closed. */
    boolean reachable() {
        return this == ACKNOWLEDGED || this == CONTACT_MADE;
    }

    OwnStatus asSeenByPerson() {
        return switch (this) {
            case UNASSIGNED, ASSIGNED -> OwnStatus.WAITING;
            case ACKNOWLEDGED -> OwnStatus.ACKNOWLEDGED;
            case CONTACT_MADE -> OwnStatus.CONTACT_MADE;
            case CLOSED -> OwnStatus.CLOSED;
        };
    }

    /** A request as the person who asked sees it: waiting until a supporter says they will be in touch. */
    public enum OwnStatus {
        WAITING, ACKNOWLEDGED, CONTACT_MADE, CLOSED
    }
}
