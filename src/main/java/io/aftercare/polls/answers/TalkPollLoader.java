package io.aftercare.polls.answers;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.polls.TalkPoll;
import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollCatalogue;
import io.aftercare.polls.definition.PollInput;
import io.aftercare.polls.definition.PollTemplates;
import io.aftercare.polls.rounds.PollRounds;
import io.aftercare.polls.rounds.Round;
import io.aftercare.polls.rounds.RoundStore;

/**
 * The talk's straw poll of 40 production engineers, as a closed poll: 17 of the 40 (42.5%) stressed or very stressed,
 * as the talk reported. The talk showed the other answers as charts without numbers, so the rest of these figures
 * are made up to look like them (docs/polls.md says so). The 40 respondents are stand-ins, not directory people.
 */
@Component
class TalkPollLoader implements TalkPoll {

    /** [question][choice], both from 1: the talk's poll. */
    static final int[][] COUNTS = {
        {},
        {0, 3, 8, 12, 11, 6},          // how stressed: 11 stressed + 6 very stressed = 17 of 40
        {0, 22, 13, 17, 14, 9, 7},     // effects noticed (any number)
        {0, 9, 14, 11, 5, 1},          // coworkers reach out to me: never … always
        {0, 2, 9, 14, 11, 4},          // I reach out to coworkers: never … always
        {0, 24, 18, 20, 6, 5, 3}};     // coping now (any number)

    static final int RESPONDENTS = 40;

    private final PollCatalogue polls;
    private final RoundStore rounds;
    private final PollRounds running;
    private final Tallies tallies;
    private final PollTemplates templates;

    TalkPollLoader(PollCatalogue polls, RoundStore rounds, PollRounds running, Tallies tallies,
                   PollTemplates templates) {
        this.polls = polls;
        this.rounds = rounds;
        this.running = running;
        this.tallies = tallies;
        this.templates = templates;
    }

    @Override
    @Transactional
    public UUID loadClosed(UUID createdBy, LocalDate closedOn) {
        LocalDate opened = closedOn.minusDays(7);
        PollCatalogue.Checked checked = polls.check(new PollInput(templates.talkTitle(), PollTemplates.TALK, true,
            null, "ONCE", opened.toString(), closedOn.toString(), null), opened);
        Poll poll = checked.poll();
        polls.store(poll, createdBy);
        Round round = new Round(UUID.randomUUID(), poll.id(), 1, opened, closedOn, true, true, true);
        rounds.insert(round);
        running.startTallies(round.id(), poll);
        Set<UUID> respondents = new LinkedHashSet<>();
        while (respondents.size() < RESPONDENTS) {
            respondents.add(UUID.randomUUID());
        }
        tallies.load(round.id(), respondents, COUNTS);
        return poll.id();
    }
}
