package io.aftercare.care;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Care's answers, case by case, for the insights module alone: insights hands them to its rule set, which decides
 * what a group may be shown. No other module may use this (an architecture test says so), and nothing built on it
 * may show, count or filter a person's answers outside that rule set. Read-only.
 */
public interface CareAnswersForInsight {

    /** When, in the responder's own time zone, the incident started. */
    enum Hours {
        /** 08:00–18:00, Monday to Friday. */
        WORKING,
        /** 18:00–22:00 on weekdays and 08:00–22:00 at weekends. */
        OFF_HOURS,
        /** 22:00–08:00, every day. */
        SLEEP
    }

    /** The three measures a follow-up repeats, each the mean of its items on 1–5. */
    enum Measure {
        RUMINATION, SELF_CRITICISM, CONCERN_OVER_MISTAKES
    }

    /**
     * One answered follow-up.
     *
     * @param day      the follow-up's day (1, 7 or 30 by default)
     * @param answeredAt when it was answered (a follow-up counts in the month it was answered)
     * @param measures each answered measure's mean on 1–5, to one decimal; a measure left unanswered is absent
     */
    record FollowUp(int day, Instant answeredAt, java.util.Map<Measure, Double> measures) {
        public FollowUp {
            measures = java.util.Map.copyOf(measures);
        }
    }

    /**
     * One care case opened after an incident.
     *
     * @param severity   the case's first incident's severity ({@code SEV1} … {@code SEV5})
     * @param hours      when that incident started, in the person's own time zone
     * @param stress     the check-in's stress (1 not at all … 5 very stressed), or null when not answered in time
     * @param effects    the effects the check-in noticed (names of care's effects, {@code NONE} for none), empty when
     *                   not answered in time
     * @param followUps  the follow-ups answered in time, by day
     * @param optedOut   whether the person has opted out of care now (rule 8: out of every aggregate from then on)
     * @param optedOutInTime whether they had opted out by {@code answeredBefore}
     */
    record CaseAnswers(UUID caseId, UUID personId, String severity, Hours hours, Instant openedAt,
                       Integer stress, Set<String> effects, List<FollowUp> followUps, boolean optedOut,
                       boolean optedOutInTime) {
        public CaseAnswers {
            effects = Set.copyOf(effects);
            followUps = List.copyOf(followUps);
        }
    }

    /**
     * The cases opened after an incident from {@code from} (inclusive) to {@code to} (exclusive), with only what was
     * answered before {@code answeredBefore}: a month's figures stay the same however often they are worked out.
     */
    List<CaseAnswers> casesOpened(Instant from, Instant to, Instant answeredBefore);

    /**
     * The cases opened after an incident that have a follow-up answered from {@code from} (inclusive) to {@code to}
     * (exclusive), with what was answered before {@code to}: a follow-up, which comes weeks after the incident,
     * counts in the month it was answered.
     */
    List<CaseAnswers> casesFollowedUp(Instant from, Instant to);

    /**
     * {@link #casesOpened(Instant, Instant, Instant)}, of one team's cases only: those opened while the person was in
     * {@code team} (rule 8: a move later changes nothing), read without the rest of the organisation's.
     */
    List<CaseAnswers> casesOpened(Instant from, Instant to, Instant answeredBefore, UUID team);

    /** {@link #casesFollowedUp(Instant, Instant)}, of one team's cases only. */
    List<CaseAnswers> casesFollowedUp(Instant from, Instant to, UUID team);

    /**
     * A case with a follow-up answered in a month, with only what a report counts of it.
     *
     * @param followUps the follow-ups answered in the month, by day
     * @param optedOut  whether the person has opted out of care now (rule 8)
     */
    record FollowedUp(UUID caseId, UUID personId, Instant openedAt, List<FollowUp> followUps, boolean optedOut) {
        public FollowedUp {
            followUps = List.copyOf(followUps);
        }
    }

    /**
     * A month as a report reads it: the cases opened in it, and every case with a follow-up answered in it whenever
     * it opened, both by when they opened, then by id.
     *
     * @param opened     {@code casesOpened(from, to, answeredBefore[, team])} without their follow-ups, which a
     *                   report counts in the month they were answered, from {@code followedUp}
     * @param followedUp the cases of {@code casesFollowedUp(from, to[, team])}, each with the follow-ups answered in
     *                   the month alone
     */
    record Month(List<CaseAnswers> opened, List<FollowedUp> followedUp) {
        public Month {
            opened = List.copyOf(opened);
            followedUp = List.copyOf(followedUp);
        }
    }

    /**
     * {@link #casesOpened} and {@link #casesFollowedUp} of the same month as a report needs them, of one team's cases
     * when {@code team} is not null. {@code answeredBefore} must not be before {@code to}.
     */
    Month month(Instant from, Instant to, Instant answeredBefore, UUID team);
}
