package io.aftercare.peersupport.nudges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.CheckInAnswered;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.cases.SupportCases.SupportCase;

/**
 * After the person's wish names teammates or their lead, chooses whom to nudge, as if nobody had a case of their
 * own, and schedules each nudge for the first moment outside its recipient's quiet hours.
 */
@Component
class ChooseWhomToNudge {

    private final NudgeStore store;
    private final NudgeRules rules;
    private final Directory directory;
    private final SupportCases cases;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final NudgeProperties properties;
    private final Clock clock;

    ChooseWhomToNudge(NudgeStore store, NudgeRules rules, Directory directory, SupportCases cases,
                      ObjectProvider<SchedulerClient> scheduler, NudgeProperties properties, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.directory = directory;
        this.cases = cases;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records the case. Nobody is nudged yet: that waits for the person's own wish (their check-in answer). When
     * the answer was heard first, the choice is scheduled now that the case's incidents are known.
     */
    void caseOpened(CareCaseOpened opened) {
        cases.opened(opened.caseId(), opened.personId(), opened.incidentIds(), opened.openedAt());
        cases.find(opened.caseId()).filter(c -> NudgeRelation.namedIn(c.outreach()))
            .ifPresent(c -> scheduleChoice(c.caseId()));
    }

    /**
     * The person answered their check-in. When they asked for a teammate or their lead, the choice of whom to nudge
     * follows after {@code aftercare.support.nudge-delay}: by then every responder of the incident has their own
     * case here, so teammates who were in it too are reliably left out. Any other answer nudges nobody.
     */
    void outreachWish(CheckInAnswered answered) {
        cases.outreachWish(answered.caseId(), answered.personId(), answered.outreach().name(), answered.answeredAt());
        if (NudgeRelation.namedIn(answered.outreach().name())) {
            scheduleChoice(answered.caseId());
        }
    }

    private void scheduleChoice(UUID caseId) {
        scheduler.getObject().scheduleIfNotExists(NudgeScheduling.CASE_NUDGES.instance(caseId.toString())
            .scheduledTo(clock.instant().plus(properties.nudgeDelay())));
    }

    /** Chooses whom to nudge for a case, as the person asked, and schedules each out of its recipient's quiet hours. */
    void chooseFor(UUID caseId) {
        SupportCase supportCase = cases.find(caseId).orElse(null);
        // only incidents are mentioned to colleagues: a case someone opened for themselves stays theirs
        if (supportCase == null || supportCase.incidentIds().isEmpty()
            || !NudgeRelation.namedIn(supportCase.outreach()) || !rules.mayBeNudged(supportCase.personId())
            || store.hasNudges(caseId)) {
            return;
        }
        Optional<PersonRef> person = directory.person(supportCase.personId());
        if (person.isEmpty()) {
            return;
        }
        // chosen exactly as if nobody had a case of their own; one who has is then skipped, not replaced: nobody
        // else is nudged in their place, so no other colleague's nudges tell anything about them (decision 0023)
        Map<UUID, NudgeRelation> targets = NudgeRelation.LEAD.name().equals(supportCase.outreach())
            ? leads(person.get()) : teammates(person.get(), supportCase.incidentIds());
        for (Map.Entry<UUID, NudgeRelation> target : targets.entrySet()) {
            directory.person(target.getKey()).ifPresent(nudged -> schedule(supportCase, nudged, target.getValue()));
        }
    }

    /** The person's team lead(s), or their manager when no team of theirs has a lead; never the person. */
    private Map<UUID, NudgeRelation> leads(PersonRef person) {
        Map<UUID, NudgeRelation> targets = new LinkedHashMap<>();
        if (properties.nudgeLeads()) {
            leadsOf(person).stream().filter(rules::mayBeNudged).forEach(l -> targets.put(l, NudgeRelation.LEAD));
        }
        return targets;
    }

    private Set<UUID> leadsOf(PersonRef person) {
        Set<UUID> leads = new LinkedHashSet<>();
        directory.teamsOf(person.id()).forEach(t -> leads.addAll(t.leads()));
        if (leads.isEmpty() && person.managerId() != null) {
            leads.add(person.managerId());
        }
        leads.remove(person.id());
        return leads;
    }

    /**
     * Up to N teammates who were nudged least lately, not their lead (the person asked for a teammate), by default
     * not those who were in the same incident; never the person.
     */
    private Map<UUID, NudgeRelation> teammates(PersonRef person, List<UUID> incidents) {
        Set<UUID> leads = leadsOf(person);
        List<UUID> teammates = new ArrayList<>(directory.teamsOf(person.id()).stream()
            .flatMap(t -> t.members().stream()).distinct()
            .filter(m -> !m.equals(person.id()) && !leads.contains(m))
            .filter(m -> !rules.leftOutAsFellowResponder(m, incidents))
            .filter(rules::mayBeNudged).toList());
        Collections.shuffle(teammates);
        Map<UUID, Long> recent = store.nudgesSince(teammates, clock.instant().minus(Duration.ofDays(30)));
        teammates.sort(Comparator.comparing(m -> recent.getOrDefault(m, 0L)));
        Map<UUID, NudgeRelation> targets = new LinkedHashMap<>();
        teammates.stream().limit(Math.max(0, properties.nudgeTeammates()))
            .forEach(m -> targets.put(m, NudgeRelation.TEAMMATE));
        return targets;
    }

    private void schedule(SupportCase opened, PersonRef nudged, NudgeRelation relation) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant deliverAt = nudged.quietHours().next(now);
        // a skipped nudge is kept (never delivered) so that "nudged least lately" counts as if it had gone: who is
        // chosen next time does not depend on anyone's case
        boolean skipped = rules.hasOwnCase(nudged.id());
        store.insert(id, opened.caseId(), opened.personId(), nudged.id(), relation,
            skipped ? NudgeState.SKIPPED : NudgeState.SCHEDULED, now, deliverAt);
        if (skipped) {
            return;
        }
        scheduler.getObject().scheduleIfNotExists(NudgeScheduling.NUDGE_DUE.instance(id.toString())
            .scheduledTo(deliverAt));
    }
}
