package io.aftercare.polls.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.FigureText;
import io.aftercare.insights.Question;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;
import io.aftercare.polls.answers.Tallies;
import io.aftercare.polls.definition.Poll;
import io.aftercare.polls.definition.PollCatalogue;
import io.aftercare.polls.definition.PollQuestion;
import io.aftercare.polls.definition.QuestionKind;
import io.aftercare.polls.definition.QuestionRole;
import io.aftercare.polls.rounds.PollRounds;
import io.aftercare.polls.rounds.Round;
import io.aftercare.polls.rounds.RoundStore;
import io.aftercare.shared.DomainException;

/**
 * A poll's results: only once its round has closed, and only what {@link RuleSet#release} lets the viewer see, one
 * figure per choice and a headline per question, each a share of everyone who answered the round (a skipped question
 * counts as not choosing). The viewer is a coordinator or admin, or a lead of one of the poll's teams; anyone else
 * gets 404, as if there were no poll.
 */
@Service
public class PollResults {

    private final PollCatalogue polls;
    private final RoundStore rounds;
    private final Tallies tallies;
    private final PollRounds running;
    private final RuleSet ruleSet;
    private final FigureText figureText;
    private final MessageSource messages;

    PollResults(PollCatalogue polls, RoundStore rounds, Tallies tallies, PollRounds running, RuleSet ruleSet,
                FigureText figureText, MessageSource messages) {
        this.polls = polls;
        this.rounds = rounds;
        this.tallies = tallies;
        this.running = running;
        this.ruleSet = ruleSet;
        this.figureText = figureText;
        this.messages = messages;
    }

    /**
     * One released share: the sentence ("17 of 40 (42.5%) were stressed or very stressed"), the figure alone for the
     * chart ("17 of 40 (42.5%)", "2 or fewer of 40") and the width of its bar (0 when hidden or few, 100 when all but
     * a few), all from the rule set's figure and FigureText's words. {@code hidden} when no count is given: too few
     * answers, or an option withheld so that the others cannot give away a small one (its value "not shown").
     */
    public record Shown(String figure, boolean hidden, String sentence, String value, double percent) {
    }

    /** One choice's figure. */
    public record ChoiceResult(String label, Shown shown) {
    }

    /** One question: its headline (if it has one) and each choice's figure. */
    public record QuestionResult(int position, String text, String kind, Shown headline, Shown previousHeadline,
                                 List<ChoiceResult> choices) {
    }

    /** The reach-out gap: for each level (never … always), how many are reached out to and how many reach out. */
    public record Gap(List<String> levels, List<Shown> reachedOutTo, List<Shown> reachOut, Shown reachedOftenHeadline,
                      Shown reachOftenHeadline) {
    }

    /**
     * The results of the poll's newest closed round for this viewer.
     *
     * @param closesOn  the open round's closing day when nothing has closed yet (results appear then)
     * @param round     the closed round shown, or null
     */
    public record Results(Poll poll, Round round, LocalDate closesOn, List<QuestionResult> questions, Gap gap,
                          Round previous) {

        public boolean available() {
            return round != null;
        }
    }

    /** Whether the viewer may see this poll's results at all (coordinators, admins, leads of its teams). */
    public boolean mayView(AftercareUser viewer, Poll poll) {
        return viewer.has(Role.COORDINATOR) || viewer.has(Role.ADMIN) || running.leadsATeamOf(poll, viewer.personId());
    }

    @Transactional
    public Results of(AftercareUser viewer, UUID pollId, Locale locale) {
        Poll poll = polls.find(pollId).orElseThrow(() -> DomainException.notFound("Poll"));
        if (!mayView(viewer, poll)) {
            throw DomainException.notFound("Poll");
        }
        List<Round> all = rounds.of(pollId);
        List<Round> closed = all.stream().filter(Round::closed).toList();
        if (closed.isEmpty()) {
            LocalDate closesOn = all.stream().map(Round::closesOn).min(LocalDate::compareTo).orElse(null);
            return new Results(poll, null, closesOn, List.of(), null, null);
        }
        Round round = closed.get(0);
        Round previous = closed.size() > 1 ? closed.get(1) : null;
        Counted now = count(round, poll);
        Counted before = previous == null ? null : count(previous, poll);
        UUID who = viewer.personId();
        List<QuestionResult> questions = new ArrayList<>();
        Map<Integer, List<Figure>> released = new HashMap<>();
        for (PollQuestion q : poll.questions()) {
            List<Figure> figures = released.computeIfAbsent(q.position(), p -> figures(who, q, now));
            List<ChoiceResult> choices = new ArrayList<>();
            for (int c = 1; c <= q.choices().size(); c++) {
                String label = q.choices().get(c - 1);
                String phrase = msg(locale, q.kind() == QuestionKind.MANY ? "polls.results.chose"
                    : "polls.results.answered", label);
                choices.add(new ChoiceResult(label, shown(option(q, c), figures.get(c - 1), phrase, locale)));
            }
            Shown headline = null;
            Shown previousHeadline = null;
            if (q.role() == QuestionRole.STRESS) {
                String phrase = msg(locale, "polls.results.stressed");
                headline = shown(top2(q), figures.get(q.choices().size()), phrase, locale);
                if (before != null) {
                    previousHeadline = shown(top2(q), figures(who, q, before).get(q.choices().size()), phrase, locale);
                }
            }
            questions.add(new QuestionResult(q.position(), q.text(), q.kind().name(), headline, previousHeadline,
                choices));
        }
        return new Results(poll, round, round.closesOn(), questions, gap(poll, released, locale), previous);
    }

    /**
     * A question's options and, for a question with one, the sum of its top two ("often or always"), each through
     * the rule set; a single-choice question's then together ({@link RuleSet#together}), so that the respondents less
     * the exact options never give the count of one shown as "2 or fewer". Asked once a question a page: the reach-out
     * gap shows the same figures.
     */
    private List<Figure> figures(UUID who, PollQuestion q, Counted c) {
        int[] counts = c.counts()[q.position()];
        List<Figure> options = new ArrayList<>();
        for (int choice = 1; choice <= q.choices().size(); choice++) {
            options.add(release(who, option(q, choice), c, counts[choice]));
        }
        boolean summed = q.role() == QuestionRole.STRESS || q.role() == QuestionRole.REACHED_OUT_TO
            || q.role() == QuestionRole.REACHES_OUT;
        Figure sum = summed ? release(who, top2(q), c, top2(c, q)) : null;
        if (q.kind() == QuestionKind.MANY) {
            List<Figure> all = new ArrayList<>(options);
            all.add(sum);
            return all;
        }
        int n = q.choices().size();
        return ruleSet.together(options, summed ? Set.of(n - 2, n - 1) : Set.of(), sum, true);
    }

    private static String option(PollQuestion q, int choice) {
        return "poll.q" + q.position() + ".c" + choice;
    }

    private static String top2(PollQuestion q) {
        return "poll.q" + q.position() + ".top2";
    }

    private Gap gap(Poll poll, Map<Integer, List<Figure>> released, Locale locale) {
        Optional<PollQuestion> to = poll.questions().stream().filter(q -> q.role() == QuestionRole.REACHED_OUT_TO)
            .findFirst();
        Optional<PollQuestion> out = poll.questions().stream().filter(q -> q.role() == QuestionRole.REACHES_OUT)
            .findFirst();
        if (to.isEmpty() || out.isEmpty()) {
            return null;
        }
        List<Figure> toFigures = released.get(to.get().position());
        List<Figure> outFigures = released.get(out.get().position());
        List<Shown> a = new ArrayList<>();
        List<Shown> b = new ArrayList<>();
        int n = to.get().choices().size();
        for (int c = 1; c <= n; c++) {
            String level = to.get().choices().get(c - 1);
            a.add(shown(option(to.get(), c), toFigures.get(c - 1),
                msg(locale, "polls.results.gap.to", level.toLowerCase(locale)), locale));
            b.add(shown(option(out.get(), c), outFigures.get(c - 1),
                msg(locale, "polls.results.gap.out", level.toLowerCase(locale)), locale));
        }
        return new Gap(to.get().choices(), a, b,
            shown(top2(to.get()), toFigures.get(n), msg(locale, "polls.results.gap.to.often"), locale),
            shown(top2(out.get()), outFigures.get(out.get().choices().size()),
                msg(locale, "polls.results.gap.out.often"), locale));
    }

    private static int top2(Counted c, PollQuestion q) {
        int[] counts = c.counts()[q.position()];
        int n = counts.length - 1;
        return counts[n] + counts[n - 1];
    }

    private record Counted(Round round, Set<UUID> respondents, int[][] counts) {
    }

    private Counted count(Round round, Poll poll) {
        return new Counted(round, tallies.respondents(round.id()), tallies.counts(round.id(), poll));
    }

    /** One share through the rule set: {@code count} of the round's respondents chose it. */
    private Figure release(UUID viewer, String figure, Counted c, int count) {
        int n = c.respondents().size();
        Integer[] values = new Integer[n];
        Arrays.fill(values, 0, Math.min(count, n), 1);
        Arrays.fill(values, Math.min(count, n), n, 0);
        return ruleSet.release(viewer, Question.of(figure, Statistic.SHARE,
            new Window.PollRound(c.round().id()), new Cell("all", c.respondents(), List.of(values)))).whole();
    }

    /** A released share in words, for the page and the API. */
    private Shown shown(String figure, Figure f, String phrase, Locale locale) {
        if (f instanceof Figure.Share s && s.edge() == Figure.Edge.WITHHELD) {
            return new Shown(figure, true, msg(locale, "polls.results.withheld", phrase),
                msg(locale, "polls.results.withheld.value"), 0);
        }
        if (f instanceof Figure.Share s) {
            String text = figureText.text(s, locale);
            double width = switch (s.edge()) {
                case EXACT -> s.percent();
                case FEW, WITHHELD -> 0;
                case ALL_BUT_FEW -> 100;
            };
            return new Shown(figure, false, msg(locale, "polls.results.sentence", text, phrase), text, width);
        }
        return new Shown(figure, true, figureText.hidden(locale), figureText.hidden(locale), 0);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
