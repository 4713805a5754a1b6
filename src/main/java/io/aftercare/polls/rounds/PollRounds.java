package io.aftercare.polls.rounds;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonName;
import io.aftercare.polls.PollInvitation;
import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollCatalogue;
import io.aftercare.polls.definition.PollInput;
import io.aftercare.polls.definition.Recurrence;
import io.aftercare.shared.DomainException;

/**
 * A poll's rounds over time. On its opening day a round takes a snapshot of who is asked (the poll's teams' members
 * and leads, or everyone) and invites them; the day before it closes, those without a participation marker get one
 * reminder; after its closing day it closes and its answers are frozen. A quarterly poll then gets its next round,
 * three months after the last one opened. Each step happens once, whichever instance runs it.
 */
@Service
public class PollRounds {

    private static final Logger log = LoggerFactory.getLogger(PollRounds.class);

    /** "Everyone": at most this many people are asked. */
    static final int EVERYONE_LIMIT = 100_000;

    private final PollCatalogue polls;
    private final RoundStore rounds;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PollRounds(PollCatalogue polls, RoundStore rounds, Directory directory, ApplicationEventPublisher events,
               Clock clock) {
        this.polls = polls;
        this.rounds = rounds;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Checks and stores a new poll with its first round, and opens that round now if it opens today. */
    @Transactional
    public Poll create(UUID createdBy, PollInput input) {
        PollCatalogue.Checked checked = polls.check(input, today());
        polls.store(checked.poll(), createdBy);
        Round first = new Round(UUID.randomUUID(), checked.poll().id(), 1, checked.opensOn(), checked.closesOn(),
            false, false, false);
        rounds.insert(first);
        rounds.startTallies(first.id(), checked.poll());
        if (!first.opensOn().isAfter(today())) {
            open(checked.poll(), first);
        }
        return checked.poll();
    }

    /** Opens, reminds and closes whatever is due today. */
    @Transactional
    public void tick() {
        LocalDate today = today();
        for (Round r : rounds.notClosed(today)) {
            Poll poll = polls.find(r.pollId()).orElse(null);
            if (poll == null) {
                continue;
            }
            if (today.isAfter(r.closesOn())) {
                close(poll, r);
            } else if (!r.opened()) {
                open(poll, r);
            } else if (!r.reminded() && !today.isBefore(r.closesOn().minusDays(1))
                && r.closesOn().isAfter(r.opensOn())) {
                remind(poll, r);
            }
        }
    }

    /** Closes the poll's open round now, before its closing day (a coordinator's choice). */
    @Transactional
    public void closeNow(UUID pollId) {
        Poll poll = polls.find(pollId).orElseThrow(() -> DomainException.notFound("Poll"));
        Round open = rounds.of(pollId).stream().filter(r -> r.opened() && !r.closed()).findFirst()
            .orElseThrow(() -> DomainException.conflict("This poll has no open round to close."));
        close(poll, open);
    }

    private void open(Poll poll, Round r) {
        if (!rounds.markOpened(r.id())) {
            return;
        }
        Set<UUID> people = new LinkedHashSet<>();
        if (poll.everyone()) {
            directory.everyone(EVERYONE_LIMIT).stream().map(PersonName::id).forEach(people::add);
        } else {
            for (UUID teamId : poll.teams()) {
                directory.team(teamId).ifPresent(t -> {
                    people.addAll(t.leads());
                    people.addAll(t.members());
                });
            }
        }
        rounds.invite(r.id(), people);
        people.forEach(p -> events.publishEvent(new PollInvitation(poll.id(), r.id(), p, false)));
        log.info("Poll round {} opened: {} people asked", r.id(), people.size());
    }

    private void remind(Poll poll, Round r) {
        if (!rounds.markReminded(r.id())) {
            return;
        }
        List<UUID> waiting = rounds.notAnswered(r.id());
        waiting.forEach(p -> events.publishEvent(new PollInvitation(poll.id(), r.id(), p, true)));
        log.info("Poll round {}: reminded {} people", r.id(), waiting.size());
    }

    private void close(Poll poll, Round r) {
        if (!rounds.markClosed(r.id())) {
            return;
        }
        log.info("Poll round {} closed", r.id());
        if (poll.recurrence() == Recurrence.QUARTERLY) {
            long days = r.closesOn().toEpochDay() - r.opensOn().toEpochDay();
            LocalDate opens = r.opensOn().plusMonths(3);
            if (opens.isBefore(today())) {
                opens = today().plusDays(1);
            }
            Round next = new Round(UUID.randomUUID(), poll.id(), r.number() + 1, opens, opens.plusDays(days), false,
                false, false);
            rounds.insert(next);
            rounds.startTallies(next.id(), poll);
        }
    }

    /** A new round's tallies, all zero (for a round made outside {@link #create}, such as the demo's). */
    public void startTallies(UUID roundId, Poll poll) {
        rounds.startTallies(roundId, poll);
    }

    /** Whether the person leads one of the poll's teams (the directory's current leads). */
    public boolean leadsATeamOf(Poll poll, UUID personId) {
        return poll.teams().stream().map(directory::team).flatMap(java.util.Optional::stream)
            .anyMatch(t -> t.leads().contains(personId));
    }
}
