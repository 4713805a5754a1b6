package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;

/**
 * Gives a request to the next supporter ({@link Assignment} picks), with an acknowledgement deadline in their
 * working time, or marks it waiting for coordinators when nobody eligible is left.
 */
@Component
class AssignSupporter {

    /** Who got the request, and by when they are to acknowledge it. */
    record Assigned(UUID supporterId, Instant acknowledgeBy) {
    }

    private final SupportRequestStore store;
    private final Directory directory;
    private final Roster roster;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final RequestProperties properties;
    private final Clock clock;

    AssignSupporter(SupportRequestStore store, Directory directory, Roster roster,
                    ObjectProvider<SchedulerClient> scheduler, RequestProperties properties, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.roster = roster;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    /** Picks and records the next supporter, or marks the request as waiting (a notice for coordinators). */
    Optional<Assigned> assign(UUID requestId, UUID personId, Set<UUID> tried) {
        Instant now = clock.instant();
        PersonRef person = directory.person(personId).orElseThrow();
        Assignment.Seeker seeker = new Assignment.Seeker(personId, teamIds(personId), line(person), tried);
        Roster.Settings settings = roster.settings();
        List<Roster.Supporter> supporters = roster.supporters();
        Map<UUID, PersonRef> people = directory.people(supporters.stream().map(Roster.Supporter::personId).toList())
            .stream().collect(Collectors.toMap(PersonRef::id, Function.identity(), (a, b) -> a));
        List<Assignment.Candidate> candidates = new ArrayList<>();
        for (Roster.Supporter s : supporters) {
            PersonRef p = people.get(s.personId());
            if (p == null) {
                continue;
            }
            candidates.add(new Assignment.Candidate(s.personId(), teamIds(s.personId()), line(p), s.onBreak(),
                store.load(s.personId()), store.assignedSince(s.personId(), now.minus(Duration.ofDays(7))),
                s.weeklyCapacity(), canBeToldNow(s, p, now)));
        }
        Optional<Assignment.Candidate> pick = Assignment.pick(candidates,
            seeker, new Assignment.Exclusions(settings.excludeSameTeam(), settings.excludeSameLine()));
        if (pick.isEmpty()) {
            store.markUnassigned(requestId);
            store.addNotice(requestId, NoticeKind.NOBODY_ELIGIBLE, now);
            return Optional.empty();
        }
        PersonRef supporter = people.get(pick.get().id());
        Roster.Supporter settingsOf = supporters.stream().filter(s -> s.personId().equals(supporter.id()))
            .findFirst().orElseThrow();
        Instant due = WorkingHours.after(now, properties.acknowledgeWithin(), supporter.timeZone(),
            settingsOf.workStart(), settingsOf.workEnd(), supporter.weekendDays());
        UUID assignment = UUID.randomUUID();
        store.insertAssignment(assignment, requestId, supporter.id(), now, due);
        store.markAssigned(requestId, supporter.id(), assignment);
        store.resolveNotices(requestId, now);
        // joins this transaction (the scheduler's data source is transaction-aware)
        scheduler.getObject().scheduleIfNotExists(RequestScheduling.ACK_DUE.instance(assignment.toString())
            .scheduledTo(due));
        return Optional.of(new Assigned(supporter.id(), due));
    }

    /**
     * Whether the supporter can be told of a request and answer it now: within their working hours and outside their
     * own quiet hours, when a message to them is sent at once rather than held until morning while their
     * acknowledgement deadline runs. (The person's quiet hours are the same for every supporter, so they cannot
     * tell one supporter from another.)
     */
    static boolean canBeToldNow(Roster.Supporter supporter, PersonRef person, Instant now) {
        return WorkingHours.within(now, person.timeZone(), supporter.workStart(), supporter.workEnd(),
            person.weekendDays()) && !person.quietHours().blocked(now);
    }

    private Set<UUID> teamIds(UUID personId) {
        return directory.teamsOf(personId).stream().map(TeamRef::id).collect(Collectors.toSet());
    }

    /** The person's managers upwards, nearest first (at most eight levels, cycles cut). */
    private List<UUID> line(PersonRef person) {
        List<UUID> line = new ArrayList<>();
        UUID next = person.managerId();
        while (next != null && line.size() < 8 && !line.contains(next) && !next.equals(person.id())) {
            line.add(next);
            next = directory.person(next).map(PersonRef::managerId).orElse(null);
        }
        return line;
    }
}
