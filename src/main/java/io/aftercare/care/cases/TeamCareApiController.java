package io.aftercare.care.cases;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.care.cases.CareViews.TeamMember;
import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A team's care page as API, for the team's leads and admins: the same people the page lists, and the same answer to
 * a suggestion whatever the person has done. It reads through the page's own code ({@link CareService#team} and
 * {@link CareService#suggest}), so it cannot say more than the page does: nothing of anyone's care.
 */
@RestController
@RequestMapping("/api/v1/teams/{id}/care")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Team care", description = "For a team's leads and admins: the team's members, to suggest a check-in. "
    + "Never anything of anyone's care.")
class TeamCareApiController {

    private final CareService care;
    private final Directory directory;

    TeamCareApiController(CareService care, Directory directory) {
        this.care = care;
        this.directory = directory;
    }

    @Schema(name = "TeamCare", description = "The team and its members by name; nothing of their care")
    record TeamCareView(UUID teamId, String teamName, List<TeamMember> members) {
    }

    @Schema(name = "CheckInSuggestion")
    record SuggestionInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
        description = "a member of this team") UUID personId) {
    }

    @GetMapping
    @Operation(summary = "A team's members, to suggest a check-in to",
        description = "403 when you are neither an admin nor a lead of this team (the LEAD role alone is not "
            + "enough); 404 when there is no such team.")
    TeamCareView show(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        TeamRef team = TeamCareController.teamFor(directory, me, id);
        return new TeamCareView(team.id(), team.name(), care.team(id));
    }

    @PostMapping("/suggest")
    @Operation(summary = "Suggest a check-in to a member of the team",
        description = "The person finds an invitation on My aftercare; you learn nothing of what follows. The answer "
            + "is 202 whatever the person has done (an invitation already waiting, a case open, opted out). "
            + "400 when personId is missing or is you (your own check-in is on My aftercare); "
            + "403 when you are neither an admin nor a lead of this team; "
            + "404 when there is no such team, or the person is not in it.")
    ResponseEntity<Void> suggest(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                                 @RequestBody(required = false) SuggestionInput body) {
        TeamCareController.teamFor(directory, me, id);
        if (body == null || body.personId() == null) {
            throw DomainException.invalid("personId", "is required");
        }
        care.suggest(me.personId(), id, body.personId());
        return ResponseEntity.accepted().build();
    }
}
