package io.aftercare.polls.results;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.insights.StressPolls;
import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollCatalogue;
import io.aftercare.polls.definition.PollQuestion;
import io.aftercare.polls.definition.QuestionRole;
import io.aftercare.polls.rounds.Round;
import io.aftercare.polls.rounds.RoundStore;
import io.aftercare.polls.answers.Tallies;

/**
 * The stress question of the organisation's last closed round of a poll for everyone, handed to the insights module
 * alone, which shows it only through its rule set. The figure's name is the one the results page uses for the
 * question's "stressed or very stressed" headline.
 */
@Component
class LastStressPoll implements StressPolls {

    private final PollCatalogue polls;
    private final RoundStore rounds;
    private final Tallies tallies;

    LastStressPoll(PollCatalogue polls, RoundStore rounds, Tallies tallies) {
        this.polls = polls;
        this.rounds = rounds;
        this.tallies = tallies;
    }

    private record Candidate(Poll poll, PollQuestion question, Round round) {
    }

    @Override
    public Optional<StressRound> lastForEveryone() {
        return polls.all().stream()
            .map(polls::find).flatMap(Optional::stream)
            .filter(Poll::everyone)
            .flatMap(poll -> poll.questions().stream().filter(q -> q.role() == QuestionRole.STRESS).findFirst()
                .flatMap(q -> rounds.of(poll.id()).stream().filter(Round::closed).findFirst()
                    .map(round -> new Candidate(poll, q, round)))
                .stream())
            .max(Comparator.comparing((Candidate c) -> c.round().closesOn()).thenComparing(c -> c.round().id()))
            .map(c -> {
                int[] counts = tallies.counts(c.round().id(), c.poll())[c.question().position()];
                int n = counts.length - 1;
                UUID round = c.round().id();
                return new StressRound(round, "poll.q" + c.question().position() + ".top2",
                    tallies.respondents(round), counts[n] + counts[n - 1]);
            });
    }
}
