package io.aftercare.peersupport.nudges;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.peersupport.OutreachNudged;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.cases.SupportCases.SupportCase;

/** A nudge's time comes and it is shown to its recipient, unless it is no longer wanted; or the case closes first. */
@Component
class DeliverNudge {

    private final NudgeStore store;
    private final NudgeRules rules;
    private final SupportCases cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliverNudge(NudgeStore store, NudgeRules rules, SupportCases cases, ApplicationEventPublisher events,
                 Clock clock) {
        this.store = store;
        this.rules = rules;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The nudge's time came: it shows in the recipient's list. Scheduled only after the person's wish, which does not
     * change afterwards; the check against it here only stops a nudge scheduled before that rule (never seen by its
     * recipient). A nudge about someone who has since opted out is not delivered either.
     */
    void deliver(UUID nudgeId) {
        Optional<NudgeStore.Due> found = store.findForUpdate(nudgeId);
        if (found.isEmpty() || found.get().state() != NudgeState.SCHEDULED) {
            return;
        }
        NudgeStore.Due due = found.get();
        SupportCase supportCase = cases.find(due.caseId()).orElse(null);
        Instant now = clock.instant();
        // a case of their own opened while the nudge waited out their quiet hours: not delivered either
        NudgeState state = !rules.stillWanted(supportCase, due.about(), due.nudged(), due.relation())
            ? NudgeState.WITHDRAWN : rules.hasOwnCase(due.nudged()) ? NudgeState.SKIPPED : NudgeState.DELIVERED;
        boolean delivered = state == NudgeState.DELIVERED;
        store.setState(nudgeId, state, delivered ? now : null);
        if (delivered) {
            events.publishEvent(new OutreachNudged(nudgeId, due.caseId(), due.about(), due.nudged(),
                due.relation().name(), now));
        }
    }

    /**
     * The person closed their case: nudges not yet delivered are dropped. Their recipients never saw them, so
     * nothing anyone sees changes. A delivered nudge stays, whatever the person does.
     */
    void dropUndelivered(UUID caseId) {
        store.withdrawScheduled(caseId);
    }
}
