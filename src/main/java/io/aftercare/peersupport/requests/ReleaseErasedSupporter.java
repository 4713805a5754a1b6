package io.aftercare.peersupport.requests;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.peersupport.SupportWaiting;
import io.aftercare.peersupport.requests.SupportRequestStore.Row;

/**
 * A supporter's data is erased: someone else's request that was still waiting for them to acknowledge it is theirs
 * no more and waits for a coordinator to try it again, like a request nobody could take, and the person who asked
 * is told that nobody is free yet. Called by peer support's part of the erasure, in its transaction.
 */
@Component
public class ReleaseErasedSupporter {

    private final SupportRequestStore store;
    private final ApplicationEventPublisher events;

    ReleaseErasedSupporter(SupportRequestStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    public void release(UUID supporterId, Instant now) {
        for (Row row : store.assignedTo(supporterId)) {
            if (row.status() != RequestStatus.ASSIGNED) {
                continue;
            }
            if (row.assignmentId() != null) {
                store.endAssignment(row.assignmentId(), AssignmentOutcome.WITHDRAWN, now);
            }
            store.markUnassigned(row.id());
            store.addNotice(row.id(), NoticeKind.NOBODY_ELIGIBLE, now);
            events.publishEvent(new SupportWaiting(row.id(), row.personId(), now));
        }
    }
}
