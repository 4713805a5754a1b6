package io.aftercare.insights.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.CareCases;
import io.aftercare.directory.Directory;
import io.aftercare.directory.OnCallShift;
import io.aftercare.directory.RotationRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.insights.EndOfShiftQuestionAsked;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.TimeOrderedIds;

/**
 * The end-of-shift question: in a team that has turned it on, each person whose on-call shift has ended is asked,
 * once, how much mental and emotional effort it took (1 none … 5 everything I had). The answer is theirs: they see
 * it as their own trend; nobody else sees it except through the rule set.
 */
@Service
class EndOfShift {

    /** How far back a run looks for ended shifts: a run missed for a while still asks, but never about old shifts. */
    static final Duration LOOK_BACK = Duration.ofDays(1);
    /** How long an unanswered question waits on the person's page. */
    static final Duration OPEN_FOR = Duration.ofDays(7);

    private final EffortStore store;
    private final Directory directory;
    private final CareCases care;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EndOfShift(EffortStore store, Directory directory, CareCases care, ApplicationEventPublisher events,
               Clock clock) {
        this.store = store;
        this.directory = directory;
        this.care = care;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks about every shift that ended in a team with the question on, since the last day (or since it was turned
     * on): one question per person, rotation and shift end, whichever instance or run gets there first. Only the
     * team's members and leads are asked, and never anyone who opted out of care.
     *
     * @return how many questions this run asked
     */
    @Transactional
    int askAboutEndedShifts(Instant now) {
        int asked = 0;
        for (EffortStore.Setting setting : store.enabledTeams()) {
            Instant since = now.minus(LOOK_BACK);
            if (setting.changedAt().isAfter(since)) {
                since = setting.changedAt();
            }
            List<RotationRef> rotations = directory.rotations(setting.teamId());
            Set<UUID> rotationIds = new LinkedHashSet<>();
            Set<UUID> people = new LinkedHashSet<>();
            rotations.forEach(r -> {
                rotationIds.add(r.id());
                people.addAll(r.members());
            });
            // only the team's own people, as its setting is the team's: someone on its rotation but in no team of
            // it (an outside helper, someone who moved) is not asked; nor is anyone who opted out of care
            Set<UUID> inTeam = directory.team(setting.teamId())
                .map(t -> {
                    Set<UUID> all = new LinkedHashSet<>(t.members());
                    all.addAll(t.leads());
                    return all;
                }).orElse(Set.of());
            people.retainAll(inTeam);
            people.removeIf(care::hasOptedOut);
            for (UUID person : people) {
                for (OnCallShift shift : directory.shifts(person, since, now)) {
                    if (!rotationIds.contains(shift.rotationId()) || !shift.endsAt().isAfter(since)
                        || shift.endsAt().isAfter(now)) {
                        continue;
                    }
                    UUID id = TimeOrderedIds.next();
                    if (store.ask(id, person, setting.teamId(), shift.rotationId(), shift.startsAt(), shift.endsAt(),
                        now) == 1) {
                        events.publishEvent(new EndOfShiftQuestionAsked(id, person, shift.endsAt()));
                        asked++;
                    }
                }
            }
        }
        return asked;
    }

    /** The person's answer to their own question; anyone else's question, or none, is NotFound. */
    @Transactional
    void answer(UUID personId, UUID questionId, Integer effort) {
        if (effort == null || effort < 1 || effort > 5) {
            throw DomainException.invalid("effort", "Choose one of the five answers, 1 (none) to 5 (everything I had).");
        }
        if (store.answer(personId, questionId, effort, clock.instant()) == 0) {
            throw DomainException.notFound("question");
        }
    }

    /** The person's questions over the last months: waiting ones (within a week) and answered ones, newest first. */
    List<EffortStore.Question> mine(UUID personId, Instant since) {
        Instant openFrom = clock.instant().minus(OPEN_FOR);
        return store.mine(personId, since).stream()
            .filter(q -> q.effort() != null || !q.askedAt().isBefore(openFrom)).toList();
    }

    boolean enabled(UUID teamId) {
        return store.enabled(teamId);
    }

    /** Turns the question on or off for a team: its leads and admins only (others are refused as for any route). */
    @Transactional
    void setEnabled(AftercareUser me, UUID teamId, boolean enabled) {
        requireLeadOrAdmin(directory, me, teamId);
        store.setEnabled(teamId, enabled, me.personId(), clock.instant());
    }

    static TeamRef requireLeadOrAdmin(Directory directory, AftercareUser me, UUID teamId) {
        var team = directory.team(teamId);
        if (!me.has(Role.ADMIN) && (team.isEmpty() || !team.get().leads().contains(me.personId()))) {
            throw new org.springframework.security.access.AccessDeniedException(
                "Only this team's leads and admins can change its on-call question.");
        }
        return team.orElseThrow(() -> DomainException.notFound("team"));
    }
}
