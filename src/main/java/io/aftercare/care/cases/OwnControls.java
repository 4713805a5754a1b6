package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCaseClosed;
import io.aftercare.care.cases.CareViews.CaseView;

/** What a person decides about their own care: closing, reopening or muting a case, opting out and back in. */
@Component
class OwnControls {

    private final CareStore store;
    private final StepStore steps;
    private final OwnViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OwnControls(CareStore store, StepStore steps, OwnViews views, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.steps = steps;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    void close(UUID personId, UUID caseId) {
        CaseView found = views.ownCase(personId, caseId);
        if (found.open()) {
            closeCase(caseId, personId, CloseReason.PERSON);
        }
    }

    /** Closes the case if it is open: what still waits passes quietly, and the closing is announced. */
    void closeCase(UUID caseId, UUID personId, CloseReason reason) {
        Instant now = clock.instant();
        if (store.close(caseId, reason, now)) {
            steps.skipPendingOfCase(caseId);
            events.publishEvent(new CareCaseClosed(caseId, personId, reason.name(), now));
        }
    }

    /** A closed case back open; steps still to come will be asked again. */
    void reopen(UUID personId, UUID caseId) {
        CaseView found = views.ownCase(personId, caseId);
        if (found.open()) {
            return;
        }
        store.reopen(caseId, steps.stageToReopen(caseId));
    }

    /** “Stop asking about this”: no more prompts for this case; it stays in the person's history. */
    void stopAsking(UUID personId, UUID caseId) {
        views.ownCase(personId, caseId);
        store.mute(caseId);
        steps.skipPendingOfCase(caseId);
    }

    /** Opting out: no cases opened and no prompts, until the person opts back in. */
    void setOptedOut(UUID personId, boolean optedOut) {
        store.setOptedOut(personId, optedOut, clock.instant());
        if (optedOut) {
            steps.skipPendingOfPerson(personId);
        }
    }
}
