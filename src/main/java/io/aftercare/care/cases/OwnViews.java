package io.aftercare.care.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.care.cases.StepStore.SealedStep;
import io.aftercare.care.cases.CareViews.CaseView;
import io.aftercare.care.cases.CareViews.CheckInAnswerView;
import io.aftercare.care.cases.CareViews.FollowUpAnswerView;
import io.aftercare.care.cases.CareViews.IncidentView;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.shared.DomainException;

/** The person's own cases and steps, with their answers and notes: only ever read for the person themselves. */
@Component
class OwnViews {

    private final CareStore store;
    private final StepStore stepStore;
    private final CareNotes notes;

    OwnViews(CareStore store, StepStore stepStore, CareNotes notes) {
        this.store = store;
        this.stepStore = stepStore;
        this.notes = notes;
    }

    /** The person's own case, or “not found” (also for anyone else's). */
    CaseView ownCase(UUID personId, UUID caseId) {
        return cases(personId, caseId).stream().findFirst()
            .orElseThrow(() -> DomainException.notFound("Care case"));
    }

    List<CaseView> cases(UUID personId, UUID onlyCase) {
        List<CaseView> cases = store.cases(personId, onlyCase);
        Map<UUID, List<IncidentView>> incidents = store.incidents(cases.stream().map(CaseView::id).toList());
        return cases.stream().map(c -> withIncidents(c, incidents)).toList();
    }

    /** The person's check-ins and follow-ups that have fallen due (or only {@code onlyStep}), newest first. */
    List<StepView> steps(UUID personId, UUID onlyStep) {
        List<SealedStep> steps = stepStore.steps(personId, onlyStep);
        Map<UUID, List<IncidentView>> incidents = store.incidents(
            steps.stream().map(s -> s.step().caseId()).distinct().toList());
        return steps.stream().map(s -> opened(personId, s, incidents)).toList();
    }

    /** The person's cases and their steps that have fallen due, as My aftercare shows them. */
    record Own(List<CaseView> cases, List<StepView> steps) {
    }

    /**
     * The person's cases (newest first) and steps that have fallen due (newest first) for My aftercare, with one read
     * of the cases' incidents; their notes stay sealed, as the page shows none (each note opened would read the
     * person's key and decrypt it for nothing).
     */
    Own withoutNotes(UUID personId) {
        List<CaseView> cases = store.cases(personId, null);
        Map<UUID, List<IncidentView>> incidents = store.incidents(cases.stream().map(CaseView::id).toList());
        List<StepView> steps = stepStore.steps(personId, null).stream().map(SealedStep::step)
            .map(s -> withIncidents(s, incidents, s.checkIn(), s.followUp())).toList();
        return new Own(cases.stream().map(c -> withIncidents(c, incidents)).toList(), steps);
    }

    Optional<StepView> step(UUID personId, UUID stepId) {
        return steps(personId, stepId).stream().findFirst();
    }

    private StepView opened(UUID personId, SealedStep sealed, Map<UUID, List<IncidentView>> incidents) {
        StepView s = sealed.step();
        CheckInAnswerView checkIn = s.checkIn() == null ? null : new CheckInAnswerView(s.checkIn().stress(),
            s.checkIn().effects(), s.checkIn().outreach(), notes.open(personId, s.id(), sealed.checkInNote()));
        FollowUpAnswerView followUp = s.followUp() == null ? null : new FollowUpAnswerView(s.followUp().items(),
            notes.open(personId, s.id(), sealed.followUpNote()));
        return withIncidents(s, incidents, checkIn, followUp);
    }

    private static CaseView withIncidents(CaseView c, Map<UUID, List<IncidentView>> incidents) {
        return new CaseView(c.id(), c.stage(), c.origin(), c.muted(), c.openedAt(), c.closedAt(), c.closedReason(),
            incidents.getOrDefault(c.id(), List.of()));
    }

    private static StepView withIncidents(StepView s, Map<UUID, List<IncidentView>> incidents,
                                          CheckInAnswerView checkIn, FollowUpAnswerView followUp) {
        return new StepView(s.id(), s.caseId(), s.kind(), s.day(), s.dueAt(), s.status(), s.remindedAt(),
            s.answeredAt(), incidents.getOrDefault(s.caseId(), List.of()), checkIn, followUp);
    }
}
