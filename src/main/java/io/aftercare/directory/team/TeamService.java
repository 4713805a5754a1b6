package io.aftercare.directory.team;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.TeamRef;
import io.aftercare.directory.person.PersonRepository;
import io.aftercare.identity.AuditLog;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/** Creates, changes and removes teams, all or nothing. */
@Service
public class TeamService {

    private final TeamRepository teams;
    private final PersonRepository people;
    private final AuditLog audit;

    TeamService(TeamRepository teams, PersonRepository people, AuditLog audit) {
        this.teams = teams;
        this.people = people;
        this.audit = audit;
    }

    /** What a team is made of; {@code leads} are members as well, whether or not also listed in members. */
    public record TeamInput(String name, List<UUID> leads, List<UUID> members) {

        public List<UUID> leadsOrEmpty() {
            return leads == null ? List.of() : leads;
        }

        public List<UUID> membersOrEmpty() {
            return members == null ? List.of() : members;
        }
    }

    public TeamRef get(UUID id) {
        return teams.find(id).orElseThrow(() -> DomainException.notFound("The team " + id));
    }

    @Transactional
    public TeamRef create(TeamInput input, UUID actorId) {
        check(input, null);
        UUID id = UUID.randomUUID();
        teams.insert(id, input.name());
        teams.setMembers(id, input.membersOrEmpty(), input.leadsOrEmpty());
        audit.record(actorId, "TEAM_CREATED", "team:" + id, input.name().trim());
        return get(id);
    }

    @Transactional
    public TeamRef update(UUID id, TeamInput input, UUID actorId) {
        get(id);
        check(input, id);
        teams.rename(id, input.name());
        teams.setMembers(id, input.membersOrEmpty(), input.leadsOrEmpty());
        audit.record(actorId, "TEAM_CHANGED", "team:" + id, input.name().trim());
        return get(id);
    }

    @Transactional
    public void delete(UUID id, UUID actorId) {
        TeamRef team = get(id);
        teams.delete(id);
        audit.record(actorId, "TEAM_DELETED", "team:" + id, team.name());
    }

    /** Adds one person to a team (as a lead when {@code lead}). */
    @Transactional
    public TeamRef addMember(UUID teamId, UUID personId, boolean lead, UUID actorId) {
        get(teamId);
        if (personId == null || !people.exists(personId)) {
            throw DomainException.invalid("personId", "is not a person in the directory");
        }
        teams.addMember(teamId, personId, lead);
        audit.record(actorId, "TEAM_CHANGED", "team:" + teamId, "added person:" + personId);
        return get(teamId);
    }

    /** Removes one person from a team (and from its leads). */
    @Transactional
    public TeamRef removeMember(UUID teamId, UUID personId, UUID actorId) {
        TeamRef team = get(teamId);
        List<UUID> members = new ArrayList<>(team.members());
        List<UUID> leads = new ArrayList<>(team.leads());
        members.remove(personId);
        leads.remove(personId);
        teams.setMembers(teamId, members, leads);
        audit.record(actorId, "TEAM_CHANGED", "team:" + teamId, "removed person:" + personId);
        return get(teamId);
    }

    private void check(TeamInput input, UUID except) {
        List<FieldError> errors = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (input.name().trim().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        checkPeople("leads", input.leadsOrEmpty(), errors);
        checkPeople("members", input.membersOrEmpty(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (teams.nameTaken(input.name(), except)) {
            throw DomainException.conflict("There is already a team called " + input.name().trim() + ".");
        }
    }

    private void checkPeople(String field, List<UUID> ids, List<FieldError> errors) {
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        if (distinct.contains(null) || people.findAll(distinct.stream().filter(java.util.Objects::nonNull).toList())
            .size() != distinct.stream().filter(java.util.Objects::nonNull).count()) {
            errors.add(new FieldError(field, "contains someone who is not in the directory"));
        }
    }
}
