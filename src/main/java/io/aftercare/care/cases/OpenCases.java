package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;

import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.care.cases.CareStore.CaseIncident;
import io.aftercare.care.cases.CareStore.NewCase;
import io.aftercare.care.cases.StepStore.NewStep;
import io.aftercare.care.cases.CareViews.OpenedCase;
import io.aftercare.care.rules.TriggerRules;
import io.aftercare.care.rules.ProgrammeRules;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.shared.DomainException;

/**
 * Opening cases: for the responders of a resolved incident the trigger rules pick (or joining their open case within
 * the merge window), and the case a person opens for themselves. Each new case gets its check-in and follow-ups,
 * each step with its db-scheduler job.
 */
@Component
class OpenCases {

    private final CareStore store;
    private final StepStore stepStore;
    private final Directory directory;
    private final ProgrammeRules rules;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final CareProperties properties;
    private final CareMetrics metrics;
    private final Clock clock;

    OpenCases(CareStore store, StepStore stepStore, Directory directory, ProgrammeRules rules,
              ApplicationEventPublisher events, ObjectProvider<SchedulerClient> scheduler, CareProperties properties,
              CareMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.store = store;
        this.stepStore = stepStore;
        this.directory = directory;
        this.rules = rules;
        this.events = events;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens or joins the incident's cases and schedules their steps.
     *
     * @param announce publish {@code CareCaseOpened} for each new case (not for care replayed from the past)
     */
    List<UUID> incidentResolved(ResolvedIncident incident, boolean announce) {
        TriggerRules current = rules.current();
        // a person listed twice is in the incident once, with their first role
        Map<UUID, ResolvedIncident.Responder> responders = new LinkedHashMap<>();
        incident.responders().forEach(r -> responders.putIfAbsent(r.personId(), r));
        if (responders.isEmpty()) {
            return List.of();
        }
        // everything that decides who gets a case, read for all responders at once (an incident can have hundreds)
        List<UUID> ids = List.copyOf(responders.keySet());
        // one at a time per person: another incident resolved at the same moment joins this one's case, not a second
        store.lockOpeningFor(ids);
        Map<UUID, PersonRef> people = directory.people(ids).stream()
            .collect(Collectors.toMap(PersonRef::id, p -> p, (a, b) -> a));
        Set<UUID> optedOut = store.optedOutAmong(ids);
        Set<UUID> alreadyIn = store.alreadyInIncident(incident.incidentId(), ids);
        Map<UUID, UUID> joinable = store.joinableCases(ids, incident.resolvedAt().minus(properties.mergeWindow()));

        Instant now = clock.instant();
        List<UUID> caseIds = new ArrayList<>();
        List<UUID> joined = new ArrayList<>();
        List<NewCase> newCases = new ArrayList<>();
        List<CaseIncident> caseIncidents = new ArrayList<>();
        PlannedSteps steps = new PlannedSteps();
        List<CareCaseOpened> opened = new ArrayList<>();
        for (ResolvedIncident.Responder responder : responders.values()) {
            PersonRef person = people.get(responder.personId());
            if (person == null || optedOut.contains(person.id()) || alreadyIn.contains(person.id())) {
                continue;
            }
            Set<TriggerRules.Reason> reasons = current.reasons(incident, responder, person.timeZone());
            if (reasons.isEmpty()) {
                continue;
            }
            UUID caseId = joinable.get(person.id());
            if (caseId != null) {
                joined.add(caseId);
            } else {
                caseId = UUID.randomUUID();
                newCases.add(new NewCase(caseId, person.id(), CaseOrigin.INCIDENT, now, incident.resolvedAt()));
                steps.plan(caseId, person, StepKind.CHECK_IN, 0, incident.resolvedAt().plus(properties.checkInDelay()));
                planFollowUps(steps, caseId, person, incident.resolvedAt());
                opened.add(new CareCaseOpened(caseId, person.id(), CaseOrigin.INCIDENT.name(),
                    List.of(incident.incidentId()), now));
            }
            caseIncidents.add(new CaseIncident(caseId, person.id(), incident.incidentId(),
                truncate(incident.title(), 500), incident.severity(), responder.role(), incident.startedAt(),
                incident.resolvedAt(), reasons.stream().map(Enum::name).collect(Collectors.joining(","))));
            caseIds.add(caseId);
        }
        // a few batched statements instead of a dozen round trips per person
        store.insertCases(newCases);
        store.insertCaseTeams(teamsOf(newCases));
        store.resolvedAgain(joined, incident.resolvedAt());
        store.insertCaseIncidents(caseIncidents);
        steps.save();
        if (announce) {
            opened.forEach(events::publishEvent);
            metrics.opened(opened.size());
        }
        return caseIds;
    }

    private Map<UUID, List<UUID>> teamsOf(List<NewCase> cases) {
        Map<UUID, List<UUID>> teams = new LinkedHashMap<>();
        for (NewCase c : cases) {
            teams.put(c.id(), directory.teamsOf(c.personId()).stream().map(TeamRef::id).toList());
        }
        return teams;
    }

    /** “I had a rough one”: a case the person opens for themselves now, with its check-in waiting right away. */
    OpenedCase forSelf(UUID personId, CaseOrigin origin) {
        return forSelf(personId, origin, clock.instant(), true);
    }

    /**
     * {@link #forSelf(UUID, CaseOrigin)} at a given time.
     *
     * @param at       when it was opened: now, or a moment in the past for care replayed from history
     * @param announce publish {@code CareCaseOpened}
     */
    OpenedCase forSelf(UUID personId, CaseOrigin origin, Instant at, boolean announce) {
        if (store.hasOptedOut(personId)) {
            // opening a case yourself is a clear wish to take part again
            store.setOptedOut(personId, false, clock.instant());
        }
        PersonRef person = directory.person(personId).orElseThrow(() -> DomainException.notFound("Person"));
        UUID caseId = UUID.randomUUID();
        List<NewCase> newCases = List.of(new NewCase(caseId, personId, origin, at, null));
        store.insertCases(newCases);
        store.insertCaseTeams(teamsOf(newCases));
        UUID checkIn = UUID.randomUUID();
        stepStore.insertSteps(List.of(new NewStep(checkIn, caseId, personId, StepKind.CHECK_IN, 0, at, at,
            StepStatus.PENDING)));
        PlannedSteps followUps = new PlannedSteps();
        planFollowUps(followUps, caseId, person, at);
        followUps.save();
        if (announce) {
            events.publishEvent(new CareCaseOpened(caseId, personId, origin.name(), List.of(), at));
        }
        return new OpenedCase(caseId, checkIn);
    }

    private void planFollowUps(PlannedSteps steps, UUID caseId, PersonRef person, Instant from) {
        for (int day : properties.followUpDays()) {
            steps.plan(caseId, person, StepKind.FOLLOW_UP, day, from.plus(Duration.ofDays(day)));
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Steps to schedule, each with its db-scheduler job, written together in two batches. */
    private final class PlannedSteps {

        private final List<NewStep> rows = new ArrayList<>();
        private final List<SchedulableInstance<?>> jobs = new ArrayList<>();

        void plan(UUID caseId, PersonRef person, StepKind kind, int day, Instant intended) {
            Instant due = person.quietHours().next(intended);
            UUID stepId = UUID.randomUUID();
            rows.add(new NewStep(stepId, caseId, person.id(), kind, day, intended, due, StepStatus.SCHEDULED));
            jobs.add(CareScheduling.STEP_DUE.instance(stepId.toString()).scheduledTo(due));
        }

        void save() {
            stepStore.insertSteps(rows);
            if (!jobs.isEmpty()) {
                // joins this transaction (transaction-aware data source): no job without its step, no step without
                // its job; the step ids are new, so no job for them can exist yet
                scheduler.getObject().scheduleBatch(jobs);
            }
        }
    }
}
