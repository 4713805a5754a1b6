package io.aftercare.polls;

import java.time.LocalDate;
import java.util.UUID;

/** The talk's straw poll of 40 production engineers, loaded as a closed poll for the demo organisation. */
public interface TalkPoll {

    /**
     * Adds the talk's poll, for everyone, as one round that opened a week before {@code closedOn} and closed on it,
     * answered by 40 engineers with the talk's figures (17 of them stressed or very stressed).
     *
     * @return the poll's id
     */
    UUID loadClosed(UUID createdBy, LocalDate closedOn);
}
