package io.aftercare.polls.api;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.polls.answers.Answering;
import io.aftercare.polls.definition.PollQuestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The polls a person was asked, as the pages {@code /polls} and {@code /polls/{id}} show them: only the caller's own
 * invitations and whether they have answered, never anyone else's participation. Answering stays
 * {@code POST /api/v1/polls/{id}/answers}.
 */
@RestController
@RequestMapping("/api/v1/me/polls")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Polls", description = "Anonymous pulse polls: nobody can see who answered what, results only for groups")
class MyPollsApiController {

    private final Answering answering;

    MyPollsApiController(Answering answering) {
        this.answering = answering;
    }

    @Schema(name = "MyPoll", description = "A poll you were asked: its round's days (UTC) and where you stand")
    record MyPollView(UUID id, String title, UUID round, String opensOn, String closesOn,
                      @Schema(description = "Whether you have answered this round (only ever your own answer)")
                      boolean answered,
                      @Schema(allowableValues = {"TO_ANSWER", "ANSWERED", "NOT_OPEN"}) String standing) {
    }

    @Schema(name = "MyPollQuestion", description = "One question; choices in order, the first is position 1")
    record QuestionView(int position, @Schema(allowableValues = {"SCALE", "ONE", "MANY"}) String kind, String text,
                        List<String> choices) {
    }

    @Schema(name = "MyPollWithQuestions", description = "A poll you were asked, with its questions")
    record MyPollDetail(MyPollView poll, List<QuestionView> questions) {
    }

    @GetMapping
    @Operation(summary = "The open polls you were asked, soonest closing first",
        description = "Each with whether you have answered this round. Polls you were not asked, and anything about "
            + "other people's answers, are never listed.",
        responses = {@ApiResponse(responseCode = "200", description = "Your open polls (an empty list when none)"),
            @ApiResponse(responseCode = "401", description = "Not signed in (problem detail)")})
    List<MyPollView> mine(@AuthenticationPrincipal AftercareUser me) {
        return answering.open(me.personId()).stream().map(MyPollsApiController::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One poll you were asked: its questions and choices",
        description = "Its newest round you were asked in, open or not, and whether you have answered it. Answer "
            + "with POST /api/v1/polls/{id}/answers.",
        responses = {@ApiResponse(responseCode = "200", description = "The poll and its questions"),
            @ApiResponse(responseCode = "401", description = "Not signed in (problem detail)"),
            @ApiResponse(responseCode = "404", description = "No poll you were asked has this id (problem detail)")})
    MyPollDetail one(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        Answering.ForPerson at = answering.forPerson(me.personId(), id);
        return new MyPollDetail(view(at), at.poll().questions().stream().map(MyPollsApiController::question).toList());
    }

    private static MyPollView view(Answering.ForPerson at) {
        return new MyPollView(at.poll().id(), at.poll().title(), at.round().id(), at.round().opensOn().toString(),
            at.round().closesOn().toString(), at.standing() == Answering.Standing.ANSWERED, at.standing().name());
    }

    private static QuestionView question(PollQuestion q) {
        return new QuestionView(q.position(), q.kind().name(), q.text(), q.choices());
    }
}
