package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.peersupport.SupportAcknowledged;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.requests.SupportRequestStore.Row;
import io.aftercare.shared.DomainException;

/**
 * The assigned supporter's part: they will be in touch (acknowledged, and the contact deadline starts), they talked
 * (which counts as outreach on the person's case), and closing it once acknowledged. Each step is taken once; doing
 * it again changes nothing.
 */
@Component
class AnswerRequest {

    private final SupportRequestStore store;
    private final RequestViews views;
    private final SupportCases cases;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final RequestProperties properties;
    private final Clock clock;

    AnswerRequest(SupportRequestStore store, RequestViews views, SupportCases cases, ApplicationEventPublisher events,
                  ObjectProvider<SchedulerClient> scheduler, RequestProperties properties, Clock clock) {
        this.store = store;
        this.views = views;
        this.cases = cases;
        this.events = events;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    void acknowledge(UUID me, UUID requestId) {
        Row row = views.assigned(me, requestId);
        if (row.status() == RequestStatus.ASSIGNED) {
            Instant now = clock.instant();
            store.markAcknowledged(requestId, now);
            store.endAssignment(row.assignmentId(), AssignmentOutcome.ACKNOWLEDGED, now);
            scheduler.getObject().scheduleIfNotExists(RequestScheduling.CONTACT_DUE.instance(requestId.toString())
                .scheduledTo(now.plus(properties.contactWithin())));
            events.publishEvent(new SupportAcknowledged(requestId, me, now));
        }
    }

    /** Contact made acknowledges a request not acknowledged yet. */
    void contactMade(UUID me, UUID requestId) {
        Row row = views.assigned(me, requestId);
        if (row.status() == RequestStatus.ASSIGNED) {
            acknowledge(me, requestId);
        }
        if (row.status() == RequestStatus.ASSIGNED || row.status() == RequestStatus.ACKNOWLEDGED) {
            Instant now = clock.instant();
            store.markContactMade(requestId, now);
            if (row.caseId() != null) {
                cases.reachedOut(row.caseId(), me, now);
            }
            store.resolveNotices(requestId, NoticeKind.CONTACT_OVERDUE, now);
        } else if (row.status() == RequestStatus.CLOSED) {
            throw DomainException.conflict("This request is closed.");
        }
    }

    void close(UUID me, UUID requestId) {
        Row row = views.assigned(me, requestId);
        if (row.status() == RequestStatus.ASSIGNED) {
            throw DomainException.conflict("Acknowledge the request first, or let it move to another supporter.");
        }
        Instant now = clock.instant();
        store.close(requestId, ClosedBy.SUPPORTER, now);
        store.resolveNotices(requestId, NoticeKind.CONTACT_OVERDUE, now);
    }
}
