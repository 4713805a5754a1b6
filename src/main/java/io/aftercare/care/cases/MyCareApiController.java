package io.aftercare.care.cases;

import java.net.URI;
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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.aftercare.care.cases.CareViews.CaseView;
import io.aftercare.care.cases.CareViews.OpenedCase;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.care.cases.CareViews.SuggestionView;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The person's own care data for scripts, chat bots and phones. Every route answers with the caller's own data
 * only, whatever their roles: another person's case or check-in is “not found”.
 */
@RestController
@RequestMapping("/api/v1/me")
@PreAuthorize("isAuthenticated()")
@Tag(name = "My aftercare", description = "Your own care cases and check-ins. Only you can see them.")
class MyCareApiController {

    private final CareService care;
    private final SupportOffer offer;

    MyCareApiController(CareService care, SupportOffer offer) {
        this.care = care;
        this.offer = offer;
    }

    /**
     * The answered step; with supportOffered true when the answer crosses the programme's threshold: ask the
     * person "Would you like someone to reach out?" and send their yes to .../support-offer.
     */
    record AnsweredStep(@JsonUnwrapped StepView step,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean supportOffered) {
    }

    @GetMapping("/cases")
    @Operation(summary = "Your care cases, newest first")
    List<CaseView> cases(@AuthenticationPrincipal AftercareUser me) {
        return care.cases(me.personId());
    }

    @PostMapping("/cases")
    @Operation(summary = "Open a care case for yourself (\"I had a rough one\"); its check-in is waiting right away")
    ResponseEntity<OpenedCase> open(@AuthenticationPrincipal AftercareUser me) {
        OpenedCase opened = care.openForSelf(me.personId(), CaseOrigin.SELF);
        return ResponseEntity.created(URI.create("/api/v1/me/cases/" + opened.caseId())).body(opened);
    }

    @PostMapping("/cases/{id}/close")
    @Operation(summary = "Close one of your cases (\"I'm OK now\")")
    CaseView close(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        care.close(me.personId(), id);
        return care.ownCase(me.personId(), id);
    }

    @PostMapping("/cases/{id}/reopen")
    @Operation(summary = "Reopen one of your closed cases")
    CaseView reopen(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        care.reopen(me.personId(), id);
        return care.ownCase(me.personId(), id);
    }

    @PostMapping("/cases/{id}/stop-asking")
    @Operation(summary = "Stop the questions about one of your cases (\"stop asking about this\")",
        description = "Its waiting check-in or follow-up is skipped and no more come; the case stays in your history "
            + "(muted). 404 when you have no such case.")
    CaseView stopAsking(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        care.stopAsking(me.personId(), id);
        return care.ownCase(me.personId(), id);
    }

    @Schema(name = "OptOutInput")
    record OptOutInput(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
        description = "true: no more cases or check-ins for you; false: they start again") Boolean optOut) {
    }

    @Schema(name = "OptOut")
    record OptOutView(@Schema(description = "true while you have opted out of check-ins") boolean optedOut) {
    }

    @PostMapping("/opt-out")
    @Operation(summary = "Opt out of check-ins, or back in",
        description = "Opting out skips every check-in waiting for you and opens no new case until you opt back in. "
            + "Nobody else learns of it.")
    OptOutView optOut(@AuthenticationPrincipal AftercareUser me, @RequestBody(required = false) OptOutInput body) {
        if (body == null || body.optOut() == null) {
            throw DomainException.invalid("optOut", "is required");
        }
        care.setOptedOut(me.personId(), body.optOut());
        return new OptOutView(care.hasOptedOut(me.personId()));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Invitations to a check-in waiting for your answer",
        description = "Someone on your team thought a check-in might be welcome; who it was is not said.")
    List<SuggestionView> suggestions(@AuthenticationPrincipal AftercareUser me) {
        return care.suggestions(me.personId());
    }

    @Schema(name = "SuggestionAnswerInput")
    record SuggestionAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
        description = "true opens a case with its check-in waiting; false declines") Boolean accept) {
    }

    @Schema(name = "SuggestionOutcome", description = "When accepted, the case it opened and its check-in")
    record SuggestionOutcome(boolean accepted, @JsonInclude(JsonInclude.Include.NON_NULL) UUID caseId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) UUID checkInId) {
    }

    @PostMapping("/suggestions/{id}")
    @Operation(summary = "Accept or decline an invitation to a check-in",
        description = "404 when there is no such invitation of yours, or it was answered already.")
    SuggestionOutcome suggestion(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                                 @RequestBody(required = false) SuggestionAnswer body) {
        if (body == null || body.accept() == null) {
            throw DomainException.invalid("accept", "is required");
        }
        return care.respondToSuggestion(me.personId(), id, body.accept())
            .map(opened -> new SuggestionOutcome(true, opened.caseId(), opened.checkInId()))
            .orElseGet(() -> new SuggestionOutcome(false, null, null));
    }

    @GetMapping("/check-ins")
    @Operation(summary = "Your check-ins and follow-ups, pending and past, with your own answers")
    List<StepView> checkIns(@AuthenticationPrincipal AftercareUser me) {
        return care.steps(me.personId());
    }

    @PostMapping("/check-ins/{id}")
    @Operation(summary = "Answer a pending check-in ({stress, effects, outreach, note}) or follow-up "
        + "({items, note}), or {response: NOT_NOW | FINE}")
    AnsweredStep answer(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                        @RequestBody(required = false) CareService.AnswerBody body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        care.answer(me.personId(), id, body);
        StepView step = care.step(me.personId(), id).orElseThrow(() -> DomainException.notFound("Check-in"));
        return new AnsweredStep(step, offer.offered(me.personId(), step) ? Boolean.TRUE : null);
    }
}
