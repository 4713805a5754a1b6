package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;
import io.aftercare.care.cases.CareService.AnswerBody;
import io.aftercare.care.cases.StepStore.StepRow;
import io.aftercare.shared.DomainException;

/**
 * Answering one's own waiting check-in or follow-up: the whole form, one click (“Not now”, “I'm fine”), or how
 * stressed one is from a chat button. A follow-up that was the case's last closes it.
 */
@Component
class AnswerStep {

    private final CareStore store;
    private final StepStore steps;
    private final CareNotes notes;
    private final OwnControls controls;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnswerStep(CareStore store, StepStore steps, CareNotes notes, OwnControls controls,
               ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.steps = steps;
        this.notes = notes;
        this.controls = controls;
        this.events = events;
        this.clock = clock;
    }

    /** Answers a pending check-in or follow-up of the person's own, from the API's one body shape. */
    StepKind answer(UUID personId, UUID stepId, AnswerBody body) {
        StepRow step = ownPendingStep(personId, stepId);
        if (body.response() != null && !body.response().isBlank()) {
            quickResponse(step, Answers.quick(body.response()));
        } else if (step.kind() == StepKind.CHECK_IN) {
            answerCheckIn(step, Answers.checkIn(body.stress(), body.effects(), body.outreach(), body.note()));
        } else {
            answerFollowUp(step, Answers.followUp(body.items(), body.note()));
        }
        return step.kind();
    }

    /** How stressed, by one click: kept as the check-in's answer so far, while the check-in stays open. */
    void answerStress(UUID personId, UUID stepId, int stress) {
        StepRow step = ownPendingStep(personId, stepId);
        if (step.kind() != StepKind.CHECK_IN) {
            throw DomainException.notFound("Check-in");
        }
        Answers.CheckIn answer = Answers.checkIn(stress, List.of(), null, null);
        Instant now = clock.instant();
        // the step stays pending: the rest of the form (effects, outreach, a note) can still be given
        steps.insertCheckInAnswer(step.id(), step.personId(), answer, null, now);
        // they answered: the step's one reminder is not sent
        steps.noReminder(step.id(), now);
        checkedIn(step);
    }

    void notNow(UUID personId, UUID stepId) {
        quickResponse(ownPendingStep(personId, stepId), Answers.QuickResponse.NOT_NOW);
    }

    private StepRow ownPendingStep(UUID personId, UUID stepId) {
        StepRow step = steps.step(stepId).filter(s -> s.personId().equals(personId))
            .orElseThrow(() -> DomainException.notFound("Check-in"));
        if (step.status() != StepStatus.PENDING) {
            throw DomainException.conflict(step.status() == StepStatus.SCHEDULED ? "This check-in is not open yet."
                : "This check-in was already answered or has closed.");
        }
        return step;
    }

    private void answerCheckIn(StepRow step, Answers.CheckIn answer) {
        Instant now = clock.instant();
        markAnswered(step, StepStatus.ANSWERED, now);
        // a stress answer given earlier by one click (chat) is replaced by the full answer
        steps.insertCheckInAnswer(step.id(), step.personId(), answer,
            notes.seal(step.personId(), step.id(), answer.note()), now);
        checkedIn(step);
        events.publishEvent(new CheckInAnswered(step.caseId(), step.id(), step.personId(), answer.outreach(), now));
    }

    private void answerFollowUp(StepRow step, Answers.FollowUp answer) {
        Instant now = clock.instant();
        markAnswered(step, StepStatus.ANSWERED, now);
        steps.insertFollowUpAnswer(step.id(), step.personId(), answer,
            notes.seal(step.personId(), step.id(), answer.note()), now);
        closeIfLast(step);
    }

    private void quickResponse(StepRow step, Answers.QuickResponse response) {
        Instant now = clock.instant();
        markAnswered(step, StepStatus.of(response), now);
        if (step.kind() == StepKind.CHECK_IN) {
            if (response == Answers.QuickResponse.FINE) {
                checkedIn(step);
                events.publishEvent(new CheckInAnswered(step.caseId(), step.id(), step.personId(), Outreach.NOBODY,
                    now));
            }
        } else {
            closeIfLast(step);
        }
    }

    private void markAnswered(StepRow step, StepStatus status, Instant now) {
        if (!steps.markAnswered(step.id(), status, now)) {
            throw DomainException.conflict("This check-in was already answered.");
        }
    }

    private void checkedIn(StepRow step) {
        store.advance(step.caseId(), CaseStage.CHECKED_IN, CaseStage.OPENED);
    }

    private void closeIfLast(StepRow step) {
        if (steps.lastFollowUpDay(step.caseId()).filter(last -> step.day() >= last).isPresent()) {
            controls.closeCase(step.caseId(), step.personId(), CloseReason.COMPLETED);
        }
    }
}
