package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.CareHistory;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.care.cases.StepStore.StepRow;

/**
 * Replays care that already happened. Cases are opened by {@link OpenCases} (rules, merging, due times); each step
 * already due is then moved the way {@link DueSteps} and an answer would have moved it, with the times it would have
 * had, and its job is taken away so that nobody is prompted about the past.
 */
@Service
class CareHistoryService implements CareHistory {

    private final OpenCases opening;
    private final CareStore store;
    private final StepStore steps;
    private final CareNotes notes;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    CareHistoryService(OpenCases opening, CareStore store, StepStore steps, CareNotes notes,
                       ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.opening = opening;
        this.store = store;
        this.steps = steps;
        this.notes = notes;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<PastCase> incidentResolvedInThePast(ResolvedIncident incident, PastAnswers answers) {
        Instant now = clock.instant();
        List<UUID> caseIds = opening.incidentResolved(incident, false);
        if (caseIds.isEmpty()) {
            return List.of();
        }
        // a case opened now for an incident long ago was opened when the incident resolved
        store.backdateOpening(caseIds, incident.resolvedAt());
        settleDue(caseIds, answers, now);
        return store.pastCases(caseIds);
    }

    @Override
    @Transactional
    public UUID openedForSelfInThePast(UUID personId, Instant openedAt, PastAnswers answers) {
        Instant now = clock.instant();
        CareViews.OpenedCase opened = opening.forSelf(personId, CaseOrigin.SELF, openedAt, false);
        // its check-in waits from the start: answered then, or still waiting
        StepRow checkIn = new StepRow(opened.checkInId(), opened.caseId(), personId, StepKind.CHECK_IN, 0,
            StepStatus.PENDING, openedAt, CaseStage.OPENED, false);
        answer(checkIn, answers.answer(personId, StepKind.CHECK_IN.name(), 0), now);
        settleDue(List.of(opened.caseId()), answers, now);
        return opened.caseId();
    }

    private void settleDue(List<UUID> caseIds, PastAnswers answers, Instant now) {
        for (StepRow step : steps.scheduledDueBy(caseIds, now)) {
            settle(step, answers.answer(step.personId(), step.kind().name(), step.day()), now);
        }
    }

    private void settle(StepRow step, Optional<PastAnswer> answer, Instant now) {
        scheduler.getObject().cancel(CareScheduling.STEP_DUE.instanceId(step.id().toString()));
        if (!store.stage(step.caseId()).orElseThrow().open()) {
            // the person closed it, or its last follow-up was answered: later steps pass quietly, as in stepDue
            steps.skip(step.id());
            return;
        }
        // as stepDue: the step waits, an older one still waiting lapses, a follow-up means following up
        steps.moveScheduled(step.id(), StepStatus.PENDING, step.dueAt());
        steps.lapseOlderThan(step);
        if (step.kind() == StepKind.FOLLOW_UP) {
            store.advance(step.caseId(), CaseStage.FOLLOWING_UP, CaseStage.OPENED, CaseStage.CHECKED_IN);
        }
        answer(step, answer, now);
    }

    /** Gives the pending step its answer, at the time it was given, unless that time has not come yet. */
    private void answer(StepRow step, Optional<PastAnswer> answer, Instant now) {
        if (answer.isEmpty() || !step.dueAt().plus(answer.get().after()).isBefore(now)) {
            return;
        }
        PastAnswer given = answer.get();
        Instant at = step.dueAt().plus(given.after());
        StepStatus status = StepStatus.ANSWERED;
        if (given.response() != null) {
            status = StepStatus.of(Answers.quick(given.response()));
        } else if (step.kind() == StepKind.CHECK_IN) {
            Answers.CheckIn checkIn = Answers.checkIn(given.stress(), given.effects(), given.outreach(), given.note());
            // the same key and context as a live answer's note, so it reads back the same way
            steps.insertCheckInAnswer(step.id(), step.personId(), checkIn,
                notes.seal(step.personId(), step.id(), checkIn.note()), at);
        } else {
            Answers.FollowUp followUp = Answers.followUp(given.items(), given.note());
            steps.insertFollowUpAnswer(step.id(), step.personId(), followUp,
                notes.seal(step.personId(), step.id(), followUp.note()), at);
        }
        steps.markAnswered(step.id(), status, at);
        if (step.kind() == StepKind.CHECK_IN) {
            if (status != StepStatus.NOT_NOW) {
                store.advance(step.caseId(), CaseStage.CHECKED_IN, CaseStage.OPENED);
            }
        } else if (steps.lastFollowUpDay(step.caseId()).filter(last -> step.day() >= last).isPresent()) {
            // closed quietly: care replayed from the past announces nothing
            store.close(step.caseId(), CloseReason.COMPLETED, at);
        }
    }
}
