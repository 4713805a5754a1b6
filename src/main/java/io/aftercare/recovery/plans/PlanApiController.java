package io.aftercare.recovery.plans;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.OnCallShift;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Back on the horse: the caller's own plans for their coming shifts. Another person's plan is 404. */
@RestController
@RequestMapping("/api/v1/me/plans")
@PreAuthorize("isAuthenticated()")
@Tag(name = "My recovery tools", description = "Your own recovery tools. Only you can see them.")
class PlanApiController {

    private final Plans plans;

    PlanApiController(Plans plans) {
        this.plans = plans;
    }

    /** Your plans, and your shifts in the next 60 days to plan for. */
    record PlansView(List<Plan> plans, List<OnCallShift> comingShifts) {
    }

    @GetMapping
    @Operation(summary = "Your plans for your coming on-call shifts, and those shifts",
        description = "Only yours. 401 without sign-in.")
    PlansView list(@AuthenticationPrincipal AftercareUser me) {
        return new PlansView(plans.of(me.personId()), plans.comingShifts(me.personId()));
    }

    @PostMapping
    @Operation(summary = "Plan one of your coming shifts: shadow someone, pair with someone, swap it, or go as normal",
        description = """
            {shiftStartsAt, kind, colleagueId, shared}: shiftStartsAt is the start of one of your shifts in the next \\
            60 days (GET lists them), kind SHADOW, PAIR, SWAP or AS_NORMAL, colleagueId optional (SHADOW and PAIR \\
            only), shared optional (default false): true lets the leads of the shift's team see the plan (who, \\
            what, which shift; never why), and tells them a plan was shared. 201 with the plan; 400 naming the \\
            invalid field; 409 when that shift has a plan already.""",
        responses = {@ApiResponse(responseCode = "201", description = "Planned"),
            @ApiResponse(responseCode = "400", description = "A field is not valid"),
            @ApiResponse(responseCode = "409", description = "That shift has a plan already")})
    ResponseEntity<Plan> create(@AuthenticationPrincipal AftercareUser me,
                                @RequestBody(required = false) Plans.PlanInput body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        Plan plan = plans.create(me.personId(), body);
        return ResponseEntity.created(URI.create("/api/v1/me/plans/" + plan.id())).body(plan);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change one of your plans ({kind, colleagueId, shared}; the shift stays)",
        description = """
            shared: true shares the plan with the leads of the shift's team, false stops sharing it (they no longer \
            see it, and a notice not yet sent to them is not sent); left out, it stays as it was.""",
        responses = {@ApiResponse(responseCode = "200", description = "Changed"),
            @ApiResponse(responseCode = "400", description = "A field is not valid"),
            @ApiResponse(responseCode = "404", description = "No plan of yours has this id")})
    Plan update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                @RequestBody(required = false) Plans.PlanInput body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        return plans.update(me.personId(), id, body);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one of your plans (if it was shared, the leads no longer see it)",
        responses = {@ApiResponse(responseCode = "204", description = "Deleted"),
            @ApiResponse(responseCode = "404", description = "No plan of yours has this id")})
    ResponseEntity<Void> delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        plans.delete(me.personId(), id);
        return ResponseEntity.noContent().build();
    }
}
