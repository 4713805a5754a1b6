package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.CheckInDue;
import io.aftercare.care.cases.StepStore.DueRow;
import io.aftercare.care.cases.StepStore.StepRow;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;

/** Steps falling due and their one reminder, run by db-scheduler's jobs. */
@Component
class DueSteps {

    private final CareStore store;
    private final StepStore steps;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final CareProperties properties;
    private final Clock clock;

    DueSteps(CareStore store, StepStore steps, Directory directory, ApplicationEventPublisher events,
             ObjectProvider<SchedulerClient> scheduler, CareProperties properties, Clock clock) {
        this.store = store;
        this.steps = steps;
        this.directory = directory;
        this.events = events;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A step fell due. Idempotent: only a SCHEDULED step moves on, so a job that runs again (after a crash
     * mid-run) changes nothing.
     */
    void stepDue(UUID stepId) {
        // steps of one case fall due one after another, never side by side (two jobs due at once): lock the case
        if (!steps.lockCaseOfScheduled(stepId)) {
            return;
        }
        // the step, whether its person opted out, and whether a later step already came (both were overdue, say
        // after an outage: then this one passes quietly), in one query
        DueRow due = steps.due(stepId);
        StepRow step = due.step();
        if (step.status() != StepStatus.SCHEDULED) {
            return;
        }
        boolean quiet = step.muted() || !step.stage().open() || due.optedOut();
        Instant now = clock.instant();
        StepStatus status = quiet ? StepStatus.SKIPPED : due.overtaken() ? StepStatus.LAPSED : StepStatus.PENDING;
        if (!steps.moveScheduled(stepId, status, now) || status != StepStatus.PENDING) {
            return;
        }
        // one prompt at a time: an older one that is still open lapses quietly
        steps.lapseOlderThan(step);
        if (step.kind() == StepKind.FOLLOW_UP) {
            store.advance(step.caseId(), CaseStage.FOLLOWING_UP, CaseStage.OPENED, CaseStage.CHECKED_IN);
        }
        PersonRef person = directory.person(step.personId()).orElse(null);
        Instant reminder = now.plus(properties.reminderDelay());
        if (person != null) {
            reminder = person.quietHours().next(reminder);
        }
        scheduler.getObject().scheduleIfNotExists(
            CareScheduling.REMINDER_DUE.instance(stepId.toString()).scheduledTo(reminder));
        events.publishEvent(new CheckInDue(stepId, step.caseId(), step.personId(), step.kind().name(), step.day(),
            false, now));
    }

    /** The one reminder of a step, if it is still waiting for an answer. */
    void reminderDue(UUID stepId) {
        Instant now = clock.instant();
        if (steps.markReminded(stepId, now)) {
            StepRow step = steps.step(stepId).orElseThrow();
            if (!step.muted() && !store.hasOptedOut(step.personId())) {
                events.publishEvent(new CheckInDue(stepId, step.caseId(), step.personId(), step.kind().name(),
                    step.day(), true, now));
            }
        }
    }
}
