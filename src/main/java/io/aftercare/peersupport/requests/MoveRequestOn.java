package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.peersupport.SupportFound;
import io.aftercare.peersupport.SupportReassigned;
import io.aftercare.peersupport.SupportWaiting;
import io.aftercare.peersupport.requests.AssignSupporter.Assigned;
import io.aftercare.peersupport.requests.SupportRequestStore.Row;
import io.aftercare.shared.DomainException;

/**
 * A request that is not acknowledged in time moves on to the next eligible supporter; one that nobody is left for
 * waits until a coordinator tries it again.
 */
@Component
class MoveRequestOn {

    private final SupportRequestStore store;
    private final AssignSupporter assigner;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MoveRequestOn(SupportRequestStore store, AssignSupporter assigner, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.assigner = assigner;
        this.events = events;
        this.clock = clock;
    }

    /** The acknowledgement deadline of one assignment passed: if it is still waiting, the request moves on. */
    void deadlinePassed(UUID assignmentId) {
        Optional<Row> row = store.findByAssignmentForUpdate(assignmentId);
        if (row.isEmpty() || row.get().status() != RequestStatus.ASSIGNED) {
            return;
        }
        Instant now = clock.instant();
        store.endAssignment(assignmentId, AssignmentOutcome.TIMED_OUT, now);
        Set<UUID> tried = new HashSet<>(store.supportersTried(row.get().id()));
        Optional<Assigned> next = assigner.assign(row.get().id(), row.get().personId(), tried);
        events.publishEvent(new SupportReassigned(row.get().id(), row.get().supporterId(),
            next.map(Assigned::supporterId).orElse(null), next.map(Assigned::acknowledgeBy).orElse(null), now));
        if (next.isEmpty()) {
            events.publishEvent(new SupportWaiting(row.get().id(), row.get().personId(), now));
        }
    }

    /**
     * A coordinator tries a waiting request again (a supporter came back from a break, or joined).
     *
     * @return whether the request is with a supporter now
     */
    boolean retry(UUID requestId) {
        Row row = store.findForUpdate(requestId).orElseThrow(() -> DomainException.notFound("Request"));
        if (row.status() != RequestStatus.UNASSIGNED) {
            return true;
        }
        // coordinators who were told of it once are not told again when it still waits after this try
        boolean told = store.toldOfOpenNotice(requestId, NoticeKind.NOBODY_ELIGIBLE);
        store.deleteOpenNotices(requestId);
        Set<UUID> tried = new HashSet<>(store.supportersTriedExcept(requestId, AssignmentOutcome.TIMED_OUT));
        Optional<Assigned> assigned = assigner.assign(requestId, row.personId(), tried);
        if (assigned.isEmpty()) {
            if (told) {
                store.markOpenNoticesTold(requestId, clock.instant());
            }
            return false;
        }
        // the supporter is told as for a first assignment, and the person, who was told nobody was free, that
        // someone is now
        Instant now = clock.instant();
        events.publishEvent(new SupportReassigned(requestId, null, assigned.get().supporterId(),
            assigned.get().acknowledgeBy(), now));
        events.publishEvent(new SupportFound(requestId, row.personId(), now));
        return true;
    }
}
