package io.aftercare.insights.oncall;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.RotationRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.incidents.RespondedIncident;
import io.aftercare.incidents.ResponderRecord;
import io.aftercare.shared.DomainException;

/**
 * On-call load, worked out when asked from the directory's rotations and overrides and the incidents each person
 * responded to (imported history included): nothing is stored, nothing is logged. A person sees their own; a team's
 * leads, coordinators and admins see the team's. Everyone else is told the team does not exist.
 */
@Service
class OnCallLoads {

    /** Months a person's own trend goes back, the asked month included. */
    static final int TREND_MONTHS = 6;
    /** The earliest month anyone may ask about. */
    static final YearMonth EARLIEST = YearMonth.of(2000, 1);

    private final Directory directory;
    private final ResponderRecord record;
    private final Clock clock;

    OnCallLoads(Directory directory, ResponderRecord record, Clock clock) {
        this.directory = directory;
        this.record = record;
        this.clock = clock;
    }

    /** The month the viewer means: the given one, or the current month of their own zone. */
    YearMonth month(String given, UUID viewerId) {
        if (given == null || given.isBlank()) {
            return YearMonth.now(clock.withZone(zone(directory.person(viewerId).orElse(null))));
        }
        YearMonth month;
        try {
            month = YearMonth.parse(given.trim());
        } catch (RuntimeException e) {
            throw DomainException.invalid("month", "A month as YYYY-MM, for example 2026-11.");
        }
        if (month.isBefore(EARLIEST) || month.isAfter(YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusYears(1))) {
            throw DomainException.invalid("month", "A month from 2000-01 to a year from now.");
        }
        return month;
    }

    /** The person's own month. */
    PersonLoad mine(UUID personId, YearMonth month) {
        PersonRef me = directory.person(personId).orElseThrow(() -> DomainException.notFound("person"));
        return load(me, month, starts(personId));
    }

    /** The person's own months up to the given one, oldest first. */
    List<PersonLoad> myTrend(UUID personId, YearMonth last) {
        PersonRef me = directory.person(personId).orElseThrow(() -> DomainException.notFound("person"));
        List<Instant> starts = starts(personId);
        List<PersonLoad> trend = new ArrayList<>();
        for (int i = TREND_MONTHS - 1; i >= 0; i--) {
            trend.add(load(me, last.minusMonths(i), starts));
        }
        return trend;
    }

    /** The team's month, for its leads, coordinators and admins; anyone else gets NotFound, as for no such team. */
    TeamLoad team(AftercareUser viewer, UUID teamId, YearMonth month) {
        TeamRef team = directory.team(teamId).orElseThrow(() -> DomainException.notFound("team"));
        if (!mayView(viewer, team)) {
            throw DomainException.notFound("team");
        }
        List<RotationRef> rotations = directory.rotations(teamId);
        Set<UUID> ids = new LinkedHashSet<>(team.members());
        rotations.forEach(r -> ids.addAll(r.members()));
        Map<UUID, PersonRef> people = directory.people(ids).stream()
            .collect(Collectors.toMap(PersonRef::id, Function.identity(), (a, b) -> a));
        Map<UUID, PersonLoad> loads = people.values().stream()
            .collect(Collectors.toMap(PersonRef::id, p -> load(p, month, starts(p.id()))));
        List<TeamLoad.Row> rows = people.values().stream()
            .sorted(Comparator.comparing(PersonRef::name, String.CASE_INSENSITIVE_ORDER).thenComparing(PersonRef::id))
            .map(p -> new TeamLoad.Row(p.id(), p.name(), loads.get(p.id())))
            .toList();
        List<TeamLoad.RotationLoad> rotationLoads = rotations.stream().map(r -> {
            List<PersonRef> members = r.members().stream().distinct().map(people::get)
                .filter(java.util.Objects::nonNull).toList();
            boolean singleSite = members.stream().map(p -> zone(p)).distinct().count() <= 1;
            Fairness fairness = Fairness.of(members.stream().map(p -> loads.get(p.id()).interruptions()).toList());
            return new TeamLoad.RotationLoad(r.id(), r.name(), (int) r.members().stream().distinct().count(),
                singleSite, fairness);
        }).toList();
        return new TeamLoad(team.id(), team.name(), month, rows, rotationLoads);
    }

    static boolean mayView(AftercareUser viewer, TeamRef team) {
        return viewer.has(Role.ADMIN) || viewer.has(Role.COORDINATOR) || team.leads().contains(viewer.personId());
    }

    private PersonLoad load(PersonRef person, YearMonth month, List<Instant> starts) {
        ZoneId zone = zone(person);
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return PersonLoad.of(month, zone, directory.shifts(person.id(), from, to), starts);
    }

    private List<Instant> starts(UUID personId) {
        return record.respondedBy(personId).stream().map(RespondedIncident::startedAt).toList();
    }

    private static ZoneId zone(PersonRef person) {
        return person == null || person.timeZone() == null ? ZoneOffset.UTC : person.timeZone();
    }
}
