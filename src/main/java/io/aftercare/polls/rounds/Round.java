package io.aftercare.polls.rounds;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One round of a poll: open from the start of {@code opensOn} to the end of {@code closesOn} (UTC days), once
 * {@code opened} (its invitations went out); frozen once {@code closed}.
 */
public record Round(UUID id, UUID pollId, int number, LocalDate opensOn, LocalDate closesOn, boolean opened,
                    boolean reminded, boolean closed) {

    /** Whether answers are taken now. */
    public boolean takesAnswers(LocalDate today) {
        return opened && !closed && !today.isAfter(closesOn);
    }
}
