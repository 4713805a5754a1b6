package io.aftercare.polls.programme;

import java.util.ArrayList;
import java.util.List;

import io.aftercare.polls.definition.PollInput;

/**
 * The new-poll form as posted: everything as typed, checked by {@code PollCatalogue} so each field's error shows next
 * to it. Questions from scratch come as three parallel lists, one entry per question slot; choices one a line.
 */
record PollForm(String title, String template, String audience, List<String> teams, String recurrence,
                String opensOn, String closesOn, List<String> questionText, List<String> questionKind,
                List<String> questionChoices) {

    static final int SLOTS = 5;

    PollForm {
        teams = teams == null ? List.of() : List.copyOf(teams);
        questionText = pad(questionText);
        questionKind = pad(questionKind);
        questionChoices = pad(questionChoices);
    }

    static PollForm blank(String template, String today, String inAWeek) {
        return new PollForm("", template, "everyone", List.of(), "ONCE", today, inAWeek, null, null, null);
    }

    PollInput input() {
        List<PollInput.QuestionInput> questions = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            String choices = questionChoices.get(i);
            questions.add(new PollInput.QuestionInput(questionText.get(i), questionKind.get(i),
                choices == null ? List.of() : List.of(choices.split("\\R"))));
        }
        return new PollInput(title, template, "everyone".equals(audience), teams, recurrence, opensOn, closesOn,
            questions);
    }

    private static List<String> pad(List<String> values) {
        List<String> out = new ArrayList<>(values == null ? List.of() : values);
        while (out.size() < SLOTS) {
            out.add("");
        }
        return out;
    }
}
