package io.aftercare.polls.answers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.polls.rounds.RoundStore;
import io.aftercare.shared.PersonalData;

/**
 * What polls hold about a person: which rounds they answered (never what: that is not kept with them). On erasure
 * their invitations go and their markers get a random stand-in, so a closed round's count still matches its tallies.
 */
@Component
@Order(160)
class PollsPersonalData implements PersonalData {

    private final Tallies tallies;
    private final RoundStore rounds;

    PollsPersonalData(Tallies tallies, RoundStore rounds) {
        this.tallies = tallies;
        this.rounds = rounds;
    }

    @Override
    public String section() {
        return "polls";
    }

    @Override
    public Object export(UUID personId) {
        List<UUID> answered = tallies.roundsAnsweredBy(personId);
        return Map.of("roundsAnswered", answered,
            "note", "Your answers are anonymous: only that you answered is kept with your name, never what.");
    }

    @Override
    public void erase(UUID personId) {
        rounds.forgetInvitee(personId);
        tallies.anonymise(personId);
    }
}
