package io.aftercare.insights.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.Directory;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "End-of-shift question", description = "When an on-call shift ends, in a team that has turned it on, "
    + "the person is asked how much mental and emotional effort it took (1 none … 5 everything I had). The answer "
    + "is theirs: nobody else sees it except as a team figure through the rule set.")
class EndOfShiftApiController {

    private final EndOfShift endOfShift;
    private final Directory directory;

    EndOfShiftApiController(EndOfShift endOfShift, Directory directory) {
        this.endOfShift = endOfShift;
        this.directory = directory;
    }

    @Schema(name = "EndOfShiftQuestion")
    record QuestionView(UUID id, Instant shiftStartsAt, Instant shiftEndsAt,
                        @Schema(description = "1 none … 5 everything I had; null until answered") Integer effort,
                        Instant answeredAt) {
        static QuestionView of(EffortStore.Question q) {
            return new QuestionView(q.id(), q.shiftStartsAt(), q.shiftEndsAt(), q.effort(), q.answeredAt());
        }
    }

    @Schema(name = "EndOfShiftAnswer")
    record AnswerBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5")
                      Integer effort) {
    }

    @Schema(name = "EndOfShiftSetting")
    record SettingBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean enabled) {
    }

    @GetMapping("/api/v1/me/oncall/effort")
    @Operation(summary = "Your end-of-shift questions of the last six months: waiting (for a week) and answered",
        description = "Only ever your own. 401 without sign-in.",
        responses = @ApiResponse(responseCode = "200", description = "Your questions, newest first"))
    List<QuestionView> mine(@AuthenticationPrincipal AftercareUser me) {
        return endOfShift.mine(me.personId(), Instant.now().minus(Duration.ofDays(183))).stream()
            .map(QuestionView::of).toList();
    }

    @PostMapping("/api/v1/me/oncall/effort/{id}")
    @Operation(summary = "Answer one of your end-of-shift questions (again, to change the answer)",
        description = """
            effort 1 (none) to 5 (everything I had). 400 with a problem detail naming effort for anything else; \\
            404 for a question that is not yours or not there; 401 without sign-in.""",
        responses = {
            @ApiResponse(responseCode = "200", description = "Answered"),
            @ApiResponse(responseCode = "400", description = "effort missing or outside 1–5 (problem detail)"),
            @ApiResponse(responseCode = "401", description = "Not signed in"),
            @ApiResponse(responseCode = "404", description = "No such question of yours")})
    QuestionView answer(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                        @RequestBody AnswerBody body) {
        endOfShift.answer(me.personId(), id, body.effort());
        return endOfShift.mine(me.personId(), Instant.EPOCH).stream().filter(q -> q.id().equals(id)).findFirst()
            .map(QuestionView::of).orElseThrow(() -> DomainException.notFound("question"));
    }

    @GetMapping("/api/v1/teams/{id}/oncall-question")
    @Operation(summary = "Whether the team asks the end-of-shift question (its leads and admins)",
        description = "Off unless turned on. 403 for anyone but the team's leads and admins; 404 for no such team.",
        responses = {
            @ApiResponse(responseCode = "200", description = "The setting"),
            @ApiResponse(responseCode = "403", description = "Not a lead of this team or an admin"),
            @ApiResponse(responseCode = "404", description = "No such team")})
    SettingBody setting(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        EndOfShift.requireLeadOrAdmin(directory, me, id);
        return new SettingBody(endOfShift.enabled(id));
    }

    @PutMapping("/api/v1/teams/{id}/oncall-question")
    @Operation(summary = "Turn the end-of-shift question on or off for a team (its leads and admins)",
        description = """
            From when it is turned on, each person whose shift in one of the team's rotations ends is asked once. \\
            400 with a problem detail naming enabled when it is missing; 403 for anyone but the team's leads and \\
            admins; 404 for no such team.""",
        responses = {
            @ApiResponse(responseCode = "200", description = "The setting as it is now"),
            @ApiResponse(responseCode = "400", description = "enabled missing (problem detail)"),
            @ApiResponse(responseCode = "403", description = "Not a lead of this team or an admin"),
            @ApiResponse(responseCode = "404", description = "No such team")})
    SettingBody change(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                       @RequestBody SettingBody body) {
        EndOfShift.requireLeadOrAdmin(directory, me, id);
        if (body.enabled() == null) {
            throw DomainException.invalid("enabled", "is required");
        }
        endOfShift.setEnabled(me, id, body.enabled());
        return new SettingBody(endOfShift.enabled(id));
    }
}
