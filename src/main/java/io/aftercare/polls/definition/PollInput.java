package io.aftercare.polls.definition;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new poll as asked for, unchecked: from the page's form or the API's JSON. {@link PollCatalogue#create} checks it
 * and names every invalid field.
 *
 * @param template  {@code talk} for the talk's straw poll (its questions are used and {@code questions} is
 *                  ignored), or {@code scratch}
 * @param teams     the teams asked; empty with {@code everyone}
 * @param opensOn   YYYY-MM-DD, today or later
 * @param closesOn  YYYY-MM-DD, on or after the opening day
 */
@Schema(name = "NewPoll")
public record PollInput(@Schema(example = "After incidents, this quarter") String title,
                        @Schema(example = "talk") String template,
                        @Schema(description = "ask everyone (teams then ignored)") Boolean everyone,
                        List<String> teams,
                        @Schema(example = "QUARTERLY", allowableValues = {"ONCE", "QUARTERLY"}) String recurrence,
                        @Schema(example = "2026-12-07") String opensOn,
                        @Schema(example = "2026-12-18") String closesOn,
                        List<QuestionInput> questions) {

    public PollInput {
        everyone = Boolean.TRUE.equals(everyone);
        teams = teams == null ? List.of() : List.copyOf(teams);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** One question made from scratch: its text, SCALE (five choices), ONE or MANY, and its choices in order. */
    @Schema(name = "NewPollQuestion")
    public record QuestionInput(@Schema(example = "How rested do you feel after on-call?") String text,
                                @Schema(example = "SCALE") String kind,
                                List<String> choices) {

        public QuestionInput {
            choices = choices == null ? List.of() : choices.stream().map(c -> c == null ? "" : c.strip())
                .filter(c -> !c.isEmpty()).toList();
        }
    }
}
