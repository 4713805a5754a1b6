package io.aftercare.insights.oncall;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.Question;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;
import io.aftercare.shared.Months;

/**
 * The team-month figure of the end-of-shift question, and the only way anyone but the person sees an answer: each
 * person who answered about a shift of the team that ended in the month counts once, with the median of their
 * answers, and the rule set decides what may be shown (k, closed months, the viewer's log, three bands). Nothing
 * here counts or filters answers for display.
 */
@Component
class TeamEffort {

    static final String FIGURE = "oncall.effort";

    private final EffortStore store;
    private final ObjectProvider<RuleSet> ruleSet;
    private final Clock clock;

    TeamEffort(EffortStore store, ObjectProvider<RuleSet> ruleSet, Clock clock) {
        this.store = store;
        this.ruleSet = ruleSet;
        this.clock = clock;
    }

    /** The question asked of the rule set: one value per person, the team as it was when each shift was asked about. */
    Question question(UUID teamId, String teamName, YearMonth month) {
        var from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<UUID, List<Integer>> byPerson = store.teamAnswers(teamId, from, to).stream().collect(Collectors
            .groupingBy(EffortStore.Answer::personId, TreeMap::new,
                Collectors.mapping(EffortStore.Answer::effort, Collectors.toList())));
        List<Integer> values = new ArrayList<>();
        byPerson.values().forEach(answers -> values.add(median(answers)));
        return Question.of(FIGURE + "." + teamId, Statistic.BANDS, Window.Months.of(month),
            new Cell(teamName, byPerson.keySet(), values));
    }

    /**
     * What the viewer may see; empty until the rule set is in place, and for a month not released yet (the rule set
     * answers only for released months, and the page shows the open month too).
     */
    Optional<Figure> release(UUID viewerId, UUID teamId, String teamName, YearMonth month) {
        RuleSet rules = ruleSet.getIfAvailable();
        if (rules == null || !Months.released(month, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(rules.release(viewerId, question(teamId, teamName, month)).whole());
    }

    /** The middle answer, the lower of the two middle ones for an even count (an answer someone actually gave). */
    static int median(List<Integer> answers) {
        List<Integer> sorted = answers.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
