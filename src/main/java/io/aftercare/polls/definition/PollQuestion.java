package io.aftercare.polls.definition;

import java.util.List;

/**
 * One question of a poll, its choices in order (position 1 is the first).
 *
 * @param role what a template's question stands for, or null
 */
public record PollQuestion(int position, QuestionKind kind, String text, QuestionRole role, List<String> choices) {

    public PollQuestion {
        choices = List.copyOf(choices);
    }
}
