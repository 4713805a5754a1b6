package io.aftercare.polls.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The polls a coordinator can start from. The first is the talk's straw poll: how stressed people feel after an
 * incident, the effects they noticed (care's own five, in care's words), how often coworkers reach out to them and
 * how often they reach out, and how they are coping now.
 */
@Component
public class PollTemplates {

    /** The talk's straw poll. */
    public static final String TALK = "talk";
    /** Questions of the coordinator's own. */
    public static final String SCRATCH = "scratch";

    static final List<String> EFFECTS = List.of("ANXIETY_ABOUT_NEXT_INCIDENT", "LOSS_OF_CONFIDENCE",
        "SLEEPING_DIFFICULTIES", "REDUCED_JOB_SATISFACTION", "WORRY_ABOUT_REPUTATION", "NONE");

    private final MessageSource messages;

    PollTemplates(MessageSource messages) {
        this.messages = messages;
    }

    public String talkTitle() {
        return msg("polls.talk.title");
    }

    /** The talk's five questions, in the talk's order. */
    public List<PollQuestion> talk() {
        List<String> often = range("polls.talk.often.", 1, 5);
        List<String> stress = range("care.form.stress.", 1, 5);
        List<String> effects = EFFECTS.stream().map(e -> msg("care.effect." + e)).toList();
        List<String> coping = range("polls.talk.coping.", 1, 6);
        return List.of(
            new PollQuestion(1, QuestionKind.SCALE, msg("polls.talk.q1"), QuestionRole.STRESS, stress),
            new PollQuestion(2, QuestionKind.MANY, msg("polls.talk.q2"), null, effects),
            new PollQuestion(3, QuestionKind.SCALE, msg("polls.talk.q3"), QuestionRole.REACHED_OUT_TO, often),
            new PollQuestion(4, QuestionKind.SCALE, msg("polls.talk.q4"), QuestionRole.REACHES_OUT, often),
            new PollQuestion(5, QuestionKind.MANY, msg("polls.talk.q5"), null, coping));
    }

    private List<String> range(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(msg(prefix + i));
        }
        return out;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }
}
