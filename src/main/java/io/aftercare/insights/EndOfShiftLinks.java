package io.aftercare.insights;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * One-tap answers to the end-of-shift question, for notify to put in an e-mail or Slack message: a signed link per
 * choice (1 none … 5 everything I had), single use, expiring with the question, working without signing in. A link
 * opens a page with one button; a GET alone records nothing, so a mail scanner that follows links answers nothing.
 */
public interface EndOfShiftLinks {

    /** One choice of the question and its signed link. */
    record Choice(int effort, URI link) {
    }

    /** New links for the question's five choices, in order; none when the question is answered or gone. */
    List<Choice> answerLinks(UUID questionId);
}
