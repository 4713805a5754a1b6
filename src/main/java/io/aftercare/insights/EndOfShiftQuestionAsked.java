package io.aftercare.insights;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's on-call shift has ended in a team that asks the end-of-shift question, and the question is waiting for
 * them on their on-call page. Notify tells them (inbox, and e-mail or Slack outside their quiet hours); the event
 * carries no answer, and there is one per shift.
 */
public record EndOfShiftQuestionAsked(UUID questionId, UUID personId, Instant shiftEndedAt) {
}
