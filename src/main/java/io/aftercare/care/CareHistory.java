package io.aftercare.care;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Care that already happened: for demo data (and, one day, imports). Cases are opened by the same rules as for a
 * live incident, but nobody is prompted about the past.
 */
public interface CareHistory {

    /**
     * Opens (or joins) cases for an incident that resolved in the past, exactly as
     * {@code CareCases.incidentResolved} would (trigger rules, opt-outs, the merge window, due times out of quiet
     * hours), then settles every step whose due time has passed as if the person had answered it when it came:
     * with the answer {@code answers} gives (stored like a live one, its note encrypted with the person's key), or
     * unanswered (the step lapses when the next one comes, the latest stays pending). A final follow-up answered
     * closes the case. Steps still ahead are scheduled as usual. Publishes no events and schedules no prompt or
     * reminder for the past: the past is not news.
     *
     * @return the cases the incident's people are now in: each one's person and when it was opened (when the
     *         incident resolved, or earlier for a case the incident joined)
     */
    List<PastCase> incidentResolvedInThePast(ResolvedIncident incident, PastAnswers answers);

    /** A case of the past: whose it is and when it was opened; nothing of what was answered in it. */
    record PastCase(UUID caseId, UUID personId, java.time.Instant openedAt) {
    }

    /**
     * A case the person opened for themselves (“I had a rough one”) at {@code openedAt}, its check-in waiting from
     * then; steps already due are settled as in {@link #incidentResolvedInThePast}.
     *
     * @return the case's id
     */
    UUID openedForSelfInThePast(UUID personId, java.time.Instant openedAt, PastAnswers answers);

    /** What each person said to each step of a past case. */
    @FunctionalInterface
    interface PastAnswers {

        /**
         * @param kind {@code CHECK_IN} or {@code FOLLOW_UP}
         * @param day  0 for the check-in, else the follow-up's day
         * @return empty if the person did not answer
         */
        Optional<PastAnswer> answer(UUID personId, String kind, int day);
    }

    /**
     * An answer given {@code after} the step fell due, in the API's shape: a check-in's fields, a follow-up's
     * items, or a quick {@code response} ({@code FINE} or {@code NOT_NOW}). An answer that would lie in the future
     * is not given yet: its step waits.
     */
    record PastAnswer(String response, Integer stress, List<String> effects, String outreach,
                      Map<String, Integer> items, String note, Duration after) {

        public PastAnswer {
            Objects.requireNonNull(after, "after");
        }

        public static PastAnswer checkIn(int stress, List<String> effects, String outreach, String note,
                                         Duration after) {
            return new PastAnswer(null, stress, effects, outreach, null, note, after);
        }

        public static PastAnswer followUp(Map<String, Integer> items, String note, Duration after) {
            return new PastAnswer(null, null, null, null, items, note, after);
        }

        /** {@code FINE} (“I'm fine, thanks”) or {@code NOT_NOW}. */
        public static PastAnswer quick(String response, Duration after) {
            return new PastAnswer(response, null, null, null, null, null, after);
        }
    }
}
