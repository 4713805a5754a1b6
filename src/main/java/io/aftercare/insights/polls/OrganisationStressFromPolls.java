package io.aftercare.insights.polls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.FigureText;
import io.aftercare.insights.Question;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.StressPolls;
import io.aftercare.insights.Window;
import io.aftercare.recovery.OrganisationStress;

/**
 * The journal's "Others have been here too" from the organisation's last closed poll for everyone: the stress
 * question's figure as the rule set releases it to the person reading, asked as the poll's results ask it (same
 * name, round and respondents), so it is the same answer a coordinator reads there. Nothing when there is no such
 * poll or the rule set does not show it.
 */
@Component
class OrganisationStressFromPolls implements OrganisationStress {

    private final StressPolls polls;
    private final RuleSet ruleSet;
    private final FigureText words;

    OrganisationStressFromPolls(StressPolls polls, RuleSet ruleSet, FigureText words) {
        this.polls = polls;
        this.ruleSet = ruleSet;
        this.words = words;
    }

    @Override
    public Optional<String> stressedInLastPoll(UUID viewer, Locale locale) {
        return polls.lastForEveryone().flatMap(round -> {
            int n = round.respondents().size();
            // answers are tallies, not rows (decision 0040): the values are a multiset, matched to nobody
            List<Integer> values = new ArrayList<>(Collections.nCopies(n, 0));
            for (int i = 0; i < Math.min(round.stressed(), n); i++) {
                values.set(i, 1);
            }
            Figure figure = ruleSet.release(viewer, Question.of(round.figure(), Statistic.SHARE,
                new Window.PollRound(round.round()), new Cell("all", round.respondents(), values))).whole();
            return figure instanceof Figure.Share share ? Optional.of(words.text(share, locale)) : Optional.empty();
        });
    }
}
