package io.aftercare.polls.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

import io.aftercare.identity.AftercareUser;
import io.aftercare.polls.answers.Answering;
import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollCatalogue;
import io.aftercare.polls.definition.PollInput;
import io.aftercare.polls.results.PollResults;
import io.aftercare.polls.rounds.PollRounds;
import io.aftercare.polls.rounds.Round;
import io.aftercare.polls.rounds.RoundStore;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Pulse polls as API: coordinators make and close polls; a person who was asked answers once per round; results
 * (after the close, through the rule set) for coordinators, admins and leads of the poll's teams.
 */
@RestController
@RequestMapping("/api/v1/polls")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Polls", description = "Anonymous pulse polls: nobody can see who answered what, results only for groups")
class PollsApiController {

    private final PollCatalogue polls;
    private final PollRounds running;
    private final RoundStore rounds;
    private final Answering answering;
    private final PollResults results;

    PollsApiController(PollCatalogue polls, PollRounds running, RoundStore rounds, Answering answering,
                       PollResults results) {
        this.polls = polls;
        this.running = running;
        this.rounds = rounds;
        this.answering = answering;
        this.results = results;
    }

    @Schema(name = "PollRound", description = "One round of a poll (UTC days)")
    record RoundView(UUID id, int number, String opensOn, String closesOn,
                     @Schema(allowableValues = {"PLANNED", "OPEN", "CLOSING", "CLOSED"}) String status,
                     long invited) {
    }

    @Schema(name = "Poll", description = "A poll, its questions and its rounds, newest first")
    record PollView(Poll poll, List<RoundView> rounds) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Operation(summary = "Every poll, newest first", description = "Coordinators and admins. 403 for anyone else.")
    List<PollView> list() {
        return polls.all().stream().map(polls::find).flatMap(java.util.Optional::stream).map(this::view).toList();
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Operation(summary = "Make a poll: the talk's straw poll (template \"talk\") or your own questions",
        description = """
            {title, template, everyone, teams, recurrence, opensOn, closesOn, questions}: template "talk" or \\
            "scratch" (then questions: [{text, kind SCALE|ONE|MANY, choices}]); everyone true, or teams (ids); \\
            recurrence ONCE or QUARTERLY; days YYYY-MM-DD, opening today or later. A poll opening today invites \\
            its people at once. 201 with the poll; 400 naming each invalid field.""",
        responses = {@ApiResponse(responseCode = "201", description = "Made"),
            @ApiResponse(responseCode = "400", description = "A field is not valid"),
            @ApiResponse(responseCode = "403", description = "Not a coordinator or admin")})
    ResponseEntity<PollView> create(@AuthenticationPrincipal AftercareUser me,
                                    @RequestBody(required = false) PollInput body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        Poll poll = running.create(me.personId(), body);
        return ResponseEntity.created(URI.create("/api/v1/polls/" + poll.id())).body(view(poll));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Operation(summary = "One poll with its rounds",
        responses = {@ApiResponse(responseCode = "200", description = "The poll"),
            @ApiResponse(responseCode = "404", description = "No poll has this id")})
    PollView one(@PathVariable UUID id) {
        return view(polls.find(id).orElseThrow(() -> DomainException.notFound("Poll")));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Operation(summary = "Close the poll's open round now, before its closing day",
        responses = {@ApiResponse(responseCode = "200", description = "Closed; the poll with its rounds"),
            @ApiResponse(responseCode = "404", description = "No poll has this id"),
            @ApiResponse(responseCode = "409", description = "The poll has no open round")})
    PollView close(@PathVariable UUID id) {
        running.closeNow(id);
        return one(id);
    }

    @Schema(name = "PollAnswer", description = "Your answer: for each question you answer, its position and the "
        + "positions of your choices (from 1). Leave a question out to skip it.")
    record AnswerBody(@Schema(example = "{\"1\": [4], \"2\": [1, 3]}") Map<String, List<Integer>> answers) {
    }

    @PostMapping("/{id}/answers")
    @Operation(summary = "Answer a poll you were asked, once per round",
        description = "Anonymous: only that you answered is kept with your name, never what. Every question may be "
            + "skipped.",
        responses = {@ApiResponse(responseCode = "204", description = "Counted"),
            @ApiResponse(responseCode = "400", description = "Not one of the questions or choices"),
            @ApiResponse(responseCode = "404", description = "No poll you were asked has this id"),
            @ApiResponse(responseCode = "409", description = "You have answered this round already, or it is "
                + "not open")})
    ResponseEntity<Void> answer(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                                @RequestBody(required = false) AnswerBody body) {
        Map<Integer, List<Integer>> chosen = new LinkedHashMap<>();
        if (body != null && body.answers() != null) {
            body.answers().forEach((q, c) -> {
                try {
                    chosen.put(Integer.parseInt(q), c);
                } catch (NumberFormatException e) {
                    throw DomainException.invalid("answers", "There is no question " + q + ".");
                }
            });
        }
        answering.answer(me.personId(), id, chosen);
        return ResponseEntity.noContent().build();
    }

    @Schema(name = "PollResults", description = "A closed round's figures as released by the rule set; before the "
        + "first round closes, available is false and closesOn says when results appear")
    record ResultsView(boolean available, String closesOn, UUID round, UUID previousRound,
                       List<PollResults.QuestionResult> questions, PollResults.Gap reachOutGap) {
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "A poll's results, once its round has closed",
        description = "Coordinators, admins and leads of the poll's teams. Each figure is a share of everyone who "
            + "answered the round; a figure that could identify someone is hidden, with the same words whatever the "
            + "reason. An option whose count, with the total and the options beside it, would give away a small "
            + "count is hidden too, with its own sentence and the value \"not shown\".",
        responses = {@ApiResponse(responseCode = "200", description = "The results, or when they appear"),
            @ApiResponse(responseCode = "404", description = "No poll whose results you may see has this id")})
    ResultsView results(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, Locale locale) {
        PollResults.Results r = results.of(me, id, locale);
        return new ResultsView(r.available(), r.closesOn() == null ? null : r.closesOn().toString(),
            r.round() == null ? null : r.round().id(), r.previous() == null ? null : r.previous().id(),
            r.questions(), r.gap());
    }

    private PollView view(Poll poll) {
        var today = running.today();
        return new PollView(poll, rounds.of(poll.id()).stream().map(r -> new RoundView(r.id(), r.number(),
            r.opensOn().toString(), r.closesOn().toString(), status(r, today), rounds.invitedCount(r.id()))).toList());
    }

    private static String status(Round r, java.time.LocalDate today) {
        if (r.closed()) {
            return "CLOSED";
        }
        if (r.opened() && !today.isAfter(r.closesOn())) {
            return "OPEN";
        }
        return r.opened() ? "CLOSING" : "PLANNED";
    }
}
