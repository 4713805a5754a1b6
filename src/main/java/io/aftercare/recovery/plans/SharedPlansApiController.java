package io.aftercare.recovery.plans;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.Directory;
import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The plans a team's members chose to share with its leads, for the leads alone (not admins): the same list the page
 * shows. A plan not shared is never read, so it changes nothing here.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Shared plans", description = "For a team's leads: plans for coming on-call shifts that people chose "
    + "to share with them. Only the plan, never why.")
class SharedPlansApiController {

    private final Plans plans;
    private final Directory directory;

    SharedPlansApiController(Plans plans, Directory directory) {
        this.plans = plans;
        this.directory = directory;
    }

    @Schema(name = "SharedPlans", description = "The team, and the plans shared with its leads for shifts not yet ended")
    record SharedPlansView(UUID teamId, String teamName, List<Plans.SharedPlan> plans) {
    }

    @GetMapping("/api/v1/teams/{id}/shared-plans")
    @Operation(summary = "Plans shared with you as a lead of this team, for shifts not yet ended",
        description = "Who, what (shadow, pair, swap, as normal, and with whom) and which shift, by start; never "
            + "why, and nothing of anyone's care. A plan is here only while its person shares it. 403 when you do "
            + "not lead this team (admins included: plans are shared with the leads).",
        responses = {@ApiResponse(responseCode = "200", description = "The shared plans, perhaps none"),
            @ApiResponse(responseCode = "401", description = "Not signed in"),
            @ApiResponse(responseCode = "403", description = "You do not lead this team")})
    SharedPlansView list(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        var team = SharedPlansController.ledBy(directory, me, id);
        return new SharedPlansView(team.id(), team.name(), plans.sharedWith(id));
    }
}
