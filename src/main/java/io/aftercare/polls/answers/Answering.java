package io.aftercare.polls.answers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollCatalogue;
import io.aftercare.polls.definition.PollQuestion;
import io.aftercare.polls.definition.QuestionKind;
import io.aftercare.polls.rounds.Round;
import io.aftercare.polls.rounds.RoundStore;
import io.aftercare.shared.DomainException;

/**
 * A person answers a poll: once per round, only while it is open, only if they were asked. Every question may be
 * skipped. Nothing of what they chose is logged or kept with their name.
 */
@Service
public class Answering {

    private final PollCatalogue polls;
    private final RoundStore rounds;
    private final Tallies tallies;
    private final Clock clock;

    Answering(PollCatalogue polls, RoundStore rounds, Tallies tallies, Clock clock) {
        this.polls = polls;
        this.rounds = rounds;
        this.tallies = tallies;
        this.clock = clock;
    }

    /** Where a person stands with a poll. */
    public enum Standing {
        /** Asked, open, not answered yet: the form. */
        TO_ANSWER,
        /** Answered this round. */
        ANSWERED,
        /** Asked, but the round has closed (or not opened yet). */
        NOT_OPEN
    }

    /** A poll as the person who was asked sees it. */
    public record ForPerson(Poll poll, Round round, Standing standing) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The poll's newest round the person was asked in; 404 when they were asked in none (or there is no poll). */
    @Transactional(readOnly = true)
    public ForPerson forPerson(UUID personId, UUID pollId) {
        Poll poll = polls.find(pollId).orElseThrow(() -> DomainException.notFound("Poll"));
        Optional<Round> round = rounds.of(pollId).stream().filter(Round::opened)
            .filter(r -> rounds.invited(r.id(), personId)).findFirst();
        if (round.isEmpty()) {
            throw DomainException.notFound("Poll");
        }
        Round r = round.get();
        Standing standing = tallies.answered(r.id(), personId) ? Standing.ANSWERED
            : r.takesAnswers(today()) ? Standing.TO_ANSWER : Standing.NOT_OPEN;
        return new ForPerson(poll, r, standing);
    }

    /**
     * Takes one answer.
     *
     * @param chosen each answered question's position and its chosen choices (positions from 1); questions left
     *               out were skipped
     */
    @Transactional
    public void answer(UUID personId, UUID pollId, Map<Integer, List<Integer>> chosen) {
        ForPerson at = forPerson(personId, pollId);
        if (at.standing() == Standing.ANSWERED) {
            throw DomainException.conflict("You have answered this poll already. Thank you.");
        }
        if (at.standing() == Standing.NOT_OPEN) {
            throw DomainException.conflict("This poll is not taking answers now.");
        }
        Set<Integer> codes = new LinkedHashSet<>();
        for (Map.Entry<Integer, List<Integer>> e : chosen.entrySet()) {
            PollQuestion q = at.poll().questions().stream().filter(x -> x.position() == e.getKey()).findFirst()
                .orElseThrow(() -> DomainException.invalid("answers", "There is no question " + e.getKey() + "."));
            String field = "q" + q.position();
            List<Integer> choices = e.getValue() == null ? List.of() : e.getValue();
            if (q.kind() != QuestionKind.MANY && choices.size() > 1) {
                throw DomainException.invalid(field, "Choose one answer, or none.");
            }
            for (Integer c : choices) {
                if (c == null || c < 1 || c > q.choices().size()) {
                    throw DomainException.invalid(field, "That is not one of the choices.");
                }
                codes.add(q.position() * 1000 + c);
            }
        }
        try {
            if (!tallies.mark(at.round().id(), personId)) {
                throw DomainException.conflict("You have answered this poll already. Thank you.");
            }
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("You have answered this poll already. Thank you.");
        }
        tallies.add(at.round().id(), codes);
    }

    /** The open polls the person was asked and has not answered, soonest closing first. */
    @Transactional(readOnly = true)
    public List<ForPerson> waiting(UUID personId) {
        return rounds.waitingFor(personId, today()).stream()
            .map(r -> new ForPerson(polls.find(r.pollId()).orElseThrow(), r, Standing.TO_ANSWER)).toList();
    }

    /**
     * The open polls the person was asked, with whether they have answered this round (their own participation
     * only), soonest closing first.
     */
    @Transactional(readOnly = true)
    public List<ForPerson> open(UUID personId) {
        LocalDate today = today();
        return rounds.openFor(personId, today).stream()
            .map(r -> new ForPerson(polls.find(r.pollId()).orElseThrow(), r,
                tallies.answered(r.id(), personId) ? Standing.ANSWERED : Standing.TO_ANSWER)).toList();
    }
}
