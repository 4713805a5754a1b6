package io.aftercare.peersupport.nudges;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.peersupport.OutreachDone;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.nudges.NudgeService.NudgeView;
import io.aftercare.shared.DomainException;

/** "I reached out": recorded with who and when, once; the case keeps the first time anyone did. */
@Component
class ReachOut {

    private final NudgeStore store;
    private final NudgeViews views;
    private final SupportCases cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReachOut(NudgeStore store, NudgeViews views, SupportCases cases, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.views = views;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    void reachedOut(UUID me, UUID nudgeId) {
        NudgeView nudge = views.mine(me, nudgeId).orElseThrow(() -> DomainException.notFound("Nudge"));
        if (nudge.status() == NudgeState.DELIVERED) {
            Instant now = clock.instant();
            if (store.markDone(nudgeId, now)) {
                cases.reachedOut(nudge.caseId(), me, now);
                events.publishEvent(new OutreachDone(nudgeId, nudge.caseId(), store.aboutOf(nudgeId), me, now));
            }
        }
    }
}
