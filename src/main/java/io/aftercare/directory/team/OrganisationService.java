package io.aftercare.directory.team;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.aftercare.directory.Organisation;
import io.aftercare.directory.TeamRef;
import io.aftercare.directory.rotation.RotationService;

@Service
class OrganisationService implements Organisation {

    private final TeamService teams;
    private final RotationService rotations;

    OrganisationService(TeamService teams, RotationService rotations) {
        this.teams = teams;
        this.rotations = rotations;
    }

    @Override
    public TeamRef createTeam(String name, List<UUID> leads, List<UUID> members, UUID actorId) {
        return teams.create(new TeamService.TeamInput(name, leads, members), actorId);
    }

    @Override
    public UUID createRotation(UUID teamId, String name, List<UUID> members, int shiftHours, LocalTime handoff,
                               String timeZone, LocalDate startsOn, UUID actorId) {
        return rotations.create(teamId, new RotationService.RotationInput(name, members, "PT" + shiftHours + "H",
            handoff.toString(), timeZone, startsOn.toString()), actorId).id();
    }
}
