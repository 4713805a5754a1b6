package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.peersupport.requests.SupportRequestStore.Row;

/**
 * The person closes their own request, at any point: a supporter who has not acknowledged it yet is no longer asked
 * to, and coordinators no longer see it.
 */
@Component
class CloseOwnRequest {

    private final SupportRequestStore store;
    private final RequestViews views;
    private final Clock clock;

    CloseOwnRequest(SupportRequestStore store, RequestViews views, Clock clock) {
        this.store = store;
        this.views = views;
        this.clock = clock;
    }

    void close(UUID me, UUID requestId) {
        Row row = views.own(me, requestId);
        if (row.status().open()) {
            Instant now = clock.instant();
            store.close(requestId, ClosedBy.PERSON, now);
            if (row.assignmentId() != null && row.status() == RequestStatus.ASSIGNED) {
                store.endAssignment(row.assignmentId(), AssignmentOutcome.WITHDRAWN, now);
            }
            store.resolveNotices(requestId, now);
        }
    }
}
