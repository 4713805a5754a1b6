package io.aftercare.insights;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The stress question of the organisation's last closed poll for everyone, for the insights module alone (the polls
 * module provides it; an architecture test keeps every other module away from it): who answered the round and how
 * many of them were stressed or very stressed, under the figure name the poll's results use, so that the rule set
 * gives one answer wherever the figure is shown.
 */
public interface StressPolls {

    /** One closed round: its id, the figure's name ({@code poll.q1.top2}), its respondents and how many were stressed. */
    record StressRound(UUID round, String figure, Set<UUID> respondents, int stressed) {
        public StressRound {
            respondents = Set.copyOf(respondents);
        }
    }

    Optional<StressRound> lastForEveryone();
}
