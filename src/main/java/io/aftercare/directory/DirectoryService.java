package io.aftercare.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.aftercare.directory.person.PersonRepository;
import io.aftercare.directory.rotation.OnCallCalculator;
import io.aftercare.directory.team.TeamRepository;
import io.aftercare.shared.ReadOnce;

@Service
class DirectoryService implements Directory {

    private final PersonRepository people;
    private final TeamRepository teams;
    private final OnCallCalculator onCall;

    DirectoryService(PersonRepository people, TeamRepository teams, OnCallCalculator onCall) {
        this.people = people;
        this.teams = teams;
        this.onCall = onCall;
    }

    @Override
    public Optional<PersonRef> person(UUID id) {
        return ReadOnce.read("directory.person", id, () -> people.find(id));
    }

    @Override
    public Optional<PersonRef> personByEmail(String email) {
        return email == null ? Optional.empty() : people.findByEmail(email);
    }

    @Override
    public Optional<PersonRef> personByExternalIdentity(String provider, String externalId) {
        return people.findByIdentity(provider, externalId);
    }

    @Override
    public Optional<UUID> personIdByExternalIdentity(String provider, String externalId) {
        return people.idByIdentity(provider, externalId);
    }

    @Override
    public Optional<UUID> personIdByEmail(String email) {
        return email == null ? Optional.empty() : people.idByEmail(email);
    }

    @Override
    public List<PersonRef> people(Collection<UUID> ids) {
        return people.findAll(ids);
    }

    @Override
    public List<PersonName> names(Collection<UUID> ids) {
        return people.names(ids);
    }

    @Override
    public List<PersonName> everyone(int limit) {
        return people.everyone(limit);
    }

    @Override
    public List<TeamRef> allTeams(int limit) {
        List<TeamRef> all = teams.names();
        return all.size() <= limit ? all : all.subList(0, Math.max(0, limit));
    }

    @Override
    public Optional<TeamRef> team(UUID id) {
        return teams.find(id);
    }

    @Override
    public Optional<TeamRef> teamByName(String name) {
        return teams.findByName(name);
    }

    @Override
    public List<TeamRef> teamsOf(UUID personId) {
        return ReadOnce.read("directory.teamsOf", personId, () -> List.copyOf(teams.teamsOf(personId)));
    }

    @Override
    public List<UUID> onCall(UUID teamId, Instant at) {
        return onCall.onCall(teamId, at);
    }

    @Override
    public List<OnCallShift> shifts(UUID personId, Instant from, Instant to) {
        return onCall.shifts(personId, from, to);
    }

    @Override
    public List<RotationRef> rotations(UUID teamId) {
        return onCall.rotationsOf(teamId).stream().map(r -> new RotationRef(r.id(), r.teamId(), r.name(),
            r.members(), r.shiftLength(), r.zone())).toList();
    }

    @Override
    public Map<UUID, ZoneId> timeZones(Collection<UUID> ids) {
        return people.timeZones(ids);
    }
}
